/**
 * The audit's passes over one page, each in its own browser context: the main pass (first
 * view weight, reduced motion, widgets, axe in both schemes, links, keyboard, CSP, console,
 * off-origin), hostile URL state, and no-JS.
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { scrollThrough, watchPage } from '../../tests/support/browser.ts';
import { axeBothSchemes } from './axe.ts';
import { BASE, BUDGET, deadline, LATE, PRINT_PAGE, VIEWPORT, WIDGET_SELECTOR, finding, type Finding } from './config.ts';
import { consoleFindings, cspFindings, metaPolicyFindings, watchCsp } from './csp.ts';
import { embedPages, fuzzFindings } from './fuzz.ts';
import { pageFigureFindings } from './figures.ts';
import { focusOrderFindings } from './keyboard.ts';
import { linkFindings, type Fetched } from './links.ts';
import { motionFindings } from './motion.ts';
import { offOriginFindings, quiet, recordNetwork, weightFindings, weightOf, type Weight } from './network.ts';
import { noJsFindings, visibleProse } from './nojs.ts';
import type { AuditPage } from './site.ts';
import { exerciseWidgets } from './widgets.ts';

/** Where the site is served and how links are fetched. */
export interface Target {
  origin: string;
  base: string;
  siteOrigin: string;
  fetch: (url: string) => Promise<Fetched>;
}

/** Findings of one pass, and the page weight if the pass measured it. */
export interface PassResult {
  findings: Finding[];
  weight?: Weight | undefined;
}

/** A fresh context with the audit's viewport; `extra` adds options (e.g. reduced motion). */
export async function newContext(browser: Browser, extra: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  return browser.newContext({ viewport: VIEWPORT, colorScheme: 'light', serviceWorkers: 'block', ...extra });
}

/**
 * Load the page and measure what it fetches without a click: the first view (no scrolling:
 * status, CSP meta, JavaScript and transfer budgets), then the page scrolled through from top
 * to bottom so that every widget starts (the no-click budget; the print page, which has no
 * widgets, is laid out for print instead). The log is left in phase
 * `after`, for what controls load later.
 */
async function firstView(page: Page, p: AuditPage, url: string): Promise<PassResult & { log: ReturnType<typeof recordNetwork> }> {
  const log = recordNetwork(page);
  const response = await step(`${p.label} load`, () => page.goto(url));
  const findings: Finding[] = [];
  if (response?.status() !== p.status) findings.push(finding('links', `${url} answered ${response?.status()}, expected ${p.status}`));
  await step(`${p.label} first view settles`, async () => {
    await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
    await quiet(log);
  });
  log.phase = 'scroll';
  await step(`${p.label} ${isPrintPage(p) ? 'laid out for print' : 'scrolled through'}`, async () => {
    // The print page has no widgets: what could load further down is what its layout needs (fonts of formulas not yet
    // laid out, content-visibility). Laid out for print, all of it is laid out at once, as when a reader prints it;
    // stepping through its 95,000 elements a screen at a time took 15 s.
    if (isPrintPage(p)) {
      await page.emulateMedia({ media: 'print' });
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      await page.emulateMedia({ media: null });
    } else await scrollThrough(page);
    await quiet(log);
  });
  log.phase = 'after';
  const weight = weightOf(log.resources, 'initial', true, log.unread);
  findings.push(...weightFindings(weight, isPrintPage(p) ? PRINT_PAGE.budget : BUDGET), ...(await metaPolicyFindings(page)));
  return { findings, weight, log };
}

/** The print page: the whole book on one page, with budgets of its own (see PRINT_PAGE). */
function isPrintPage(p: AuditPage): boolean {
  return p.path === `${BASE}${PRINT_PAGE.path}`;
}

/** Take the elements matching `selector` out of the loaded page (a sample of a page of repeated parts, see PRINT_PAGE). */
async function trimTo(page: Page, selector: string): Promise<void> {
  await page.evaluate((sel) => document.querySelectorAll(sel).forEach((el) => el.remove()), selector);
}

/**
 * Longest one step of a pass may take (ms), several times the longest (a chapter's widget pass, 16–35 s on a loaded
 * two-core machine): a step that hangs fails with its name instead of waiting out the test's ten minutes, as a main
 * pass once did without saying where.
 */
const STEP_LIMIT_MS = 240_000;

