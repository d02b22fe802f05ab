/**
 * Every link and asset reference on every page (and on the 404 page) works under the base
 * path: internal URLs return 200, root-relative URLs carry the base, page links end in `/`,
 * and `#fragment` links point at an element that exists. The check is the audit's gate 3
 * (scripts/audit/links.ts).
 */
import { expect, test, type Page } from '@playwright/test';
import { cachedFetcher, linkFindings } from '../../scripts/audit/links.ts';
import { BASE, ORIGIN } from '../support/env.ts';
import { site } from '../support/site.ts';

const { pages, siteOrigin } = site();
// Status and ids of fetched URLs, shared by the tests in one worker. Redirects are not
// followed: a link that only works through a redirect is a broken link here.
const fetchOnce = cachedFetcher();

async function brokenLinks(page: Page): Promise<string[]> {
  return (await linkFindings(page, { origin: ORIGIN, base: BASE, siteOrigin, fetch: fetchOnce })).map((f) => f.message);
}

for (const p of pages) {
  test(`${p.label}: every link and asset works`, async ({ page }) => {
    const response = await page.goto(p.url);
    expect(response?.status()).toBe(200);
    expect(await brokenLinks(page), `broken links on ${p.url}`).toEqual([]);
  });
}

test('the 404 page: served for unknown URLs, and its links work', async ({ page }) => {
  const url = `${ORIGIN}${BASE}this-page-does-not-exist/`;
  const response = await page.goto(url);
  expect(response?.status(), 'status for an unknown URL').toBe(404);
  await expect(page.locator('a[href]').first(), 'the 404 page offers a way back').toBeVisible();
  expect(await brokenLinks(page), `broken links on ${url}`).toEqual([]);
});
