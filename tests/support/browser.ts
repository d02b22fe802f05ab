/**
 * Helpers shared by the specs: listeners that record what went wrong on a page, and
 * in-browser functions for "what can the reader see".
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { offOriginRequests } from '../../scripts/audit/network.ts';
import { HOME, ORIGIN } from './env.ts';
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
  return offOriginRequests(watch.requests, ORIGIN);
}

/**
 * Scroll through the whole page a viewport at a time, so lazily started content runs: each step
 * waits two frames, so that the intersection observers of what came into view have run. The walk
 * runs in the page (one round trip, not one per step); then the network settles and the page is
 * put back at its top.
 */
export async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const frame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));
    for (let i = 0; i < 400; i++) {
      window.scrollBy({ top: window.innerHeight * 0.9, behavior: 'instant' });
      await frame();
      await frame();
      if (window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2) break;
    }
  });
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
}

/**
 * The text a reader can see inside `root` (text nodes in rendered, visible elements; the
 * MathML copy KaTeX keeps for screen readers is excluded), plus `aria-valuetext` and
 * `aria-label` values, which screen readers announce. Leaves out what matches `skip`; the
 * visible elements matching `quotesOut` count with their quotations taken out. Runs in the browser.
 */
export function visibleTextIn(root: Element, options: { skip?: string; quotesOut?: string } = {}): string {
  const skip = ['.katex-mathml', options.skip, options.quotesOut].filter(Boolean).join(', ');
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
  // Elements that may quote what a reader typed (a widget's note): visible ones count, with the quotations taken out.
  for (const el of options.quotesOut ? root.querySelectorAll(options.quotesOut) : []) {
    if (el.checkVisibility()) parts.push((el.textContent ?? '').replace(/"[^"]*"|“[^”]*”|'[^']*'|«[^»]*»/g, '""'));
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

/**
 * A CSS selector for `locator()` that does not look inside shadow roots. Playwright's plain CSS
 * selectors do, by listing every element under the scope each time a locator is resolved (every
 * action, every poll of an `expect`). On softmax-gradients (27,000 elements) a `locator.evaluate`
 * cost the browser's main thread 12 ms with a plain selector and 3 ms with `css:light=`. The site
 * has no shadow roots, so both find the same elements: use this for locators on chapter pages.
 */
export const light = (selector: string): string => `css:light=${selector}`;

/** A CSS selector for the element with id `id`, whatever characters the id holds. */
export const byId = (id: string): string => `[id="${id.replace(/["\\]/g, '\\$&')}"]`;

export function widgetLocator(page: Page, widget: SiteWidget): Locator {
  if (widget.id && widget.uniqueId) return page.locator(light(byId(widget.id)));
  return page.locator(light(WIDGET_SELECTOR)).nth(widget.index);
}

/**
 * Scroll a widget root to the centre of the view until it sets `data-ready`; false when it has
 * not after `timeout` ms. The scroll is instant (the site scrolls smoothly, and waiting for a
 * smooth scroll costs ~2 s per page load) and repeated, in case a smooth scroll the page
 * started itself (towards a widget named in the URL) carries the view away again. The one
 * implementation of "start a widget", used by the specs and by scripts/audit.
 */
export async function scrollUntilReady(root: Locator, timeout = 15_000): Promise<boolean> {
  if ((await root.count()) !== 1) return false;
  const until = Date.now() + timeout;
  do {
    const ready = await root
      .evaluate(
        (el) =>
          new Promise<boolean>((resolve) => {
            el.scrollIntoView({ block: 'center', behavior: 'instant' });
            if (el.hasAttribute('data-ready')) return resolve(true);
            // A widget goes live on the reader's first touch: a pointer press on its frame.
            el.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
            const observer = new MutationObserver(() => {
              if (!el.hasAttribute('data-ready')) return;
              observer.disconnect();
              resolve(true);
            });
            observer.observe(el, { attributes: true, attributeFilter: ['data-ready'] });
            setTimeout(() => {
              observer.disconnect();
              resolve(el.hasAttribute('data-ready'));
            }, 250);
          }),
        undefined,
        { timeout: 5_000 },
      )
      .catch(() => false);
    if (ready) return true;
  } while (Date.now() < until);
  return false;
}

/** Scroll a widget into view and wait until it reports `data-ready` (an assertion). */
export async function startWidget(page: Page, widget: SiteWidget, timeout = 15_000): Promise<Locator> {
  const root = widgetLocator(page, widget);
  await expect(root, `widget ${widget.label} is on the page`).toHaveCount(1);
  expect(await scrollUntilReady(root, timeout), `widget ${widget.label} sets data-ready once scrolled into view`).toBe(true);
  return root;
}

/**
 * Open the embed page of chapter `chapter`'s widget `#id` (with `suffix`: a query and/or a state hash), check that the
 * page links back to that chapter, and start the widget. An embed page is the widget alone, the same component with
 * the same defaults as in its chapter (no props; embed.spec.ts starts every one), and a load of it with its widget
 * started costs 0.20–0.24 CPU-seconds against a chapter's 0.52–0.60: the specs that try one widget's behaviour open it
 * here, and what needs the chapter around it opens the chapter. Always a fresh load, even when only the hash differs
 * from the page already open.
 */
export async function openWidget(page: Page, chapter: string, id: string, { suffix = '', timeout = 15_000 } = {}): Promise<Locator> {
  const url = `${HOME}embed/${id}/${suffix}`;
  // A new hash on the same page would only be a hash change: load the page afresh, as a link opened by a reader does.
  if (page.url().split('#')[0] === url.split('#')[0]) await page.goto('about:blank');
  await page.goto(url);
  await expect(page.locator('.embed-source a'), `#${id} is a widget of ${chapter}/`).toHaveAttribute('data-book-link', new URL(`${HOME}${chapter}/`).pathname);
  const root = page.locator(light(`#${id}`));
  expect(await scrollUntilReady(root, timeout), `#${id} goes live when touched`).toBe(true);
  // A run's first report is drawn after `data-ready` (the widget is `aria-busy` until then) and may resize the figure:
  // the playground's grows by 80 px on its embed page at 1280 px. A click in that moment can miss (one did, in a full run).
  await expect(root, `#${id} draws its run's first report`).not.toHaveAttribute('aria-busy', 'true', { timeout });
  return root;
}

/**
 * NaN/undefined/Infinity a reader can see in a widget. Its note may quote rejected input
 * (`w1 = "NaN"`), so quoted text in a visible `.widget-note` is ignored.
 */
export async function brokenValues(root: Locator): Promise<string[]> {
  return brokenValueSnippets(await root.evaluate(visibleTextIn, { quotesOut: '.widget-note' }));
}

/**
 * Wait until the element's top and the page's scroll position stay put for 8 frames (at most
 * 6 s), then return the element's top: where a link or a scroll left it, once it has settled.
 */
export async function settledTop(page: Page, selector: string): Promise<number> {
  return page.evaluate(async (sel) => {
    const el = document.querySelector(sel);
    if (!el) return Number.NaN;
    const frame = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => r()));
    let last = '';
    let still = 0;
    const t0 = performance.now();
    while (still < 8 && performance.now() - t0 < 6000) {
      await frame();
      const now = `${Math.round(el.getBoundingClientRect().top)}:${Math.round(scrollY)}`;
      still = now === last ? still + 1 : 0;
      last = now;
    }
    return el.getBoundingClientRect().top;
  }, selector);
}