/** Run one step of a pass, failing it after `STEP_LIMIT_MS`; with AUDIT_DEBUG set, log how long it took. */
async function step<T>(label: string, run: () => Promise<T>): Promise<T> {
  const start = Date.now();
  const result = await deadline(run(), STEP_LIMIT_MS);
  if (result === LATE) throw new Error(`${label} did not finish within ${STEP_LIMIT_MS / 1000} s`);
  if (process.env['AUDIT_DEBUG']) console.error(`    ${label}: ${((Date.now() - start) / 1000).toFixed(1)} s`);
  return result;
}

/** What the main pass leaves out: all but the page weight, or the links (checked elsewhere). */
export interface MainPassOptions {
  weightOnly?: boolean;
  links?: boolean;
}

/**
 * Gates 1–5, 7, 9, the widgets (their figures legible: `figures.ts`) and console errors for one page. With `weightOnly`, just what the
 * page fetches without a click; with `links: false`, no link check (tests/e2e/pages.spec.ts).
 *
 * The pass runs with `prefers-reduced-motion: reduce`, and checks gate 7 (nothing moves without input) once every
 * widget has started and before any is used. Reduced motion changes little else on this site: no page scrolls
 * smoothly under either setting, no widget asks for it, and what it stops is colour transitions and the phone
 * pager's slide. The end-to-end specs run with motion allowed (the browser's default), the landing and layout specs
 * among them. One pass instead of two saves a load and a start of every widget per page.
 */
export async function mainPass(
  browser: Browser,
  p: AuditPage,
  target: Target,
  { weightOnly = false, links = true }: MainPassOptions = {},
): Promise<PassResult> {
  const context = await newContext(browser, { reducedMotion: 'reduce' });
  await watchCsp(context);
  try {
    const page = await context.newPage();
    const watch = watchPage(page);
    const url = `${target.origin}${p.path}`;
    const first = await firstView(page, p, url);
    if (weightOnly) return first;
    const findings = [...first.findings];
    if (links) findings.push(...(await step(`${p.label} links`, () => linkFindings(page, target))));
    if (isPrintPage(p)) await trimTo(page, PRINT_PAGE.sampleOut);
    // Nothing moves, the figures read and the Tab walk, on the page as shown (widgets started, none used), then every
    // widget used, then axe.
    findings.push(...(await step(`${p.label} reduced motion`, () => motionFindings(page))));
    findings.push(...(await step(`${p.label} figures`, () => pageFigureFindings(page, 'started'))));
    findings.push(...(await step(`${p.label} keyboard`, () => focusOrderFindings(page))));
    findings.push(...(await step(`${p.label} widgets`, () => exerciseWidgets(page))));
    findings.push(...(await cspFindings(page)));
    findings.push(...(await step(`${p.label} axe`, () => axeBothSchemes(page))));
    findings.push(...offOriginFindings(first.log.requests, target.origin));
    // Navigating to the 404 page logs its own 404: that one is expected.
    const expected = (e: string): boolean => p.status === 404 && e.includes(`status of 404`) && e.includes(`(${url}:`);
    findings.push(...consoleFindings({ pageErrors: watch.pageErrors, consoleErrors: watch.consoleErrors.filter((e) => !expected(e)) }));
    return { findings, weight: first.weight };
  } finally {
    await context.close();
  }
}

/** Gate 6 (only pages with widgets do anything). */
export async function fuzzPass(context: BrowserContext, p: AuditPage, target: Target): Promise<PassResult> {
  const page = await context.newPage();
  try {
    return { findings: await fuzzFindings(page, `${target.origin}${p.path}`, { embedOf: embedPages(page, `${target.origin}${target.base}`) }) };
  } finally {
    await page.close();
  }
}

/** What a reader sees in `<main>` outside widgets with JavaScript on (`jsContext`). */
export async function proseWithJs(jsContext: BrowserContext, url: string): Promise<string[]> {
  const page = await jsContext.newPage();
  try {
    await page.goto(url);
    return await page.evaluate(visibleProse, WIDGET_SELECTOR);
  } finally {
    await page.close();
  }
}

/** Gate 8, in a context with JavaScript disabled, compared with the page in `jsContext`. */
export async function noJsPass(context: BrowserContext, jsContext: BrowserContext, p: AuditPage, target: Target): Promise<PassResult> {
  const url = `${target.origin}${p.path}`;
  const withJs = await proseWithJs(jsContext, url);
  const page = await context.newPage();
  try {
    await page.goto(url);
    return { findings: await noJsFindings(page, { math: p.chapter, proseWithJs: withJs }) };
  } finally {
    await page.close();
  }
}
