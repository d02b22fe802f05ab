/**
 * Gate 6: hostile URL state, the one implementation shared by the audit and
 * tests/e2e/url-state.spec.ts. Every widget's keys (from `data-state-keys`) are set to random,
 * huge, negative, NaN, non-numeric and script-like values in the URL hash; the page must throw
 * nothing, open no dialog, insert no markup, pollute no prototype, leave no control outside
 * its bounds, show no NaN/undefined/Infinity, and show a `.widget-note` saying the state was
 * rejected. Widgets on one page share one hash (`#a.x=…&b.y=…`), as readers' links do, so
 * each page load tries a value on every widget of the page at once.
 */
import type { Dialog, Locator, Page } from '@playwright/test';
import { brokenValues, light, scrollUntilReady } from '../../tests/support/browser.ts';
import { finding, WIDGET_SELECTOR, type Finding } from './config.ts';

/** Values nobody should be able to break a widget with: [what it is, the raw value]. */
export const HOSTILE: readonly (readonly [string, string])[] = [
  ['NaN', 'NaN'],
  ['overflow to Infinity', '1e999'],
  ['negative huge', '-1e308'],
  ['Infinity', 'Infinity'],
  ['hex', '-0x10'],
  ['script tag', '<script>alert(1)</script>'],
  ['HTML with handler', '"><img src=x onerror=alert(1)>'],
  ['empty', ''],
  ['non-numeric', 'abc'],
  ['malformed escape', '%E0%A4%A'],
  ['41 letters, over a text setting’s limit of 40', 'w'.repeat(41)],
];

/** Setting names that are not settings, including ones that could pollute prototypes. */
export const UNKNOWN_KEYS: readonly string[] = ['__proto__', 'constructor', 'no-such-setting'];

/** A widget that keeps state in the URL: its position on the page, hash prefix and keys. */
export interface StateWidget {
  index: number;
  prefix: string;
  keys: readonly string[];
}

/** One page load: a hash setting hostile values, and what they are. */
export interface HostileRound {
  what: string;
  hash: string;
}

/** A deterministic "random" number far outside any slider's range, different per seed. */
function randomValue(seed: number): string {
  const x = Math.sin(seed * 12.9898 + 78.233) * 43758.5453;
  return String(Number(((x - Math.floor(x) - 0.5) * 2e7).toFixed(3)));
}

/** The hostile values for one widget, plus a random number (seeded by its key count). */
function valuesFor(keys: readonly string[]): (readonly [string, string])[] {
  return [...HOSTILE, ['random', randomValue(keys.length)]];
}

/**
 * The page loads to try: in round r, key i of a widget with K keys gets value i + r·K, so every
 * value reaches some key of every widget; the first round also names the unknown keys. Values
 * go into the hash as written (a browser escapes what it must), so a malformed `%` escape stays
 * malformed.
 */
export function hostileRounds(widgets: readonly StateWidget[]): HostileRound[] {
  const rounds = Math.max(0, ...widgets.map((w) => Math.ceil(valuesFor(w.keys).length / Math.max(1, w.keys.length))));
  const out: HostileRound[] = [];
  for (let r = 0; r < rounds; r++) {
    const pairs: string[] = [];
    const what = new Set<string>();
    for (const w of widgets) {
      const values = valuesFor(w.keys);
      if (r * w.keys.length >= values.length) continue; // this widget has had every value
      w.keys.forEach((key, i) => {
        const [name, value] = values[(i + r * w.keys.length) % values.length] ?? ['', ''];
        pairs.push(`${w.prefix}.${key}=${value}`);
        what.add(name);
      });
      if (r === 0) pairs.push(...UNKNOWN_KEYS.map((key) => `${w.prefix}.${key}=1`));
    }
    if (r === 0) what.add('unknown keys');
    out.push({ what: [...what].join(', '), hash: pairs.join('&') });
  }
  return out;
}

