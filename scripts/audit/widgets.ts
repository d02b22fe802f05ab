/**
 * Driving widgets the way a reader does, the one implementation shared by the audit's main
 * pass and tests/e2e/widgets.spec.ts: scroll each widget into view until it sets `data-ready`,
 * then use every control. Sliders answer ArrowRight (ArrowLeft at the max), Home and End: each
 * changes the value, Home gives min and End gives max, and each redraws the figure and changes
 * a readout. A number field, menu or checkbox redraws the figure or changes a readout. Buttons
 * can be pressed. No NaN, undefined or Infinity is ever visible. Controls marked
 * `data-deferred` (a training run's seed or optimiser) apply at the next run, so only their
 * readout must follow.
 */
import type { Locator, Page } from '@playwright/test';
import { brokenValues, byId, light, scrollUntilReady } from '../../tests/support/browser.ts';
import { finding, WIDGET_SELECTOR, type Finding } from './config.ts';

/** A short name for a widget root: `#id` or `tag[index]`. */
export async function widgetName(root: Locator, index: number): Promise<string> {
  const { id, tag } = await root.evaluate((el) => ({ id: el.id, tag: el.tagName.toLowerCase() }));
  return id ? `#${id}` : `${tag}[${index}]`;
}

/**
 * Poll `check` until it is true or `timeout` ms have passed (as Playwright's expect.poll does);
 * a check that throws (an element gone while the widget redraws) counts as false.
 */
export async function until(check: () => Promise<boolean>, timeout = 5_000): Promise<boolean> {
  const end = Date.now() + timeout;
  for (let i = 0; ; i++) {
    if (await check().catch(() => false)) return true;
    const left = end - Date.now();
    if (left <= 0) return false;
    await new Promise((resolve) => setTimeout(resolve, Math.min([100, 250, 500][i] ?? 1_000, left)));
  }
}

/**
 * The controls matching `selector` in `root` that are visible now, as locators that keep
 * pointing at the same element while others appear or hide (by id where there is one).
 */
async function stableControls(root: Locator, selector: string): Promise<Locator[]> {
  const all = root.locator(light(selector));
  const found = await all.evaluateAll((els) => els.map((el) => ({ id: el.id, visible: el.checkVisibility() })));
  return found.flatMap(({ id, visible }, i) => (visible ? [id ? root.locator(light(byId(id))) : all.nth(i)] : []));
}

/** Usable by a reader now: still visible and enabled. */
async function usable(control: Locator): Promise<boolean> {
  return (await control.isVisible()) && (await control.isEnabled());
}

/** What a use of a control can change, as short digests taken in the browser (one round trip, a few bytes back). */
interface Digest {
  /** The control's value. */
  value: string;
  /** The figure's markup. */
  figure: string;
  /** The texts of the `<output>` readouts. */
  outputs: string;
  /** The texts of every readout (`<output>` or `[data-out]`). */
  readouts: string;
}

/** Digest the widget a control is in (its value too), or a widget root itself. Runs in the browser. */
function digestOf(el: Element): Digest {
  const root = el.closest('.widget') ?? el;
  // FNV-1a, 32 bits: equal markup gives equal digests, and any change almost surely a different one.
  const hash = (text: string): string => {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    return `${text.length}:${(h >>> 0).toString(16)}`;
  };
  const texts = (selector: string): string => hash([...root.querySelectorAll(selector)].map((e) => e.textContent ?? '').join('\n\u0000'));
  return {
    value: el instanceof HTMLInputElement || el instanceof HTMLSelectElement ? el.value : '',
    figure: hash([...root.querySelectorAll('.widget-figure')].map((e) => e.innerHTML).join('\n')),
    outputs: texts('output'),
    readouts: texts('output, [data-out]'),
  };
}

/** The digest of the widget at `root`, with `control`'s value when given. */
function digest(root: Locator, control?: Locator): Promise<Digest> {
  // Playwright's timeout covers the evaluation too: with several browsers on two cores, 1 s was sometimes too short.
  return (control ?? root).evaluate(digestOf, undefined, { timeout: 5_000 });
}

