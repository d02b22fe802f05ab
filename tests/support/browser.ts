/**
 * Helpers shared by the specs: listeners that record what went wrong on a page, and
 * in-browser functions for "what can the reader see".
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { ORIGIN } from './env.ts';
import { WIDGET_SELECTOR, type SiteWidget } from './site.ts';

export interface PageWatch {
  consoleErrors: string[];
  pageErrors: string[];
  /** Every request the page made, in order. */
  requests: string[];
  /** Messages of any alert/confirm/prompt dialogs (they are dismissed). */
  dialogs: string[];
}

/** Start recording console errors, uncaught exceptions, requests and dialogs. */
export function watchPage(page: Page): PageWatch {
  const watch: PageWatch = { consoleErrors: [], pageErrors: [], requests: [], dialogs: [] };
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const where = msg.location();
    watch.consoleErrors.push(`${msg.text()}${where.url ? ` (${where.url}:${where.lineNumber})` : ''}`);
  });
  page.on('pageerror', (error) => watch.pageErrors.push(error.stack ?? String(error)));
  page.on('request', (request) => watch.requests.push(request.url()));
  page.on('dialog', (dialog) => {
    watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  return watch;
}

export function expectNoErrors(watch: PageWatch, what = 'the page', { soft = false } = {}): void {
  const check = soft ? expect.soft : expect;
  check(watch.pageErrors, `uncaught exceptions on ${what}`).toEqual([]);
  check(watch.consoleErrors, `console errors on ${what}`).toEqual([]);
}

/** Requests that left the test server (data:, blob: and about: URLs are not network requests). */
export function foreignRequests(watch: PageWatch): string[] {
  return watch.requests.filter((url) => {
    if (/^(data|blob|about):/.test(url)) return false;
    try {
      return new URL(url).origin !== ORIGIN;
    } catch {
      return true;
    }
  });
}

/** Scroll through the whole page a viewport at a time, so lazily started content runs. */
export async function scrollThrough(page: Page): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const done = await page.evaluate(() => {
      window.scrollBy({ top: window.innerHeight * 0.9, behavior: 'instant' });
      return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
    });
    await page.waitForTimeout(40);
    if (done) break;
  }
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
}

/**
 * The text a reader can see inside `root` (text nodes in rendered, visible elements; the
 * MathML copy KaTeX keeps for screen readers is excluded), plus `aria-valuetext` and
 * `aria-label` values, which screen readers announce. Runs in the browser.
 */
export function visibleTextIn(root: Element, options: { skip?: string } = {}): string {
  const skip = ['.katex-mathml', options.skip].filter(Boolean).join(', ');
  const parts: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !node.nodeValue || !node.nodeValue.trim()) continue;
    if (parent.closest(skip)) continue;
    if (!parent.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
    parts.push(node.nodeValue);
  }
  for (const el of [root, ...root.querySelectorAll('[aria-valuetext], [aria-label]')]) {
    if (el.closest(skip) && el !== root) continue;
    for (const attr of ['aria-valuetext', 'aria-label']) {
      const value = el.getAttribute(attr);
      if (value) parts.push(`[${attr}] ${value}`);
    }
  }
  return parts.join('\n');
}

/** Words that must never reach a reader: artefacts of broken arithmetic or missing data. */
export const BROKEN_VALUE = /\bNaN\b|\bundefined\b|Infinity/;

export function brokenValueSnippets(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => BROKEN_VALUE.test(line))
    .map((line) => line.trim().slice(0, 160));
}

/** TeX that escaped rendering. Each entry: [description, pattern]. */
export const RAW_TEX: [string, RegExp][] = [
  ['$$ display delimiters', /\$\$/],
  ['inline $…$ containing TeX', /\$[^$\s][^$\n]{0,120}[\\^_{}][^$\n]{0,120}\$/],
  ['\\frac', /\\frac\b/],
  ['\\mathbf', /\\mathbf\b/],
  ['\\begin{…}', /\\begin\{/],
  ['\\end{…}', /\\end\{/],
  ['\\text / \\mathrm', /\\(?:text|mathrm|operatorname)\{/],
  ['\\left / \\right', /\\(?:left|right)[([|.\\]/],
];

export function rawTexSnippets(text: string): string[] {
  const found: string[] = [];
  for (const [what, re] of RAW_TEX) {
    const m = re.exec(text);
    if (!m) continue;
    const from = Math.max(0, m.index - 40);
    found.push(`${what}: …${text.slice(from, m.index + m[0].length + 40).replace(/\s+/g, ' ')}…`);
  }
  return found;
}

/** Visible text of the page's body, skipping KaTeX's MathML and code. */
export async function pageProseText(page: Page): Promise<string> {
  return page.locator('body').evaluate(visibleTextIn, { skip: 'pre, code, script, style' });
}

export function widgetLocator(page: Page, widget: SiteWidget): Locator {
  if (widget.id && widget.uniqueId) return page.locator(`[id="${widget.id.replace(/["\\]/g, '\\$&')}"]`);
  return page.locator(WIDGET_SELECTOR).nth(widget.index);
}

/** Scroll a widget into view and wait until it reports `data-ready`. */
export async function startWidget(page: Page, widget: SiteWidget, timeout = 15_000): Promise<Locator> {
  const root = widgetLocator(page, widget);
  await expect(root, `widget ${widget.label} is on the page`).toHaveCount(1);
  // Instant scroll: the site scrolls smoothly, and Playwright's scrollIntoViewIfNeeded would
  // wait for the smooth scroll to settle (~2 s per page load). Re-scroll while waiting, in
  // case a smooth scroll the page started itself (e.g. towards a widget named in the URL)
  // carries the view away again.
  await expect(async () => {
    await root.evaluate((el) => el.scrollIntoView({ block: 'center', behavior: 'instant' }));
    await expect(root).toHaveAttribute('data-ready', /.*/, { timeout: 1_000 });
  }, `widget ${widget.label} sets data-ready once scrolled into view`).toPass({ timeout, intervals: [0] });
  return root;
}
