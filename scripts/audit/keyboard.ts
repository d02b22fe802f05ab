/**
 * Gate 2: keyboard. From a freshly loaded page, Tab walks the focus order: the first stop
 * must be the skip link, every visible widget control must be reached, in document order,
 * and every focused element must show a focus indicator (an outline wider than 0 or a box
 * shadow). Then every slider must answer ArrowRight/ArrowLeft, Home and End.
 */
import type { Locator, Page } from '@playwright/test';
import { finding, WIDGET_SELECTOR, type Finding } from './config.ts';
import { brokenValues, startWidget } from './widgets.ts';

interface Stop {
  /** A number given to the element the first time it is focused. */
  order: number;
  /** The element comes after the previously focused one in document order. */
  forward: boolean;
  name: string;
  control: string | undefined;
  indicator: boolean;
  skipLink: boolean;
}

declare global {
  interface Window {
    __auditStops?: Stop[];
  }
}

/** Label controls and record every focus change. Runs in the browser; returns the control ids. */
function instrument(selector: string): string[] {
  const controls = [...document.querySelectorAll(`:is(${selector}) .widget-controls :is(input, select, button, textarea)`)].filter(
    (el) => el.checkVisibility() && !(el as HTMLInputElement).disabled,
  );
  controls.forEach((el, i) =>
    el.setAttribute('data-audit-control', `${el.closest(selector)?.id ?? 'widget'} ${el.id || el.getAttribute('aria-label') || el.textContent?.trim() || i}`),
  );
  window.__auditStops = [];
  const stamps = new WeakMap<Element, number>();
  let counter = 0;
  let previous: Element | undefined;
  document.addEventListener('focusin', (e) => {
    const el = e.target as HTMLElement;
    if (!stamps.has(el)) stamps.set(el, counter++);
    const forward = !previous || !!(previous.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
    previous = el;
    const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
    // A ring drawn on the element or on its ::before/::after (e.g. around a whole card) counts.
    const ring = (style: CSSStyleDeclaration): boolean =>
      (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || (style.boxShadow !== 'none' && style.boxShadow !== '');
    const indicator = [null, '::before', '::after'].some((pseudo) => ring(getComputedStyle(el, pseudo)));
    window.__auditStops?.push({
      order: stamps.get(el) ?? -1,
      forward,
      name: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}${el.getAttribute('href') ? `[href="${el.getAttribute('href')}"]` : ''}${text ? ` “${text}”` : ''}`,
      control: el.getAttribute('data-audit-control') ?? undefined,
      indicator,
      skipLink: el instanceof HTMLAnchorElement && /skip/i.test(el.textContent ?? '') && (el.getAttribute('href') ?? '').startsWith('#'),
    });
  });
  return controls.map((el) => el.getAttribute('data-audit-control') ?? '');
}

/** Press Tab until focus comes back to the start (or `limit` presses). */
async function walk(page: Page, limit: number): Promise<Stop[]> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const stops = await page.evaluate(() => window.__auditStops ?? []);
    const last = stops[stops.length - 1];
    if (i > 2 && last && stops.findIndex((s) => s.order === last.order) < stops.length - 1) return stops.slice(0, -1);
    if (i > 2 && (await page.evaluate(() => document.activeElement === document.body))) return stops;
  }
  return page.evaluate(() => window.__auditStops ?? []);
}

/** Findings about the Tab order of the page loaded in `page`. */
export async function focusOrderFindings(page: Page): Promise<Finding[]> {
  const controls = await page.evaluate(instrument, WIDGET_SELECTOR);
  const focusable = await page.locator('a[href], area[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable]').count();
  const stops = await walk(page, focusable * 2 + 20); // the walk stops when focus comes round again
  const out: Finding[] = [];
  if (!stops[0]?.skipLink) out.push(finding('keyboard', `the first Tab stop is ${stops[0]?.name ?? 'nothing'}, not a skip link`));
  for (const s of stops) if (!s.indicator) out.push(finding('keyboard', `${s.name} shows no focus indicator (outline or box-shadow)`));
  const reached = stops.filter((s) => s.control !== undefined).map((s) => s.control as string);
  for (const c of controls) if (!reached.includes(c)) out.push(finding('keyboard', `widget control ${c} is not reachable with Tab`));
  const backwards = stops.findIndex((s) => !s.forward);
  if (backwards > 0) out.push(finding('keyboard', `Tab order goes backwards at ${stops[backwards]?.name} (after ${stops[backwards - 1]?.name})`));
  return out;
}

async function pressExpect(page: Page, input: Locator, key: string, expected: (v: number, min: number, max: number) => boolean): Promise<boolean> {
  await page.keyboard.press(key);
  const { v, min, max } = await input.evaluate((el: HTMLInputElement) => ({ v: el.valueAsNumber, min: Number(el.min || 0), max: Number(el.max || 100) }));
  return expected(v, min, max);
}

/** ArrowRight (or Left at the max) changes the value, Home gives min, End gives max. */
async function sliderFindings(page: Page, root: Locator, input: Locator, name: string): Promise<Finding[]> {
  const out: Finding[] = [];
  await input.focus();
  const start = await input.evaluate((el: HTMLInputElement) => ({ v: el.valueAsNumber, atMax: el.valueAsNumber >= Number(el.max || 100) }));
  const arrow = start.atMax ? 'ArrowLeft' : 'ArrowRight';
  if (!(await pressExpect(page, input, arrow, (v) => v !== start.v))) out.push(finding('keyboard', `${name}: ${arrow} does not change the value`));
  if (!(await pressExpect(page, input, 'Home', (v, min) => v === min))) out.push(finding('keyboard', `${name}: Home does not set the minimum`));
  if (!(await pressExpect(page, input, 'End', (v, _min, max) => v === max))) out.push(finding('keyboard', `${name}: End does not set the maximum`));
  await page.waitForTimeout(100);
  for (const snippet of await brokenValues(root)) out.push(finding('fuzz', `${name} at its maximum: visible "${snippet}"`));
  return out;
}

/** Gate 2 for the page at `url`, loaded fresh in `page`. */
export async function keyboardFindings(page: Page, url: string): Promise<Finding[]> {
  await page.goto(url);
  const out = await focusOrderFindings(page);
  const roots = page.locator(WIDGET_SELECTOR);
  for (let i = 0; i < (await roots.count()); i++) {
    const root = roots.nth(i);
    if (!(await startWidget(root))) continue; // reported by the widget pass
    const sliders = root.locator('.widget-controls input[type="range"]:visible');
    for (let j = 0; j < (await sliders.count()); j++) {
      const input = sliders.nth(j);
      const name = `${(await root.getAttribute('id')) ?? `widget ${i}`} ${(await input.getAttribute('id')) ?? `slider ${j}`}`;
      out.push(...(await sliderFindings(page, root, input, name)));
    }
  }
  return out;
}
