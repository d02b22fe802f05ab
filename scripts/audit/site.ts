/**
 * What to audit: the pages of the built site (sitemap ∪ crawl, from tests/support/site.ts)
 * plus the 404 page, after checking that dist/ exists and was built for the base path.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { site } from '../../tests/support/site.ts';
import { BASE, DIST } from './config.ts';

/** A page to audit. */
export interface AuditPage {
  label: string;
  /** Path under the server, e.g. `/beyond-linear/linear-limits/`. */
  path: string;
  /** A chapter page (linked from the contents): math expected, Lighthouse runs on it. */
  chapter: boolean;
  /** HTTP status the page must answer with. */
  status: number;
  /** An embed page (`<base>embed/<id>/`): checked by the embed pass alone (embed.ts). */
  embed?: boolean;
}

/** Why dist/ cannot be audited, or undefined when it can. */
export function distProblem(dist = DIST, base = BASE): string | undefined {
  const hint = `Build it first: BASE_PATH=${base} npx astro build`;
  const index = path.join(dist, 'index.html');
  if (!existsSync(index)) return `No built site in ${dist} (index.html missing). ${hint}`;
  const html = readFileSync(index, 'utf8');
  // Astro's own assets (`<base>_astro/…`) say which base the site was built for.
  const asset = /(?:href|src)="(\/[^"]*?)_astro\//.exec(html)?.[1];
  if (asset !== undefined && asset !== base) {
    return `${dist} was built for the base path ${asset}, not ${base}. Rebuild: BASE_PATH=${base} npx astro build`;
  }
  return undefined;
}

/** The embed pages, one widget each (tests/support/site.ts keeps them apart from the book's pages). */
export function embedAuditPages(): AuditPage[] {
  return site().embeds.map((p) => ({ label: p.label, path: p.path, chapter: false, status: 200, embed: true }));
}

/** Pages from the sitemap and the crawl, contents first, then the 404 page. */
export function auditPages(): AuditPage[] {
  const { pages } = site();
  const found: AuditPage[] = pages.map((p) => ({ label: p.label, path: p.path, chapter: p.chapter, status: 200 }));
  if (existsSync(path.join(DIST, '404.html'))) found.push({ label: '404', path: `${BASE}audit-no-such-page/`, chapter: false, status: 404 });
  return found;
}
