/**
 * `npm run test:solutions`: proves that `showSolutions: false` leaves no solution anywhere in the
 * site, and that a build of some chapters only has no link to the others. Two builds, each with
 * SOLUTION_MARKER set, so every <Solution>, <Hint> and answer reveal begins with a marker word:
 *
 *  1. solutions shown, every chapter: every solution and hint on every chapter page carries the
 *     marker (as many as the MDX has), so do the widgets' reveals, and the search index has it;
 *  2. solutions hidden, two chapters in a new order (COURSE_CHAPTERS): the marker and the reveal
 *     texts are in no file of the build (HTML, JavaScript, CSS, the decompressed Pagefind index,
 *     print and embed pages alike); only the two chapters are built, listed and in the sitemap;
 *     and every link on every page lands on a built page and an existing id.
 *
 * Each build goes to its own directory under the system's temp dir, with its own Astro cache, so it
 * may run beside `npm run build`. Exits 1 with one line per failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { scanTags } from '../tests/support/html.ts';
import { ROOT } from './audit/config.ts';

const MARKER = 'qx-solution-marker-q7';
/** Words only an answer reveal says: the gradient exercise's button and readout, find-the-bug's summary. */
const REVEALS = ['Show answer', 'Answer shown', 'Show the bug'];
const BASE = '/beyond-linear/';
const SUBSET = ['softmax-gradients', 'linear-limits'];
const failures: string[] = [];
const fail = (msg: string): void => void failures.push(msg);

function build(name: string, env: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), `solutions-${name}-`));
  const out = path.join(dir, 'dist');
  const bin = (b: string): string => path.join(ROOT, 'node_modules/.bin', b);
  const envAll = { ...process.env, ...env, SOLUTION_MARKER: MARKER, BASE_PATH: BASE, ASTRO_CACHE_DIR: path.join(dir, 'cache'), FORCE_COLOR: '0' };
  const started = Date.now();
  for (const [cmd, args] of [
    [bin('astro'), ['build', '--outDir', out]],
    [bin('pagefind'), ['--site', out, '--silent']],
  ] as const) {
    const r = spawnSync(cmd, args, { cwd: ROOT, env: envAll, encoding: 'utf8', maxBuffer: 64 << 20 });
    if (r.status !== 0) throw new Error(`${name} build failed (${path.basename(cmd)}):\n${r.stdout}\n${r.stderr}`);
  }
  console.log(`${name} build: ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return out;
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name));
}

/** A file's text; gzip (Pagefind's index and fragments, the book's .gz data) decompressed first. */
function textOf(file: string): string {
  const bytes = readFileSync(file);
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes.toString('utf8');
  try {
    return gunzipSync(bytes).toString('utf8');
  } catch {
    return bytes.toString('utf8');
  }
}

const mdxOf = (slug: string): string => {
  const file = readdirSync(path.join(ROOT, 'content/chapters')).find((f) => f.replace(/^\d+-/, '') === `${slug}.mdx`);
  return readFileSync(path.join(ROOT, 'content/chapters', file ?? ''), 'utf8');
};
const page = (dist: string, p: string): string => readFileSync(path.join(dist, p, 'index.html'), 'utf8');

function checkShown(dist: string, slugs: readonly string[]): void {
  for (const slug of slugs) {
    const html = page(dist, slug);
    const expected = (mdxOf(slug).match(/<(Solution|Hint)[\s>]/g) ?? []).length;
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
}

function checkHidden(dist: string, all: readonly string[]): void {
  for (const f of files(dist)) {
    const text = textOf(f);
    for (const word of [MARKER, ...REVEALS, 'class="solution']) if (text.includes(word)) fail(`hidden: ${path.relative(dist, f)} contains "${word}".`);
  }
  for (const slug of all)
    if (existsSync(path.join(dist, slug)) !== SUBSET.includes(slug)) fail(`hidden: /${slug}/ is ${SUBSET.includes(slug) ? 'missing' : 'built'}.`);
  const contents = scanTags(page(dist, ''))
    .filter((t) => t.name === 'a')
    .map((t) => t.attrs.get('href') ?? '')
    .filter((h) => all.some((s) => h === `${BASE}${s}/`));
  if (contents.join() !== SUBSET.map((s) => `${BASE}${s}/`).join())
    fail(`hidden: the contents list ${contents.join(', ')}, not ${SUBSET.join(', ')} in that order.`);
  const sitemap = files(dist)
    .filter((f) => /sitemap-\d+\.xml$/.test(f))
    .map((f) => readFileSync(f, 'utf8'))
    .join('');
  for (const slug of all)
    if (sitemap.includes(`${BASE}${slug}/<`) !== SUBSET.includes(slug)) fail(`hidden: the sitemap ${SUBSET.includes(slug) ? 'lacks' : 'lists'} /${slug}/.`);
  checkLinks(dist);
}

/** Every a[href] on every page that stays on the site lands on a built page, and its #fragment on an id (or a widget's settings). */
function checkLinks(dist: string): void {
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
}

// The book's data (public/data/), as `npm run build` makes it first; nothing to do when up to date.
if (spawnSync('node', ['scripts/data/build.ts'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) throw new Error('scripts/data/build.ts failed.');
const all = readdirSync(path.join(ROOT, 'content/chapters'))
  .filter((f) => f.endsWith('.mdx'))
  .sort()
  .map((f) => f.replace(/\.mdx$/, '').replace(/^\d+-/, ''));
const shown = build('shown', { COURSE_SHOW_SOLUTIONS: 'true', COURSE_CHAPTERS: all.join(',') });
checkShown(shown, all);
const hidden = build('hidden', { COURSE_SHOW_SOLUTIONS: 'false', COURSE_CHAPTERS: SUBSET.join(',') });
checkHidden(hidden, all);
for (const d of [shown, hidden]) rmSync(path.dirname(d), { recursive: true, force: true });
for (const f of failures) console.log(`FAIL ${f}`);
console.log(failures.length === 0 ? 'ok: solutions shown and hidden, links of a two-chapter build' : `${failures.length} failure(s)`);
process.exit(failures.length === 0 ? 0 : 1);
