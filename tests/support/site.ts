/**
 * Discovers the site's pages and widgets from the built output in dist/, synchronously, so
 * every spec can generate one test per page or widget. Nothing is hand-listed:
 *
 *  - pages = URLs in the sitemap (sitemap-index.xml → sitemap-*.xml)
 *          ∪ pages reachable by following links from the contents page;
 *  - chapters = pages linked from the contents list (`ol.contents`) of the contents page;
 *  - widgets = elements with class `widget` or a `data-widget` attribute on those pages.
 *
 * dist/ is exactly what the test server serves, so this is the same crawl a reader's
 * browser would make; the specs then check everything over HTTP in a real browser.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { BASE, BUILD_HINT, DIST, ORIGIN } from './env.ts';
import { hasClass, scanTags } from './html.ts';

export interface SitePage {
  /** Path on the server, e.g. `/beyond-linear/linear-limits/`. */
  path: string;
  /** Absolute URL on the test server. */
  url: string;
  /** Short name for test titles: `contents` or `linear-limits/`. */
  label: string;
  /** Linked from the contents page's main content. */
  chapter: boolean;
  inSitemap: boolean;
  /** Reachable by following links from the contents page. */
  linked: boolean;
  /** HTML file in dist/. */
  file: string;
}

export interface SiteWidget {
  page: SitePage;
  /** Element name, e.g. `xor-fit`. */
  tag: string;
  id: string | undefined;
  /** The id is present and no other widget on the page has it. */
  uniqueId: boolean;
  /** `data-widget` value. */
  name: string | undefined;
  /** Keys from `data-state-keys`. */
  stateKeys: string[];
  /** Position among the page's widgets (document order). */
  index: number;
  /** Prefix of this widget's keys in the URL hash (`<prefix>.<key>=value`). */
  statePrefix: string;
  /** Short name for test titles. */
  label: string;
}

export interface Site {
  /** Origin the sitemap was generated for (the `site` setting), e.g. http://localhost:4321. */
  siteOrigin: string;
  pages: SitePage[];
  /** The contents page (the site root). */
  home: SitePage;
  widgets: SiteWidget[];
  /**
   * The embed pages (`<base>embed/<id>/`): one widget each, for an iframe, with no skip link or
   * site chrome. They are left out of `pages` and `widgets` (their widgets are the chapters'
   * own, exercised there) and checked by tests/e2e/embed.spec.ts.
   */
  embeds: SitePage[];
  /** The widget of each embed page. */
  embedWidgets: SiteWidget[];
}

/** Selector matching a widget root, in the browser. Must agree with `isWidget` below. */
export const WIDGET_SELECTOR = '.widget, [data-widget]';

function fail(message: string): never {
  throw new Error(`${message}\n${BUILD_HINT}`);
}

/** dist/ file for a path under BASE, or undefined when it is not a built page. */
export function distFileFor(pathname: string): string | undefined {
  if (!pathname.startsWith(BASE)) return undefined;
  const rel = decodeURIComponent(pathname.slice(BASE.length));
  const target = path.resolve(DIST, `./${rel}`);
  if (path.relative(DIST, target).startsWith('..')) return undefined;
  const candidates = rel === '' || rel.endsWith('/') ? [path.join(target, 'index.html')] : [target, path.join(target, 'index.html')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile() && c.endsWith('.html'));
}

/** A link to a page (not an asset): the last path segment has no file extension. */
export function isPagePath(pathname: string): boolean {
  const last = pathname.split('/').pop() ?? '';
  return !/\.[a-z0-9]+$/i.test(last);
}

