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
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from './audit/config.ts';
import { BASE, MARKER, checkHidden, checkShown } from './solutions/checks.ts';

const SUBSET = ['softmax-gradients', 'linear-limits'];

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

// The book's data (public/data/), as `npm run build` makes it first; nothing to do when up to date.
if (spawnSync('node', ['scripts/data/build.ts'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) throw new Error('scripts/data/build.ts failed.');
const all = readdirSync(path.join(ROOT, 'content/chapters'))
  .filter((f) => f.endsWith('.mdx'))
  .sort()
  .map((f) => f.replace(/\.mdx$/, '').replace(/^\d+-/, ''));
const shown = build('shown', { COURSE_SHOW_SOLUTIONS: 'true', COURSE_CHAPTERS: all.join(',') });
const failures = checkShown(shown, all, ROOT);
const hidden = build('hidden', { COURSE_SHOW_SOLUTIONS: 'false', COURSE_CHAPTERS: SUBSET.join(',') });
failures.push(...checkHidden(hidden, all, SUBSET));
for (const d of [shown, hidden]) rmSync(path.dirname(d), { recursive: true, force: true });
for (const f of failures) console.log(`FAIL ${f}`);
console.log(failures.length === 0 ? 'ok: solutions shown and hidden, links of a two-chapter build' : `${failures.length} failure(s)`);
process.exit(failures.length === 0 ? 0 : 1);
