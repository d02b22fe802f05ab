/**
 * `npm run test:solutions`: proves that `showSolutions: false` leaves no solution anywhere in the
 * site, and that a build of some chapters only has no link to the others.
 *
 *  1. Solutions shown, every chapter (scripts/solutions/checks.ts, `checkShown`): each chapter page has
 *     as many solutions and hints as its MDX, the search index has them, and chapter 3 its answer
 *     reveals. Each solution, hint and reveal gives phrases of its own (plain words found nowhere
 *     else in the build): what any copy of it would carry, as HTML, in a script or in the index.
 *  2. Solutions hidden, two chapters in a new order (COURSE_CHAPTERS): none of those phrases, and no
 *     reveal's words, are in any file of the build (HTML, JavaScript, CSS, the decompressed Pagefind
 *     index, print and embed pages alike); only the two chapters are built, listed and in the
 *     sitemap; and every link on every page lands on a built page and an existing id.
 *
 * `--shown <dir>`: use that build for step 1 (`npm test` passes dist/, built under /beyond-linear/)
 * when the course settings show solutions and publish every chapter; otherwise, and without it,
 * step 1 builds its own. Each build goes to its own directory under the system's temp dir, with its
 * own Astro cache, so it may run beside `npm run build`. Exits 1 with one line per failure.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from './audit/config.ts';
import { COURSE, chapterSlugsOnDisk } from '../src/lib/course.ts';
import { BASE, checkHidden, checkShown } from './solutions/checks.ts';

const SUBSET = ['softmax-gradients', 'linear-limits'];

function build(name: string, env: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), `solutions-${name}-`));
  const out = path.join(dir, 'dist');
  const bin = (b: string): string => path.join(ROOT, 'node_modules/.bin', b);
  const envAll = { ...process.env, ...env, BASE_PATH: BASE, ASTRO_CACHE_DIR: path.join(dir, 'cache'), FORCE_COLOR: '0' };
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
const all = chapterSlugsOnDisk(ROOT);
const given = process.argv.includes('--shown') ? path.resolve(process.argv[process.argv.indexOf('--shown') + 1] ?? '') : undefined;
// The book's own build will do when it shows every chapter's solutions (a fork's course settings may not).
const reuse = given !== undefined && COURSE.showSolutions && all.every((slug) => COURSE.chapters.includes(slug));
const shown = reuse ? given : build('shown', { COURSE_SHOW_SOLUTIONS: 'true', COURSE_CHAPTERS: all.join(',') });
if (reuse) console.log(`shown: ${path.relative(ROOT, given) || given}, the book's own build`);
const { failures, phrases } = checkShown(shown, all, ROOT);
console.log(`shown: ${phrases.length} phrases of the solutions to look for`);
const hidden = build('hidden', { COURSE_SHOW_SOLUTIONS: 'false', COURSE_CHAPTERS: SUBSET.join(',') });
failures.push(...checkHidden(hidden, all, SUBSET, phrases));
for (const d of reuse ? [hidden] : [shown, hidden]) rmSync(path.dirname(d), { recursive: true, force: true });
for (const f of failures) console.log(`FAIL ${f}`);
console.log(failures.length === 0 ? 'ok: solutions shown and hidden, links of a two-chapter build' : `${failures.length} failure(s)`);
process.exit(failures.length === 0 ? 0 : 1);
