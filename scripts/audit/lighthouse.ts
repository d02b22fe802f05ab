/**
 * `npm run lighthouse`: Lighthouse (mobile preset, the default config) on every chapter page
 * of the built site served under the base path, in the system Chromium. Prints performance,
 * accessibility, best practices and SEO per page, the failing audits of any category below
 * its target, and exits 1 if any target is missed (2 when it cannot run). Text responses are
 * gzipped on the way, as GitHub Pages serves them.
 *
 *   BASE_PATH=/beyond-linear/ npx astro build && node scripts/audit/lighthouse.ts [--all]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import lighthouse from 'lighthouse';
import { BASE, CHROMIUM_ARGS, CHROMIUM_PATH, DIST } from './config.ts';
import { gzipProxy } from './gzip-proxy.ts';
import { serve } from './server.ts';
import { auditPages, distProblem } from './site.ts';

/** Minimum scores (0–100) per Lighthouse category. */
export const TARGETS: Record<string, number> = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 95 };

interface Browser {
  port: number;
  child: ChildProcess;
  profile: string;
}

/** Start Chromium headless with a DevTools port; resolves with the port it chose. */
async function launch(): Promise<Browser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'audit-lh-'));
  const args = [...CHROMIUM_ARGS, '--headless=new', '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'];
  const child = spawn(CHROMIUM_PATH, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const port = await new Promise<number>((resolve, reject) => {
    let log = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(log);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`Chromium exited with ${code}: ${log.slice(-500)}`)));
  });
  return { port, child, profile };
}

async function close(browser: Browser): Promise<void> {
  await new Promise<void>((resolve) => {
    if (browser.child.exitCode !== null) return resolve();
    browser.child.once('exit', () => resolve());
    browser.child.kill('SIGTERM');
  });
  rmSync(browser.profile, { recursive: true, force: true });
}

interface Scores {
  label: string;
  scores: Record<string, number>;
  failing: string[];
}

/** Lighthouse one URL; scores 0–100 and the failing audits of categories below target. */
async function measure(url: string, label: string, port: number): Promise<Scores> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error' });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { categories, audits } = result.lhr;
  const scores: Record<string, number> = {};
  const failing: string[] = [];
  for (const [id, target] of Object.entries(TARGETS)) {
    const category = categories[id];
    const score = Math.round((category?.score ?? 0) * 100);
    scores[id] = score;
    if (score >= target || !category) continue;
    for (const ref of category.auditRefs) {
      const audit = audits[ref.id];
      if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 0.9) continue;
      failing.push(`${id}: ${audit.id} (${audit.displayValue ?? `score ${audit.score}`}) — ${audit.title}`);
    }
  }
  return { label, scores, failing };
}

function report(rows: Scores[]): string {
  const head = ['page', ...Object.keys(TARGETS).map((k) => `${k} (≥ ${TARGETS[k]})`)];
  const cells = rows.map((r) => [r.label, ...Object.keys(TARGETS).map((k) => `${r.scores[k] ?? '–'}${(r.scores[k] ?? 0) < (TARGETS[k] ?? 0) ? '!' : ''}`)]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]): string => c.map((x, i) => (i === 0 ? x.padEnd(widths[i] ?? 0) : x.padStart(widths[i] ?? 0))).join('  ');
  const failing = rows.flatMap((r) => r.failing.map((f) => `  ${r.label} ${f}`));
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line), ...(failing.length ? ['', 'Below target:', ...failing] : [])].join('\n');
}

async function main(): Promise<number> {
  const problem = distProblem();
  if (problem) {
    console.error(`lighthouse: ${problem}`);
    return 2;
  }
  process.env['CHROME_PATH'] ??= CHROMIUM_PATH;
  const pages = auditPages().filter((p) => p.chapter || process.argv.includes('--all'));
  const started = Date.now();
  const server = await serve(DIST, BASE);
  // Text is served gzipped, as GitHub Pages does (AUDIT_NO_GZIP=1 measures it raw).
  const front = process.env['AUDIT_NO_GZIP'] === '1' ? undefined : await gzipProxy(server.origin);
  const browser = await launch();
  try {
    const rows: Scores[] = [];
    for (const p of pages) rows.push(await measure(`${(front ?? server).origin}${p.path}`, p.label, browser.port));
    console.log(report(rows));
    const ok = rows.every((r) => Object.entries(TARGETS).every(([k, t]) => (r.scores[k] ?? 0) >= t));
    console.log(`\nlighthouse: ${ok ? 'PASS' : 'FAIL'} — ${rows.length} pages in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    return ok ? 0 : 1;
  } finally {
    await close(browser);
    await front?.stop();
    await server.stop();
  }
}

process.exitCode = await main();