/** Widgets on the loaded page with `data-state-keys`. */
export async function widgetsWithState(page: Page): Promise<StateWidget[]> {
  return page.locator(light(WIDGET_SELECTOR)).evaluateAll((els) =>
    els
      .map((el, index) => ({
        index,
        prefix: el.id || el.getAttribute('data-widget') || el.tagName.toLowerCase(),
        keys: (el.getAttribute('data-state-keys') ?? '').split(/[\s,]+/).filter(Boolean),
      }))
      .filter((w) => w.keys.length > 0),
  );
}

/** Number fields and sliders whose value is not a number within their bounds. */
export async function invalidControls(root: Locator): Promise<string[]> {
  return root.locator(light('input[type="range"], input[type="number"]')).evaluateAll((els) =>
    (els as HTMLInputElement[])
      .filter((el) => {
        const v = Number(el.value);
        return el.value.trim() === '' || !Number.isFinite(v) || (el.min !== '' && v < Number(el.min)) || (el.max !== '' && v > Number(el.max));
      })
      .map((el) => `${el.id || el.name || el.type}="${el.value}" (min ${el.min}, max ${el.max})`),
  );
}

/** What one widget shows after a hostile load. */
async function widgetFindings(root: Locator, where: string, readyTimeout: number): Promise<Finding[]> {
  if (!(await scrollUntilReady(root, readyTimeout))) return [finding('fuzz', `${where}: widget never set data-ready`)];
  const out: Finding[] = [];
  const note = root.locator(light('.widget-note')).first();
  const noteText = (await note.isVisible()) ? (await note.innerText()).trim() : '';
  if (!/\S{3,}/.test(noteText)) out.push(finding('fuzz', `${where}: no visible .widget-note saying the state was rejected`));
  for (const snippet of await brokenValues(root)) out.push(finding('fuzz', `${where}: visible "${snippet}"`));
  for (const control of await invalidControls(root)) out.push(finding('fuzz', `${where}: a control holds a value outside its bounds: ${control}`));
  const injected = await root.evaluate((el) => el.querySelectorAll('script, img[src="x"], [onerror]').length);
  if (injected > 0) out.push(finding('fuzz', `${where}: markup from the URL was inserted`));
  return out;
}

/** Load `url#hash` fresh (not a same-document hash change) and check every widget in it. */
async function tryRound(page: Page, url: string, widgets: readonly StateWidget[], round: HostileRound, readyTimeout: number): Promise<Finding[]> {
  const errors: string[] = [];
  const dialogs: string[] = [];
  const onError = (error: Error): void => void errors.push(error.message);
  const onDialog = (dialog: Dialog): void => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  };
  page.on('pageerror', onError);
  page.on('dialog', onDialog);
  try {
    await page.goto('about:blank');
    await page.goto(`${url}#${round.hash}`);
    const where = `${round.what} (#${round.hash.slice(0, 160)})`;
    const out: Finding[] = [];
    for (const w of widgets) {
      if (round.hash.includes(`${w.prefix}.`))
        out.push(...(await widgetFindings(page.locator(light(WIDGET_SELECTOR)).nth(w.index), `#${w.prefix} with ${where}`, readyTimeout)));
    }
    if (await page.evaluate(() => Object.keys(Object.prototype).length > 0)) out.push(finding('fuzz', `${where}: Object.prototype polluted`));
    for (const error of errors) out.push(finding('fuzz', `${where}: uncaught ${error.split('\n')[0]}`));
    for (const dialog of dialogs) out.push(finding('fuzz', `${where}: opened a dialog (${dialog})`));
    return out;
  } finally {
    page.off('pageerror', onError);
    page.off('dialog', onDialog);
  }
}

/**
 * Gate 6 for every widget with URL state on the page at `url`. `readyTimeout`: how long a widget
 * may take to set `data-ready` before it is reported as never starting (ms).
 */
export async function fuzzFindings(page: Page, url: string, { readyTimeout = 15_000 } = {}): Promise<Finding[]> {
  await page.goto(url);
  const widgets = await widgetsWithState(page);
  const out: Finding[] = [];
  for (const round of hostileRounds(widgets)) out.push(...(await tryRound(page, url, widgets, round, readyTimeout)));
  return out;
}
