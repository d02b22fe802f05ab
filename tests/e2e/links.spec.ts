/**
 * Every link and asset reference on every page (and on the 404 page) works under the base
 * path: internal URLs return 200, root-relative URLs carry the base, page links end in `/`,
 * and `#fragment` links point at an element that exists.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { BASE, ORIGIN } from '../support/env.ts';
import { idsIn } from '../support/html.ts';
import { isPagePath, site } from '../support/site.ts';
import { isWidgetStateLink, widgetStateKeys } from '../support/anchors.ts';

const { pages, siteOrigin } = site();

interface Ref {
  /** e.g. `a[href]` */
  kind: string;
  /** The attribute exactly as written. */
  raw: string;
}

/** Every URL-bearing attribute on the live page (after scripts ran). */
async function collectRefs(page: Page): Promise<Ref[]> {
  return page.evaluate(() => {
    const refs: { kind: string; raw: string }[] = [];
    const add = (selector: string, attr: string): void => {
      for (const el of document.querySelectorAll(selector)) {
        const raw = el.getAttribute(attr);
        if (raw !== null) refs.push({ kind: `${el.tagName.toLowerCase()}[${attr}]`, raw });
      }
    };
    add('a[href]', 'href');
    add('link[href]', 'href');
    add('script[src]', 'src');
    add('img[src]', 'src');
    add('source[src]', 'src');
    for (const el of document.querySelectorAll('meta[property="og:image"], meta[property="og:url"]')) {
      refs.push({ kind: `meta[${el.getAttribute('property')}]`, raw: el.getAttribute('content') ?? '' });
    }
    return refs;
  });
}

// Status and ids of fetched URLs, shared by the tests in one worker.
const statusCache = new Map<string, Promise<{ status: number; ids: Set<string> | undefined }>>();

function fetchOnce(request: APIRequestContext, url: string): Promise<{ status: number; ids: Set<string> | undefined }> {
  let pending = statusCache.get(url);
  if (!pending) {
    pending = (async () => {
      // Redirects are not followed: a link that only works through a redirect is a broken link here.
      const response = await request.get(url, { maxRedirects: 0, failOnStatusCode: false });
      const type = response.headers()['content-type'] ?? '';
      const ids = response.status() === 200 && type.startsWith('text/html') ? idsIn(await response.text()) : undefined;
      await response.dispose();
      return { status: response.status(), ids };
    })();
    statusCache.set(url, pending);
  }
  return pending;
}

async function checkLinks(page: Page, request: APIRequestContext, pageUrl: string): Promise<void> {
  const refs = await collectRefs(page);
  const problems: string[] = [];
  const ownIds = new Set(await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id)));
  const stateKeys = new Map(await page.evaluate(widgetStateKeys));
  const describe = (r: Ref): string => `${r.kind}="${r.raw}"`;

  for (const ref of refs) {
    const raw = ref.raw.trim();
    if (raw === '') {
      problems.push(`${describe(ref)}: empty URL`);
      continue;
    }
    if (raw.startsWith('#')) {
      const id = decodeURIComponent(raw.slice(1));
      if (!ownIds.has(id) && !isWidgetStateLink(id, stateKeys)) problems.push(`${describe(ref)}: no element with id "${id}" on this page`);
      continue;
    }
    if (raw.startsWith('/') && !raw.startsWith('//') && !raw.startsWith(BASE)) {
      problems.push(`${describe(ref)}: root-relative URL does not start with ${BASE}`);
    }
    let url: URL;
    try {
      url = new URL(raw, pageUrl);
    } catch {
      problems.push(`${describe(ref)}: not a valid URL`);
      continue;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') continue; // mailto:, data:, …
    // Absolute links to the configured site (canonical, og:url, …) are internal too.
    if (url.origin === siteOrigin && siteOrigin !== ORIGIN) url = new URL(`${url.pathname}${url.search}${url.hash}`, ORIGIN);
    if (url.origin !== ORIGIN) continue; // external: not fetched (closed network)

    if (!url.pathname.startsWith(BASE)) {
      problems.push(`${describe(ref)}: resolves to ${url.pathname}, outside ${BASE}`);
      continue;
    }
    const isPageLink = (ref.kind === 'a[href]' || ref.kind.startsWith('link[') || ref.kind === 'meta[og:url]') && isPagePath(url.pathname);
    if (isPageLink && !url.pathname.endsWith('/')) problems.push(`${describe(ref)}: page link must end with "/"`);

    const target = `${url.origin}${url.pathname}${url.search}`;
    const { status, ids } = await fetchOnce(request, target);
    if (status !== 200) {
      problems.push(`${describe(ref)}: ${target} returned ${status}`);
      continue;
    }
    if (url.hash.length > 1 && isPageLink) {
      const id = decodeURIComponent(url.hash.slice(1));
      if (ids && !ids.has(id)) problems.push(`${describe(ref)}: ${url.pathname} has no element with id "${id}"`);
    }
  }
  expect(refs.length, 'links found on the page').toBeGreaterThan(0);
  expect(problems, `broken links on ${pageUrl}`).toEqual([]);
}

for (const p of pages) {
  test(`${p.label}: every link and asset works`, async ({ page, request }) => {
    const response = await page.goto(p.url);
    expect(response?.status()).toBe(200);
    await checkLinks(page, request, p.url);
  });
}

test('the 404 page: served for unknown URLs, and its links work', async ({ page, request }) => {
  const url = `${ORIGIN}${BASE}this-page-does-not-exist/`;
  const response = await page.goto(url);
  expect(response?.status(), 'status for an unknown URL').toBe(404);
  await expect(page.locator('a[href]').first(), 'the 404 page offers a way back').toBeVisible();
  await checkLinks(page, request, url);
});
