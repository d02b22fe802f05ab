/**
 * Every page, loaded once with JavaScript and once without:
 *  - served, described for browsers and link previews, keyboard-skippable, math rendered, the
 *    widgets of the built HTML, and quiet while loading (no errors, no requests to other origins;
 *    gates.spec.ts checks the same through scrolling and using every widget);
 *  - every link and asset reference works under the base path (also on the 404 page): internal
 *    URLs return 200, root-relative URLs carry the base, page links end in `/`, and `#fragment`
 *    links point at an element that exists (the audit's gate 3, scripts/audit/links.ts);
 *  - with JavaScript off the book still reads: everything visible outside widgets with it on,
 *    KaTeX math, and every widget's build-time figure with a text description, its controls and
 *    warning note hidden until scripts run (the audit's gate 8, scripts/audit/nojs.ts).
 */
import { expect, test, type Browser, type Page, type ViewportSize } from '@playwright/test';
import { cachedFetcher, linkFindings } from '../../scripts/audit/links.ts';
import { noJsFindings, visibleProse } from '../../scripts/audit/nojs.ts';
import { expectNoErrors, foreignRequests, light, pageProseText, rawTexSnippets, watchPage } from '../support/browser.ts';
import { BASE, ORIGIN } from '../support/env.ts';
import { site, WIDGET_SELECTOR, type SitePage } from '../support/site.ts';

const { pages, widgets, siteOrigin } = site();
// Status and ids of fetched URLs, shared by the tests in one worker. Redirects are not
// followed: a link that only works through a redirect is a broken link here.
const fetchOnce = cachedFetcher();

async function brokenLinks(page: Page): Promise<string[]> {
  return (await linkFindings(page, { origin: ORIGIN, base: BASE, siteOrigin, fetch: fetchOnce })).map((f) => f.message);
}

/** What a reader without JavaScript misses on page `p`, given the prose visible `withJs`. */
async function missedWithoutJs(browser: Browser, p: SitePage, withJs: string[], viewport: ViewportSize | null): Promise<string[]> {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport });
  try {
    const page = await context.newPage();
    const response = await page.goto(p.url);
    expect.soft(response?.status(), 'HTTP status without JavaScript').toBe(200);
    const count = widgets.filter((w) => w.page === p).length;
    await expect.soft(page.locator(light(WIDGET_SELECTOR)), 'widgets in the page without JavaScript').toHaveCount(count);
    return (await noJsFindings(page, { math: p.chapter, proseWithJs: withJs })).map((f) => f.message);
  } finally {
    await context.close();
  }
}

test('the sitemap and the links from the contents page reach the same pages', () => {
  const notInSitemap = pages.filter((p) => !p.inSitemap).map((p) => p.path);
  const unreachable = pages.filter((p) => !p.linked).map((p) => p.path);
  expect(notInSitemap, 'pages linked from the contents page but missing from the sitemap').toEqual([]);
  expect(unreachable, 'pages in the sitemap that no link from the contents page leads to').toEqual([]);
  expect(pages.filter((p) => p.chapter).length, 'chapters linked from the contents page').toBeGreaterThan(0);
});

for (const p of pages) {
  test(`${p.label}: loads cleanly with title, description, skip link and rendered math; its links work; it reads without JavaScript`, async ({
    page,
    browser,
  }) => {
    test.slow(p.path === `${BASE}print/`, 'the whole book on one page');
    const watch = watchPage(page);
    const response = await page.goto(p.url);
    expect(response?.status(), `HTTP status of ${p.path}`).toBe(200);
    // Everything a reader sees with JavaScript on (outside widgets), as loaded: it must be there with it off.
    const withJs = await page.evaluate(visibleProse, WIDGET_SELECTOR);

    // Soft assertions from here on: one run reports every problem with the page.
    await expect.soft(page.locator(light('html'))).toHaveAttribute('lang', /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/);
    expect.soft((await page.title()).trim(), '<title>').not.toBe('');
    await expect.soft(page.locator(light('meta[name="description"]'))).toHaveAttribute('content', /\S/);
    await expect.soft(page.locator(light('meta[property="og:title"]'))).toHaveAttribute('content', /\S/);

    // Skip link: the first Tab lands on it, it shows, and Enter moves focus to #main.
    const skip = page.locator(light('a[href="#main"]')).first();
    await expect.soft(skip, 'a skip link to #main').toHaveCount(1);
    await expect.soft(page.locator(light('#main')), 'the skip link target #main').toHaveCount(1);
    await page.keyboard.press('Tab');
    await expect.soft(skip, 'the skip link is the first thing Tab reaches').toBeFocused();
    await expect.soft(skip, 'the focused skip link is visible').toBeInViewport();
    const box = await skip.boundingBox();
    expect.soft(box && box.width >= 20 && box.height >= 10, `the focused skip link is big enough to see (box ${JSON.stringify(box)})`).toBe(true);
    await page.keyboard.press('Enter');
    await expect.soft(page.locator(light('#main')), 'Enter on the skip link moves focus to #main').toBeFocused();

    const duplicateIds = await page.evaluate(() => {
      const seen = new Map<string, number>();
      for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
      return [...seen].filter(([, n]) => n > 1).map(([id, n]) => `#${id} ×${n}`);
    });
    expect.soft(duplicateIds, 'ids used more than once (breaks anchors, labels and URL state)').toEqual([]);

    // The widgets in the browser are the ones in the built HTML.
    await expect.soft(page.locator(light(WIDGET_SELECTOR)), 'widgets on the live page').toHaveCount(widgets.filter((w) => w.page === p).length);

    if (p.chapter) {
      expect.soft(await page.locator(light('.katex')).count(), 'KaTeX-rendered formulas in a chapter').toBeGreaterThan(0);
      await expect.soft(page.locator(light('.katex-html')).first(), 'the rendered formula is visible').toBeVisible();
    }
    const errors = await page
      .locator(light('.katex-error'))
      .evaluateAll((els) => els.map((e) => `${e.getAttribute('title') ?? ''} ${e.textContent ?? ''}`.trim()));
    expect.soft(errors, 'formulas KaTeX could not render (.katex-error)').toEqual([]);
    expect.soft(rawTexSnippets(await pageProseText(page)), 'raw TeX visible to the reader').toEqual([]);
    // Scrolled through with every widget started: console errors and requests to other origins
    // are the audit's gates, run by gates.spec.ts. Loading alone must already be quiet.
    expectNoErrors(watch, p.path, { soft: true });
    expect.soft(foreignRequests(watch), 'requests to origins other than the test server').toEqual([]);

    expect.soft(await brokenLinks(page), `broken links on ${p.url}`).toEqual([]);
    expect.soft(await missedWithoutJs(browser, p, withJs, page.viewportSize()), 'what a reader without JavaScript misses').toEqual([]);
  });
}

test('the 404 page: served for unknown URLs, and its links work', async ({ page }) => {
  const url = `${ORIGIN}${BASE}this-page-does-not-exist/`;
  const response = await page.goto(url);
  expect(response?.status(), 'status for an unknown URL').toBe(404);
  await expect(page.locator('a[href]').first(), 'the 404 page offers a way back').toBeVisible();
  expect(await brokenLinks(page), `broken links on ${url}`).toEqual([]);
});
