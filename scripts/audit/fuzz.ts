/**
 * Gate 6: hostile URL state. Every widget's keys (from `data-state-keys`) are set to random,
 * huge, negative, NaN, non-numeric and script-like values in the URL hash; the page must
 * throw nothing, open no dialog, insert no markup, show no NaN/undefined/Infinity, and show
 * a `.widget-note` saying the state was rejected.
 */
import type { Page } from '@playwright/test';
import { finding, WIDGET_SELECTOR, type Finding } from './config.ts';
import { brokenValues, startWidget } from './widgets.ts';

/** Values nobody should be able to break a widget with. */
export const HOSTILE: readonly string[] = [
  'NaN',
  '1e999',
  '-1e308',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'abc',
  '',
  '-0x10',
  'Infinity',
  '%E0%A4%A',
];

/** A deterministic "random" number far outside any slider's range, different per round. */
function randomValue(round: number): string {
  const x = Math.sin(round * 12.9898 + 78.233) * 43758.5453;
  return String(Number(((x - Math.floor(x) - 0.5) * 2e7).toFixed(3)));
}

/** The hashes to try for a widget: every hostile value reaches some key, plus unknown keys. */
export function hostileHashes(prefix: string, keys: readonly string[]): string[] {
  const values = [...HOSTILE, randomValue(keys.length)];
  const rounds = Math.ceil(values.length / Math.max(1, keys.length));
  const hashes: string[] = [];
  for (let r = 0; r < rounds; r++) {
    const pairs = keys.map((key, i) => `${prefix}.${key}=${encodeURIComponent(values[(i + r * keys.length) % values.length] ?? '')}`);
    if (r === 0) pairs.push(`${prefix}.__proto__=1`, `${prefix}.no-such-setting=1`);
    hashes.push(pairs.join('&'));
  }
  return hashes;
}

interface WidgetInfo {
  index: number;
  prefix: string;
  keys: string[];
}

async function widgetsWithState(page: Page): Promise<WidgetInfo[]> {
  return page.locator(WIDGET_SELECTOR).evaluateAll((els) =>
    els
      .map((el, index) => ({
        index,
        prefix: el.id || el.getAttribute('data-widget') || el.tagName.toLowerCase(),
        keys: (el.getAttribute('data-state-keys') ?? '').split(/[\s,]+/).filter(Boolean),
      }))
      .filter((w) => w.keys.length > 0),
  );
}

/** Load `url#hash` fresh and check one widget. */
async function tryHash(page: Page, url: string, w: WidgetInfo, hash: string, seen: { errors: string[]; dialogs: number }): Promise<Finding[]> {
  const errorsBefore = seen.errors.length;
  await page.goto('about:blank');
  await page.goto(`${url}#${hash}`);
  const root = page.locator(WIDGET_SELECTOR).nth(w.index);
  const where = `#${w.prefix} with #${decodeURIComponent(hash).slice(0, 120)}`;
  const out: Finding[] = [];
  if (!(await startWidget(root))) out.push(finding('fuzz', `${where}: widget never set data-ready`));
  const note = root.locator('.widget-note').first();
  const noteText = (await note.isVisible()) ? (await note.innerText()).trim() : '';
  if (noteText.length < 3) out.push(finding('fuzz', `${where}: no visible .widget-note saying the state was rejected`));
  for (const snippet of await brokenValues(root)) out.push(finding('fuzz', `${where}: visible "${snippet}"`));
  const injected = await root.evaluate((el) => el.querySelectorAll('script, img[src="x"], [onerror]').length);
  if (injected > 0) out.push(finding('fuzz', `${where}: markup from the URL was inserted`));
  if (await page.evaluate(() => Object.keys(Object.prototype).length > 0)) out.push(finding('fuzz', `${where}: Object.prototype polluted`));
  for (const error of seen.errors.slice(errorsBefore)) out.push(finding('fuzz', `${where}: uncaught ${error.split('\n')[0]}`));
  return out;
}

/** Gate 6 for every widget with URL state on the page at `url`. */
export async function fuzzFindings(page: Page, url: string): Promise<Finding[]> {
  const seen = { errors: [] as string[], dialogs: 0 };
  page.on('pageerror', (e) => seen.errors.push(e.message));
  page.on('dialog', (d) => {
    seen.dialogs++;
    void d.dismiss().catch(() => undefined);
  });
  await page.goto(url);
  const out: Finding[] = [];
  for (const w of await widgetsWithState(page)) {
    for (const hash of hostileHashes(w.prefix, w.keys)) out.push(...(await tryHash(page, url, w, hash, seen)));
  }
  if (seen.dialogs > 0) out.push(finding('fuzz', `${seen.dialogs} dialog(s) opened by URL state`));
  return out;
}