function locs(xml: string): string[] {
  return [...xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((m) => (m[1] ?? '').replace(/&amp;/g, '&'));
}

function readSitemap(): { siteOrigin: string; paths: string[] } {
  const index = path.join(DIST, 'sitemap-index.xml');
  let files: string[];
  if (existsSync(index)) {
    files = locs(readFileSync(index, 'utf8')).map((loc) => {
      const url = new URL(loc);
      if (!url.pathname.startsWith(BASE)) fail(`Sitemap ${loc} in sitemap-index.xml is not under ${BASE}: was the site built with BASE_PATH=${BASE}?`);
      return path.join(DIST, decodeURIComponent(url.pathname.slice(BASE.length)));
    });
  } else {
    files = [path.join(DIST, 'sitemap-0.xml')];
  }
  const paths: string[] = [];
  let siteOrigin: string | undefined;
  for (const file of files) {
    if (!existsSync(file)) fail(`No sitemap at ${file}.`);
    for (const loc of locs(readFileSync(file, 'utf8'))) {
      const url = new URL(loc);
      if (!url.pathname.startsWith(BASE)) fail(`Sitemap URL ${loc} is not under ${BASE}: was the site built with BASE_PATH=${BASE}?`);
      siteOrigin ??= url.origin;
      paths.push(url.pathname);
    }
  }
  if (!siteOrigin || paths.length === 0) fail(`The sitemap in ${DIST} lists no pages.`);
  return { siteOrigin, paths };
}

/** Internal page paths linked from `html` (served at `pagePath`), hash and query removed. */
function pageLinks(html: string, pagePath: string, siteOrigin: string): string[] {
  const out: string[] = [];
  for (const tag of scanTags(html)) {
    if (tag.name !== 'a') continue;
    const href = tag.attrs.get('href');
    if (href === undefined || href.startsWith('#')) continue;
    let url: URL;
    try {
      url = new URL(href, `${siteOrigin}${pagePath}`);
    } catch {
      continue;
    }
    if (url.origin !== siteOrigin && url.origin !== ORIGIN) continue;
    if (!url.pathname.startsWith(BASE) || !isPagePath(url.pathname)) continue;
    // Discovery is forgiving about a missing trailing slash; pages.spec reports it.
    out.push(url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`);
  }
  return out;
}

function labelFor(pathname: string): string {
  const rel = pathname.slice(BASE.length);
  return rel === '' ? 'contents' : rel;
}

function discover(): Site {
  if (!existsSync(path.join(DIST, 'index.html'))) fail(`No built site in ${DIST} (index.html missing).`);
  const { siteOrigin, paths: sitemapPaths } = readSitemap();

  // Crawl from the contents page through every internal page link.
  const linked = new Set<string>([BASE]);
  const queue = [BASE];
  let chapterPaths = new Set<string>();
  while (queue.length > 0) {
    const current = queue.shift() as string;
    const file = distFileFor(current);
    if (!file) continue;
    const html = readFileSync(file, 'utf8');
    if (current === BASE) {
      const main = /<main[\s>][\s\S]*?<\/main>/i.exec(html)?.[0] ?? '';
      // The chapters are the contents list's links (the page also links e.g. the print page).
      const list = /<ol class="contents"[\s\S]*?<\/ol>/i.exec(main)?.[0] ?? main;
      chapterPaths = new Set(pageLinks(list, current, siteOrigin).filter((p) => p !== BASE));
    }
    for (const link of pageLinks(html, current, siteOrigin)) {
      if (linked.has(link)) continue;
      linked.add(link);
      queue.push(link);
    }
  }

  const all = [...new Set([BASE, ...sitemapPaths, ...linked])];
  const pages: SitePage[] = [];
  for (const p of all) {
    const file = distFileFor(p);
    if (!file) continue; // a broken link: pages.spec reports it
    pages.push({
      path: p,
      url: `${ORIGIN}${p}`,
      label: labelFor(p),
      chapter: chapterPaths.has(p),
      inSitemap: sitemapPaths.includes(p),
      linked: linked.has(p),
      file,
    });
  }
  pages.sort((a, b) => (a.path === BASE ? -1 : b.path === BASE ? 1 : a.path.localeCompare(b.path)));
  const home = pages[0];
  if (!home || home.path !== BASE) fail(`The contents page ${BASE} was not built.`);

  const isEmbed = (p: SitePage): boolean => p.path.startsWith(`${BASE}embed/`);
  const embeds = pages.filter(isEmbed);
  const bookPages = pages.filter((p) => !isEmbed(p));
  return { siteOrigin, pages: bookPages, home, widgets: widgetsOf(bookPages), embeds, embedWidgets: widgetsOf(embeds) };
}

/** The widget roots in the built HTML of `pages`, in document order. */
function widgetsOf(pages: readonly SitePage[]): SiteWidget[] {
  const widgets: SiteWidget[] = [];
  for (const page of pages) {
    const roots = scanTags(readFileSync(page.file, 'utf8')).filter((tag) => hasClass(tag, 'widget') || tag.attrs.has('data-widget'));
    const idCounts = new Map<string, number>();
    for (const tag of roots) {
      const id = tag.attrs.get('id');
      if (id) idCounts.set(id, (idCounts.get(id) ?? 0) + 1);
    }
    roots.forEach((tag, index) => {
      const id = tag.attrs.get('id') || undefined;
      const name = tag.attrs.get('data-widget') || undefined;
      const stateKeys = (tag.attrs.get('data-state-keys') ?? '').split(/[\s,]+/).filter(Boolean);
      const uniqueId = id !== undefined && idCounts.get(id) === 1;
      widgets.push({
        page,
        tag: tag.name,
        id,
        uniqueId,
        name,
        stateKeys,
        index,
        statePrefix: id ?? name ?? tag.name,
        // Widgets sharing an id are told apart by position (and pages.spec reports the clash).
        label: `${page.label} ${uniqueId ? `#${id}` : `${id ? `#${id}` : (name ?? tag.name)}[${index}]`}`,
      });
    });
  }
  return widgets;
}

let cached: Site | undefined;

/** The discovered site (computed once per process). Throws with a build hint if dist/ is missing. */
export function site(): Site {
  cached ??= discover();
  return cached;
}
