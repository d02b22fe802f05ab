/**
 * Gate 2: keyboard. From the top of a page as first shown (in the audit's main pass: scrolled
 * through once, so its widgets have started, and none used yet), Tab walks the focus order: the first stop
 * must be the skip link, every visible widget control must be reached, in document order,
 * and every focused element must show a focus indicator (an outline wider than 0 or a box
 * shadow). Sliders' keys are checked with the widgets (widgets.ts).
 */
import type { Page } from '@playwright/test';
import { finding, WIDGET_SELECTOR, type Finding } from './config.ts';

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

/**
 * Where the walk ends in the recorded stops: at the first element focused a second time, or at
 * the end when focus has left the page for the body; -1 while it goes on. Runs in the browser.
 */
function walkEnd(): number {
  const stops = window.__auditStops ?? [];
  const seen = new Set<number>();
  for (const [i, stop] of stops.entries()) {
    if (seen.has(stop.order)) return i;
    seen.add(stop.order);
  }
  return stops.length > 3 && document.activeElement === document.body ? stops.length : -1;
}

/**
 * Press Tab until focus comes back to an element it has been on (or `limit` presses). The end
 * is looked for every `batch` presses (a round trip per press doubled the walk's time); Tabs
 * past it only repeat stops, which are dropped.
 */
async function walk(page: Page, limit: number, batch = 8): Promise<Stop[]> {
  for (let pressed = 0; pressed < limit;) {
    for (let k = 0; k < batch && pressed < limit; k++, pressed++) await page.keyboard.press('Tab');
    const end = await page.evaluate(walkEnd);
    if (end >= 0) return (await page.evaluate(() => window.__auditStops ?? [])).slice(0, end);
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
