/**
 * The checks of `npm run test:solutions` (scripts/solutions-check.ts), as functions of a built
 * site's directory that return one sentence per failure; scripts/solutions/checks.test.ts shows
 * each one failing on a small planted site.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { scanTags } from '../../tests/support/html.ts';

export const MARKER = 'qx-solution-marker-q7';
/** Words only an answer reveal says: the gradient exercise's button and readout, find-the-bug's summary. */
export const REVEALS = ['Show answer', 'Answer shown', 'Show the bug'];
export const BASE = '/beyond-linear/';

export function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name))
    .sort();
}

/** A file's text; gzip (Pagefind's index and fragments, the book's .gz data) decompressed first. */
export function textOf(file: string): string {
  const bytes = readFileSync(file);
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes.toString('utf8');
  try {
    return gunzipSync(bytes).toString('utf8');
  } catch {
    return bytes.toString('utf8');
  }
}

const mdxOf = (root: string, slug: string): string => {
  const file = readdirSync(path.join(root, 'content/chapters')).find((f) => f.replace(/^\d+-/, '') === `${slug}.mdx`);
  return readFileSync(path.join(root, 'content/chapters', file ?? ''), 'utf8');
};
const page = (dist: string, p: string): string => readFileSync(path.join(dist, p, 'index.html'), 'utf8');

/** Failures of a solutions-shown build of chapters `slugs` (in `root`'s content/chapters/). */
export function checkShown(dist: string, slugs: readonly string[], root: string): string[] {
  const failures: string[] = [];
  const fail = (msg: string): void => void failures.push(msg);
  for (const slug of slugs) {
    const html = page(dist, slug);
    const expected = (mdxOf(root, slug).match(/<(Solution|Hint)[\s>]/g) ?? []).length;
    const blocks = [...html.matchAll(/<details class="solution[^"]*"[^>]*>([\s\S]*?)<\/details>/g)].map((m) => m[1] ?? '');
    if (blocks.length !== expected) fail(`shown: /${slug}/ has ${blocks.length} solutions and hints, its MDX ${expected}.`);
    blocks.forEach((b, i) => b.includes(MARKER) || fail(`shown: /${slug}/ solution or hint ${i + 1} lacks the marker.`));
  }
  const ch3 = page(dist, 'softmax-gradients');
  const reveals =
    (ch3.match(new RegExp(`${MARKER} Show answer`, 'g')) ?? []).length +
    (ch3.match(/<details class="bug-reveal"[^>]*>\s*<summary>Show the bug<\/summary>\s*<p>qx-/g) ?? []).length;
  if (reveals !== 3) fail(`shown: chapter 3 has ${reveals} marked answer reveals, not 3 (two "Show answer", one "Show the bug").`);
  const index = files(path.join(dist, 'pagefind')).filter((f) => textOf(f).includes(MARKER)).length;
  if (index < slugs.length) fail(`shown: the marker is in ${index} search-index files, fewer than the ${slugs.length} chapters.`);
  if (!files(path.join(dist, '_astro')).some((f) => f.endsWith('.js') && readFileSync(f, 'utf8').includes('Answer shown'))) {
    fail('shown: no script has the gradient exercise\'s "Answer shown" (so the hidden check below would prove nothing).');
  }
  return failures;
}

/** Failures of a solutions-hidden build publishing `subset` (in that order) of the chapters `all`. */
export function checkHidden(dist: string, all: readonly string[], subset: readonly string[]): string[] {
  const failures: string[] = [];
  const fail = (msg: string): void => void failures.push(msg);
  for (const f of files(dist)) {
    const text = textOf(f);
    for (const word of [MARKER, ...REVEALS, 'class="solution']) if (text.includes(word)) fail(`hidden: ${path.relative(dist, f)} contains "${word}".`);
  }
  for (const slug of all)
    if (existsSync(path.join(dist, slug)) !== subset.includes(slug)) fail(`hidden: /${slug}/ is ${subset.includes(slug) ? 'missing' : 'built'}.`);
  const contents = scanTags(page(dist, ''))
    .filter((t) => t.name === 'a')
    .map((t) => t.attrs.get('href') ?? '')
    .filter((h) => all.some((s) => h === `${BASE}${s}/`));
  if (contents.join() !== subset.map((s) => `${BASE}${s}/`).join())
    fail(`hidden: the contents list ${contents.join(', ')}, not ${subset.join(', ')} in that order.`);
  const sitemap = files(dist)
    .filter((f) => /sitemap-\d+\.xml$/.test(f))
    .map((f) => readFileSync(f, 'utf8'))
    .join('');
  for (const slug of all)
    if (sitemap.includes(`${BASE}${slug}/<`) !== subset.includes(slug)) fail(`hidden: the sitemap ${subset.includes(slug) ? 'lacks' : 'lists'} /${slug}/.`);
  return [...failures, ...checkLinks(dist)];
}

/** Every a[href] on every page that stays on the site lands on a built page, and its #fragment on an id (or a widget's settings). */
export function checkLinks(dist: string): string[] {
  const failures: string[] = [];
  const fail = (msg: string): void => void failures.push(msg);
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string): Set<string> => {
    let s = ids.get(file);
    if (!s) ids.set(file, (s = new Set(scanTags(readFileSync(file, 'utf8')).flatMap((t) => (t.attrs.get('id') ? [t.attrs.get('id') ?? ''] : [])))));
    return s;
  };
  for (const file of files(dist).filter((f) => f.endsWith('.html'))) {
    const here = `/${path.relative(dist, path.dirname(file))}/`.replace(/\/+$/, '/');
    for (const t of scanTags(readFileSync(file, 'utf8')).filter((x) => x.name === 'a')) {
      const href = t.attrs.get('href') ?? '';
      if (/^[a-z]+:/i.test(href) || href.startsWith('//')) continue;
      const u = new URL(href, `http://site${BASE}${here.slice(1)}`);
      if (!u.pathname.startsWith(BASE)) {
        fail(`hidden: ${path.relative(dist, file)} links to ${href}, outside ${BASE}.`);
        continue;
      }
      const rel = decodeURIComponent(u.pathname.slice(BASE.length));
      const target = path.join(dist, rel, rel === '' || rel.endsWith('/') ? 'index.html' : '');
      if (!existsSync(target)) fail(`hidden: ${path.relative(dist, file)} links to ${href}, which the build does not have.`);
      else if (u.hash && target.endsWith('.html')) {
        const frag = decodeURIComponent(u.hash.slice(1));
        const id = /^([\w-]+)\.\w+=/.exec(frag)?.[1] ?? frag;
        if (!idsOf(target).has(id)) fail(`hidden: ${path.relative(dist, file)} links to ${href}, and that page has no id "${id}".`);
      }
    }
  }
  return failures;
}
