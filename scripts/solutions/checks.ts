/**
 * The checks of `npm run test:solutions` (scripts/solutions-check.ts), as functions of a built
 * site's directory that give one sentence per failure (`checkShown` also gives the solutions'
 * phrases that `checkHidden` looks for); scripts/solutions/checks.test.ts shows each one failing on
 * a small planted site.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { scanTags } from '../../tests/support/html.ts';

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

/** A solution or hint (`<details class="solution">`), or find-the-bug's reveal, as it is in a page. */
const SOLUTION_BLOCK = /<details class="(?:solution|bug-reveal)[^"]*"[^>]*>[\s\S]*?<\/details>/g;

/** HTML with each KaTeX formula (`<span class="katex">` and everything in it) cut down to a `|`. */
function withoutMath(html: string): string {
  let out = '';
  let depth = 0;
  let from = 0;
  for (const m of html.matchAll(/<span\b[^>]*>|<\/span>/g)) {
    const opens = m[0] !== '</span>';
    if (depth === 0 && opens && m[0].includes('class="katex"')) {
      out += `${html.slice(from, m.index)}|`;
      depth = 1;
    } else if (depth > 0 && (depth += opens ? 1 : -1) === 0) from = m.index + m[0].length;
  }
  return depth > 0 ? out : out + html.slice(from);
}

/** Whitespace as one space: how a phrase is looked for in any file. */
const squash = (text: string): string => text.replace(/\s+/g, ' ');

/**
 * Runs of at least four words of plain letters in a piece of HTML (no tag, entity, digit or mark inside): text that any
 * copy of it carries, whether as HTML, in a script, or in the search index.
 */
export function plainPhrases(html: string): string[] {
  return squash(withoutMath(html).replace(/<[^>]*>/g, '|'))
    .split(/[^A-Za-z ]+/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 20 && s.split(' ').length >= 4);
}

/** Every text file of a build but its search index and print page (which repeat the solutions), with the solutions cut out and whitespace squashed. */
function textOutsideSolutions(dist: string): string {
  const skip = [path.join(dist, 'pagefind') + path.sep, path.join(dist, 'print') + path.sep];
  return files(dist)
    .filter((f) => /\.(html|js|css|json|xml|txt)$/.test(f) && !skip.some((s) => f.startsWith(s)))
    .map((f) => squash(readFileSync(f, 'utf8').replace(SOLUTION_BLOCK, '')))
    .join('\n');
}

/**
 * A solutions-shown build of chapters `slugs` (in `root`'s content/chapters/): its failures, and the words of its
 * solutions the hidden build must not have. Each solution, hint and find-the-bug reveal gives up to three phrases of
 * its own (found nowhere else in the build); one that has none is a failure, as the hidden check could not see it.
 */
export function checkShown(dist: string, slugs: readonly string[], root: string): { failures: string[]; phrases: string[] } {
  const failures: string[] = [];
  const fail = (msg: string): void => void failures.push(msg);
  const outside = textOutsideSolutions(dist);
  const index = files(path.join(dist, 'pagefind'))
    .map((f) => squash(textOf(f)))
    .join('\n');
  const phrases: string[] = [];
  for (const slug of slugs) {
    const html = page(dist, slug);
    const expected = (mdxOf(root, slug).match(/<(Solution|Hint)[\s>]/g) ?? []).length;
    const blocks = html.match(SOLUTION_BLOCK) ?? [];
    const solutions = blocks.filter((b) => b.startsWith('<details class="solution')).length;
    if (solutions !== expected) fail(`shown: /${slug}/ has ${solutions} solutions and hints, its MDX ${expected}.`);
    const own = blocks.map((b) =>
      plainPhrases(b)
        .filter((p) => !outside.includes(p))
        .sort((x, y) => y.length - x.length)
        .slice(0, 3),
    );
    own.forEach((p, i) => p.length > 0 || fail(`shown: /${slug}/ solution, hint or reveal ${i + 1} has no phrase of four plain words of its own.`));
    if (blocks.length > 0 && !own.flat().some((p) => index.includes(p))) fail(`shown: the search index has none of /${slug}/'s solutions.`);
    phrases.push(...own.flat());
  }
  const ch3 = page(dist, 'softmax-gradients');
  const reveals =
    (ch3.match(/>\s*Show answer\s*</g) ?? []).length + (ch3.match(/<details class="bug-reveal"[^>]*>\s*<summary>Show the bug<\/summary>/g) ?? []).length;
  if (reveals !== 3) fail(`shown: chapter 3 has ${reveals} answer reveals, not 3 (two "Show answer", one "Show the bug").`);
  if (!files(path.join(dist, '_astro')).some((f) => f.endsWith('.js') && readFileSync(f, 'utf8').includes('Answer shown'))) {
    fail('shown: no script has the gradient exercise\'s "Answer shown" (so the hidden check below would prove nothing).');
  }
  return { failures, phrases: [...new Set(phrases)] };
}

/** Failures of a solutions-hidden build publishing `subset` (in that order) of the chapters `all`; `phrases`: the solutions' words (`checkShown`). */
export function checkHidden(dist: string, all: readonly string[], subset: readonly string[], phrases: readonly string[]): string[] {
  const failures: string[] = [];
  const fail = (msg: string): void => void failures.push(msg);
  for (const f of files(dist)) {
    const text = squash(textOf(f));
    for (const word of [...REVEALS, 'class="solution']) if (text.includes(word)) fail(`hidden: ${path.relative(dist, f)} contains "${word}".`);
    for (const p of phrases) if (text.includes(p)) fail(`hidden: ${path.relative(dist, f)} contains a solution's words, "${p}".`);
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
