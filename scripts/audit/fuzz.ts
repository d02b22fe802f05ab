/**
 * Gate 6: hostile URL state, the one implementation shared by the audit and
 * tests/e2e/url-state.spec.ts. Every widget's keys (from `data-state-keys`) are set to random,
 * huge, negative, NaN, non-numeric and script-like values in the URL hash; the page must throw
 * nothing, open no dialog, insert no markup, pollute no prototype, leave no control outside
 * its bounds, show no NaN/undefined/Infinity, and show a `.widget-note` saying the state was
 * rejected. Widgets on one page share one hash (`#a.x=…&b.y=…`), as readers' links do, so
 * each page load tries a value on every widget of the page at once. The first load tries every
 * widget with state together; a later one that is left with few widgets to try (a widget with one
 * setting needs a load per value) opens each widget's embed page instead, when the site has one.
 */
import type { Dialog, Locator, Page } from '@playwright/test';
import { brokenValues, byId, light, scrollUntilReady } from '../../tests/support/browser.ts';
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
  /** Each widget's part of `hash`, by prefix: the widgets the round tries. */
  parts: Map<string, string>;
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
    const parts = new Map<string, string>();
    const what = new Set<string>();
    for (const w of widgets) {
      const values = valuesFor(w.keys);
      if (r * w.keys.length >= values.length) continue; // this widget has had every value
      const pairs = w.keys.map((key, i) => {
        const [name, value] = values[(i + r * w.keys.length) % values.length] ?? ['', ''];
        what.add(name);
        return `${w.prefix}.${key}=${value}`;
      });
      if (r === 0) pairs.push(...UNKNOWN_KEYS.map((key) => `${w.prefix}.${key}=1`));
      parts.set(w.prefix, pairs.join('&'));
    }
    if (r === 0) what.add('unknown keys');
    out.push({ what: [...what].join(', '), hash: [...parts.values()].join('&'), parts });
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

/** A widget to check after a load: its prefix and where it is on the loaded page. */
interface Tried {
  prefix: string;
  root: (page: Page) => Locator;
}

/** Load `url` fresh (not a same-document hash change) and check the widgets `tried`; `where` names the values. */
async function tryLoad(page: Page, url: string, where: string, tried: readonly Tried[], readyTimeout: number): Promise<Finding[]> {
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
    await page.goto(url);
    const out: Finding[] = [];
    for (const w of tried) out.push(...(await widgetFindings(w.root(page), `#${w.prefix} with ${where}`, readyTimeout)));
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
 * A round after the first that tries values on at most this many widgets opens their embed pages, one load each, instead
 * of the chapter: on softmax-gradients a load of the chapter with two widgets started took 1.0 CPU-s, the two embed pages
 * 0.5 together.
 */
const EMBED_UP_TO = 3;

/** The URL of a widget's embed page, or undefined: the page is not on the site (a HEAD request, asked once per widget). */
type EmbedOf = (prefix: string) => Promise<string | undefined>;

/** An `EmbedOf` for a site whose embed pages are `<home>embed/<id>/`. */
export function embedPages(page: Page, home: string): EmbedOf {
  const found = new Map<string, Promise<string | undefined>>();
  const exists = async (url: string): Promise<string | undefined> => {
    const ok = await page.request.head(url).then(
      (r) => r.ok(),
      () => false,
    );
    return ok ? url : undefined;
  };
  return (prefix) => {
    let known = found.get(prefix);
    if (!known) found.set(prefix, (known = exists(`${home}embed/${encodeURIComponent(prefix)}/`)));
    return known;
  };
}

/** One page load of a round: the page, the hash it opens with, the widgets to check on it. */
interface Load {
  page: string;
  hash: string;
  tried: Tried[];
  embed: boolean;
}

/** The loads of one round: the chapter with the whole hash, or each widget's embed page with its part (see `EMBED_UP_TO`). */
async function loadsOf(url: string, widgets: readonly StateWidget[], round: HostileRound, first: boolean, embedOf?: EmbedOf): Promise<Load[]> {
  const tried = widgets.filter((w) => round.parts.has(w.prefix));
  const chapter: Load = {
    page: url,
    hash: round.hash,
    tried: tried.map((w) => ({ prefix: w.prefix, root: (p: Page) => p.locator(light(WIDGET_SELECTOR)).nth(w.index) })),
    embed: false,
  };
  if (first || !embedOf || tried.length > EMBED_UP_TO) return [chapter];
  const embeds = await Promise.all(tried.map((w) => embedOf(w.prefix)));
  if (embeds.some((e) => e === undefined)) return [chapter];
  return tried.map((w, i) => ({
    page: embeds[i] ?? '',
    hash: round.parts.get(w.prefix) ?? '',
    tried: [{ prefix: w.prefix, root: (p: Page) => p.locator(light(byId(w.prefix))) }],
    embed: true,
  }));
}

/**
 * Gate 6 for every widget with URL state on the page at `url`. `readyTimeout`: how long a widget
 * may take to set `data-ready` before it is reported as never starting (ms). `embedOf`: where each
 * widget's embed page is (`embedPages`), for the later rounds; without it every round loads `url`.
 */
export async function fuzzFindings(
  page: Page,
  url: string,
  { readyTimeout = 15_000, embedOf }: { readyTimeout?: number; embedOf?: EmbedOf } = {},
): Promise<Finding[]> {
  await page.goto(url);
  const widgets = await widgetsWithState(page);
  const out: Finding[] = [];
  for (const [r, round] of hostileRounds(widgets).entries()) {
    for (const load of await loadsOf(url, widgets, round, r === 0, embedOf)) {
      const where = `${round.what} (#${load.hash.slice(0, 160)}${load.embed ? ', on its embed page' : ''})`;
      out.push(...(await tryLoad(page, `${load.page}#${load.hash}`, where, load.tried, readyTimeout)));
    }
  }
  return out;
}
