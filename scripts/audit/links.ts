/**
 * Gate 3, the one implementation shared by the audit and tests/e2e/pages.spec.ts: every link
 * and asset URL on a page (a, link, script, img, source, SVG image, og:image, og:url) is fetched:
 * internal URLs must answer 200 without a redirect, root-relative URLs must start with the
 * base path, page links must end with `/`, and `#fragment`s must name an element.
 */
import type { Page } from '@playwright/test';
import { idsIn } from '../../tests/support/html.ts';
import { isPagePath } from '../../tests/support/site.ts';
import { finding, type Finding } from './config.ts';
import { isWidgetStateLink, widgetStateKeys } from '../../tests/support/anchors.ts';

/** A URL-bearing attribute as written in the page. */
export interface Ref {
  /** e.g. `a[href]` */
  kind: string;
  raw: string;
}

/** What fetching one URL gave: the status and, for HTML pages, the ids in them. */
export interface Fetched {
  status: number;
  ids: Set<string> | undefined;
}

/** Where the page is and how to fetch: everything `checkRefs` needs besides the refs. */
export interface LinkContext {
  pageUrl: string;
  /** Origin of the audit server. */
  origin: string;
  base: string;
  /** Origin the site was built for (absolute links to it count as internal). */
  siteOrigin: string;
  /** ids of elements on the page itself. */
  ownIds: Set<string>;
  /** Widget id → setting names, for links like `#depth-gradients.depth=20`. */
  stateKeys: ReadonlyMap<string, readonly string[]>;
  fetch: (url: string) => Promise<Fetched>;
}

/** Every URL-bearing attribute on the live page (after scripts ran), plus its element ids. */
export async function collectRefs(page: Page): Promise<{ refs: Ref[]; ids: string[] }> {
  return page.evaluate(() => {
    const refs: { kind: string; raw: string }[] = [];
    const pairs: [string, string][] = [
      ['a[href]', 'href'],
      ['link[href]', 'href'],
      ['script[src]', 'src'],
      ['img[src]', 'src'],
      ['source[src]', 'src'],
      ['image[href]', 'href'],
    ];
    for (const [selector, attr] of pairs) {
      for (const el of document.querySelectorAll(selector)) {
        const raw = el.getAttribute(attr);
        if (raw !== null) refs.push({ kind: `${el.tagName.toLowerCase()}[${attr}]`, raw });
      }
    }
    // Link previews: absolute URLs to the configured site.
    for (const el of document.querySelectorAll('meta[property="og:image"], meta[property="og:url"]')) {
      refs.push({ kind: `meta[${el.getAttribute('property') ?? ''}]`, raw: el.getAttribute('content') ?? '' });
    }
    return { refs, ids: [...document.querySelectorAll('[id]')].map((e) => e.id) };
  });
}

/** A fetcher with a cache shared across pages: plain HTTP, redirects not followed. */
export function cachedFetcher(): (url: string) => Promise<Fetched> {
  const cache = new Map<string, Promise<Fetched>>();
  return (url) => {
    let pending = cache.get(url);
    if (!pending) {
      pending = (async (): Promise<Fetched> => {
        const response = await fetch(url, { redirect: 'manual' });
        const type = response.headers.get('content-type') ?? '';
        const ids = response.status === 200 && type.startsWith('text/html') ? idsIn(await response.text()) : undefined;
        if (!ids) await response.body?.cancel();
        return { status: response.status, ids };
      })().catch(() => ({ status: 0, ids: undefined }));
      cache.set(url, pending);
    }
    return pending;
  };
}

/** Problems with one reference, fetching it when it is internal. */
async function checkRef(ref: Ref, ctx: LinkContext): Promise<string[]> {
  const raw = ref.raw.trim();
  if (raw === '') return ['empty URL'];
  if (raw.startsWith('#')) {
    const id = decodeURIComponent(raw.slice(1));
    return id === '' || ctx.ownIds.has(id) || isWidgetStateLink(id, ctx.stateKeys) ? [] : [`no element with id "${id}" on this page`];
  }
  const problems: string[] = [];
  if (raw.startsWith('/') && !raw.startsWith('//') && !raw.startsWith(ctx.base)) problems.push(`root-relative URL does not start with ${ctx.base}`);
  let url: URL;
  try {
    url = new URL(raw, ctx.pageUrl);
  } catch {
    return ['not a valid URL'];
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return problems;
  if (url.origin === ctx.siteOrigin && ctx.siteOrigin !== ctx.origin) url = new URL(`${url.pathname}${url.search}${url.hash}`, ctx.origin);
  if (url.origin !== ctx.origin) return problems; // external: gate 4 catches requests to it
  if (!url.pathname.startsWith(ctx.base)) return [...problems, `resolves to ${url.pathname}, outside ${ctx.base}`];
  const pageLink = ['a[href]', 'link[href]', 'meta[og:url]'].includes(ref.kind) && isPagePath(url.pathname);
  if (pageLink && !url.pathname.endsWith('/')) problems.push('page link must end with "/"');
  const { status, ids } = await ctx.fetch(`${url.origin}${url.pathname}${url.search}`);
  if (status !== 200) return [...problems, `${url.pathname} answered ${status || 'nothing'}`];
  const id = decodeURIComponent(url.hash.slice(1));
  if (pageLink && id && ids && !ids.has(id)) problems.push(`${url.pathname} has no element with id "${id}"`);
  return problems;
}

/** Gate 3 findings for a list of references (pure apart from `ctx.fetch`). */
export async function checkRefs(refs: readonly Ref[], ctx: LinkContext): Promise<Finding[]> {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const ref of refs) {
    const key = `${ref.kind} ${ref.raw}`;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const problem of await checkRef(ref, ctx)) out.push(finding('links', `${ref.kind}="${ref.raw}": ${problem}`));
  }
  return out;
}

/** Gate 3 for a live page. */
export async function linkFindings(page: Page, ctx: Omit<LinkContext, 'ownIds' | 'pageUrl' | 'stateKeys'>): Promise<Finding[]> {
  const { refs, ids } = await collectRefs(page);
  if (refs.length === 0) return [finding('links', 'no links or assets found on the page')];
  const stateKeys = new Map(await page.evaluate(widgetStateKeys));
  return checkRefs(refs, { ...ctx, pageUrl: page.url(), ownIds: new Set(ids), stateKeys });
}