/** Poll the widget's digest until `done(digest)` or `wait` ms have passed; the last digest either way. */
async function digestUntil(root: Locator, control: Locator | undefined, done: (d: Digest) => boolean, wait: number): Promise<Digest> {
  let last: Digest | undefined;
  await until(async () => done((last = await digest(root, control))), wait);
  return last ?? digest(root, control);
}

/** A control's name for messages: its aria-label, id or position. */
async function controlName(control: Locator, fallback: string): Promise<string> {
  return (await control.getAttribute('aria-label')) ?? (await control.getAttribute('id')) ?? fallback;
}

/** Findings for broken values visible in the widget after `what`. */
async function brokenAfter(root: Locator, name: string, what: string): Promise<Finding[]> {
  return (await brokenValues(root)).map((snippet) => finding('fuzz', `${name}: ${what}, visible "${snippet}"`));
}

/** One key on a focused slider: the value, the figure (unless deferred) and a readout change. */
async function sliderKey(
  page: Page,
  root: Locator,
  input: Locator,
  name: string,
  key: string,
  range: { min: number; max: number; deferred: boolean; wait: number },
): Promise<Finding[]> {
  const before = await digest(root, input);
  await page.keyboard.press(key);
  const target = key === 'Home' ? range.min : key === 'End' ? range.max : undefined;
  if (target !== undefined && Number(before.value) === target) {
    // Already there (e.g. a two-position slider): nothing can change, but the value must stay put.
    const now = await digest(root, input);
    return Number(now.value) === target ? [] : [finding('keyboard', `${name}: ${key} does not set the ${key === 'Home' ? 'minimum' : 'maximum'} (${target})`)];
  }
  // One redraw changes everything at once: wait for all of it, then say what did not come.
  const moved = (d: Digest): boolean => d.value !== before.value && (target === undefined || Number(d.value) === target);
  const now = await digestUntil(root, input, (d) => moved(d) && (range.deferred || d.figure !== before.figure) && d.outputs !== before.outputs, range.wait);
  if (now.value === before.value) return [finding('keyboard', `${name}: ${key} does not change the value`)];
  const out: Finding[] = [];
  if (!moved(now)) out.push(finding('keyboard', `${name}: ${key} does not set the ${key === 'Home' ? 'minimum' : 'maximum'} (${target})`));
  if (!range.deferred && now.figure === before.figure) out.push(finding('widgets', `${name}: after ${key} the figure is not redrawn`));
  if (now.outputs === before.outputs) out.push(finding('widgets', `${name}: after ${key} no readout (<output>) changes`));
  return [...out, ...(await brokenAfter(root, name, `after ${key}`))];
}

/** A slider, from the keyboard: ArrowRight (ArrowLeft at the max), Home, End. */
async function sliderFindings(page: Page, root: Locator, input: Locator, name: string, wait: number): Promise<Finding[]> {
  const { min, max, value, deferred } = await input.evaluate((el: HTMLInputElement) => ({
    min: Number(el.min || 0),
    max: Number(el.max || 100),
    value: Number(el.value),
    deferred: el.hasAttribute('data-deferred'),
  }));
  if (!(min < max)) return [finding('widgets', `${name}: min ${min} is not below max ${max}`)];
  await input.focus();
  if (!(await input.evaluate((el) => el === document.activeElement))) return [finding('keyboard', `${name}: does not take keyboard focus`)];
  const out: Finding[] = [];
  for (const key of [value >= max ? 'ArrowLeft' : 'ArrowRight', 'Home', 'End'])
    out.push(...(await sliderKey(page, root, input, name, key, { min, max, deferred, wait })));
  return out;
}

/** Use a number field, menu or checkbox once, as a reader would. Returns what was done. */
export async function useControl(page: Page, control: Locator): Promise<string | undefined> {
  const info = await control.evaluate((el: HTMLInputElement | HTMLSelectElement) =>
    el instanceof HTMLSelectElement
      ? { kind: 'select', other: [...el.options].find((o) => o.value !== el.value && !o.disabled)?.value, next: '' }
      : {
          kind: el.type,
          other: undefined,
          next: (() => {
            const step = el.step === 'any' || !el.step ? 1 : Number(el.step);
            const v = Number(el.value) || 0;
            const max = el.max === '' ? Infinity : Number(el.max);
            return String(Number((v + step <= max ? v + step : v - step).toPrecision(10)));
          })(),
        },
  );
  if (info.kind === 'select') {
    if (info.other === undefined) return undefined;
    await control.selectOption(info.other);
    return `choose "${info.other}"`;
  }
  if (info.kind === 'checkbox') {
    await control.focus();
    await page.keyboard.press('Space');
    return 'toggle';
  }
  await control.fill(info.next);
  await control.press('Tab'); // commit, as a reader does by leaving the field
  return `type ${info.next}`;
}

