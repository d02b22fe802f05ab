/**
 * Driving widgets the way a reader does: scroll each into view, wait for `data-ready`, and
 * use every control once (slider: ArrowRight; menu: another option; number field: a valid
 * value; checkbox: Space; button: click). Also: what broken values a reader can see.
 */
import type { Locator, Page } from '@playwright/test';
import { brokenValueSnippets, visibleTextIn } from '../../tests/support/browser.ts';
import { finding, WIDGET_SELECTOR, type Finding, type Gate } from './config.ts';

/** A short name for a widget root: `#id` or `tag[index]`. */
export async function widgetName(root: Locator, index: number): Promise<string> {
  const { id, tag } = await root.evaluate((el) => ({ id: el.id, tag: el.tagName.toLowerCase() }));
  return id ? `#${id}` : `${tag}[${index}]`;
}

/** Scroll a widget to the centre (instantly, re-trying) until it reports `data-ready`. */
export async function startWidget(root: Locator, timeout = 15_000): Promise<boolean> {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    await root.evaluate((el) => el.scrollIntoView({ block: 'center', behavior: 'instant' }));
    const ready = await root
      .evaluate((el) => new Promise<boolean>((resolve) => setTimeout(() => resolve(el.hasAttribute('data-ready')), 100)))
      .catch(() => false);
    if (ready) return true;
  }
  return false;
}

/** NaN/undefined/Infinity visible in a widget; text quoted in its note (rejected input) is ignored. */
export async function brokenValues(root: Locator): Promise<string[]> {
  const body = await root.evaluate(visibleTextIn, { skip: '.widget-note' });
  const notes = await root
    .locator('.widget-note')
    .evaluateAll((els) => els.filter((e) => e.checkVisibility()).map((e) => (e.textContent ?? '').replace(/"[^"]*"|“[^”]*”|'[^']*'/g, '""')));
  return brokenValueSnippets(`${body}\n${notes.join('\n')}`);
}

type ControlKind = 'range' | 'select' | 'number' | 'checkbox' | 'button' | 'other';

async function kindOf(control: Locator): Promise<ControlKind> {
  return control.evaluate((el) => {
    if (el instanceof HTMLSelectElement) return 'select';
    if (el instanceof HTMLButtonElement) return 'button';
    if (el instanceof HTMLInputElement && ['range', 'number', 'checkbox'].includes(el.type)) return el.type as ControlKind;
    if (el instanceof HTMLInputElement && el.type === 'button') return 'button';
    return 'other';
  });
}

/** Use one control once, as a reader would. Returns what was done. */
export async function useControl(page: Page, control: Locator): Promise<string> {
  const kind = await kindOf(control);
  if (kind === 'range') {
    const atMax = await control.evaluate((el: HTMLInputElement) => el.valueAsNumber >= Number(el.max || 100));
    await control.focus();
    await page.keyboard.press(atMax ? 'ArrowLeft' : 'ArrowRight');
    return atMax ? 'ArrowLeft' : 'ArrowRight';
  }
  if (kind === 'select') {
    const other = await control.evaluate((el: HTMLSelectElement) => [...el.options].find((o) => o.value !== el.value && !o.disabled)?.value);
    if (other !== undefined) await control.selectOption(other);
    return `choose "${other}"`;
  }
  if (kind === 'number') {
    const next = await control.evaluate((el: HTMLInputElement) => {
      const step = el.step === 'any' || !el.step ? 1 : Number(el.step);
      const v = Number(el.value) || 0;
      const max = el.max === '' ? Infinity : Number(el.max);
      return String(Number((v + step <= max ? v + step : v - step).toPrecision(10)));
    });
    await control.fill(next);
    await control.press('Tab');
    return `type ${next}`;
  }
  if (kind === 'checkbox') {
    await control.focus();
    await page.keyboard.press('Space');
    return 'toggle';
  }
  if (kind === 'button') {
    await control.click({ timeout: 5_000 });
    return 'click';
  }
  return 'nothing (unknown control)';
}

/** Visible controls of a widget, in document order. */
export function controlsOf(root: Locator): Locator {
  return root.locator('.widget-controls :is(input, select, button, textarea):visible');
}

/** Start one widget and use each of its controls once; findings are broken values seen. */
async function exerciseOne(page: Page, root: Locator, name: string, gate: Gate): Promise<Finding[]> {
  if (!(await startWidget(root))) return [finding(gate, `${name}: never set data-ready after being scrolled into view`)];
  const out: Finding[] = (await brokenValues(root)).map((snippet) => finding(gate, `${name}: once started, visible "${snippet}"`));
  const controls = controlsOf(root);
  const count = await controls.count();
  for (let i = 0; i < count; i++) {
    const control = controls.nth(i);
    if (!(await control.isEnabled())) continue;
    const label = (await control.getAttribute('aria-label')) ?? (await control.getAttribute('id')) ?? `control ${i + 1}`;
    const did = await useControl(page, control).catch((e: unknown) => `failed: ${String(e).split('\n')[0]}`);
    if (did.startsWith('failed')) out.push(finding(gate, `${name}: could not use ${label}: ${did}`));
    await page.waitForTimeout(50);
    for (const snippet of await brokenValues(root)) out.push(finding(gate, `${name}: after ${label} ${did}, visible "${snippet}"`));
  }
  return out;
}

/**
 * Start every widget on the page and use each of its controls once. Findings (gate `fuzz`,
 * "no visible NaN") are widgets that never start and broken values shown after a control.
 */
export async function exerciseWidgets(page: Page, gate: Gate = 'fuzz'): Promise<Finding[]> {
  const roots = page.locator(WIDGET_SELECTOR);
  const out: Finding[] = [];
  for (let i = 0; i < (await roots.count()); i++) {
    const root = roots.nth(i);
    out.push(...(await exerciseOne(page, root, await widgetName(root, i), gate)));
  }
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
  return out;
}