/** Number fields, menus and checkboxes: each use redraws the figure or changes a readout. */
async function otherControlFindings(page: Page, root: Locator, name: string, wait: number): Promise<Finding[]> {
  const controls = await stableControls(root, '.widget-controls :is(input[type="number"], select, input[type="checkbox"])');
  const out: Finding[] = [];
  for (const [i, control] of controls.entries()) {
    if (!(await usable(control))) continue;
    const label = `${name} ${await controlName(control, `control ${i + 1}`)}`;
    const before = await digest(root);
    const did = await useControl(page, control).catch((e: unknown) => `failed: ${String(e).split('\n')[0]}`);
    if (did === undefined) continue;
    if (did.startsWith('failed')) {
      out.push(finding('widgets', `${label}: could not be used: ${did}`));
      continue;
    }
    const deferred = await control.evaluate((el) => el.hasAttribute('data-deferred'));
    const changed = (d: Digest): boolean => d.figure !== before.figure || d.readouts !== before.readouts;
    if (!deferred && !changed(await digestUntil(root, undefined, changed, wait)))
      out.push(finding('widgets', `${label}: ${did} neither redraws the figure nor changes a readout`));
    out.push(...(await brokenAfter(root, label, `after ${did}`)));
  }
  return out;
}

/** Buttons (presets, best fit, play, reset…) can be pressed and break nothing. */
async function buttonFindings(page: Page, root: Locator, name: string): Promise<Finding[]> {
  const buttons = await stableControls(root, '.widget-controls :is(button, input[type="button"])');
  const out: Finding[] = [];
  for (const [i, button] of buttons.entries()) {
    if (!(await usable(button))) continue; // e.g. a shift that would leave the sliders' range
    const label = ((await button.innerText()).trim() || (await button.getAttribute('value'))) ?? `button ${i + 1}`;
    const clicked = await button.click({ timeout: 5_000 }).then(
      () => true,
      () => false,
    );
    if (!clicked) out.push(finding('widgets', `${name}: the button "${label}" could not be pressed`));
    await page.waitForTimeout(150);
    out.push(...(await brokenAfter(root, name, `after pressing "${label}"`)));
  }
  return out;
}

/**
 * Start one widget and use each of its controls; every problem as a finding. `wait`: how long
 * to wait for a redraw or a readout before reporting that none came (ms).
 */
export async function exerciseWidget(page: Page, root: Locator, name: string, wait = 5_000): Promise<Finding[]> {
  if (!(await scrollUntilReady(root))) return [finding('widgets', `${name}: never set data-ready after being scrolled into view`)];
  const out: Finding[] = [];
  if (!(await root.locator(light('.widget-controls')).first().isVisible())) out.push(finding('widgets', `${name}: its controls are not shown once it runs`));
  out.push(...(await brokenAfter(root, name, 'once started')));
  const sliders = await stableControls(root, 'input[type="range"]');
  for (const [i, input] of sliders.entries()) {
    if (!(await usable(input))) continue; // hidden or disabled by an earlier setting (e.g. fewer layers)
    out.push(...(await sliderFindings(page, root, input, `${name} ${await controlName(input, `slider ${i + 1}`)}`, wait)));
  }
  out.push(...(await otherControlFindings(page, root, name, wait)));
  out.push(...(await buttonFindings(page, root, name)));
  return out;
}

/** Start every widget on the page and use each of its controls (see `exerciseWidget`). */
export async function exerciseWidgets(page: Page, wait = 5_000): Promise<Finding[]> {
  const roots = page.locator(light(WIDGET_SELECTOR));
  const out: Finding[] = [];
  for (let i = 0; i < (await roots.count()); i++) {
    const root = roots.nth(i);
    out.push(...(await exerciseWidget(page, root, await widgetName(root, i), wait)));
  }
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
  return out;
}
