/**
 * Smoothness of the book's runs in Chromium, against stated targets. For every widget on the built
 * site with a run (a `host`): start it (Train, or a new seed for a measurement), and for a few
 * seconds record the interval between animation frames (what the reader sees as smoothness) and
 * every main-thread task over 50 ms (Long Tasks API); for runs sliced into frames on the main
 * thread also the run's JavaScript per frame (for worker runs, the page's drawing per report). Then the same while a Web Worker trains an
 * MNIST-sized model (784-128-64-10 ReLU, minibatches of 64 random images) through the book's
 * WorkerHost, on a page built here with Vite under the site's CSP.
 *
 * Targets: frame interval p95 ≤ 20 ms and no main-thread task over 50 ms, for every run. Exits
 * with status 1 when one is missed. A benchmark on a shared machine, not part of `npm test`.
 * Needs `npm run build:subpath`.
 *
 *   npm run frames                 # FRAMES_SECONDS=4 by default
 *   npm run frames -- xor-relu-net mnist   # only these widget ids (and `mnist`: the MNIST-sized worker page)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { build } from 'vite';
import { BASE, CHROMIUM_ARGS, CHROMIUM_PATH, DIST, ROOT } from './audit/config.ts';
import { serve } from './audit/server.ts';
import { scrollUntilReady } from '../tests/support/browser.ts';
import { site } from '../tests/support/site.ts';

const SECONDS = Number(process.env['FRAMES_SECONDS'] ?? 4);
/** Only these widget ids (and `mnist` for the MNIST-sized page), when named on the command line. */
const ONLY = process.argv.slice(2);
const wanted = (id: string): boolean => ONLY.length === 0 || ONLY.includes(id);
/** Frame interval p95 at most this (ms). */
const P95_TARGET = 20;
/** No main-thread task longer than this (ms). */
const TASK_TARGET = 50;

interface Measured {
  intervals: number[];
  longTasks: number[];
}

/** The q-quantile of a list of numbers (nearest rank). */
function quantile(xs: readonly number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/** In the page: intervals between animation frames and durations of long tasks for `ms` milliseconds. */
function measure(ms: number): Promise<Measured> {
  return new Promise((resolve) => {
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push(e.duration);
    });
    observer.observe({ type: 'longtask' });
    const intervals: number[] = [];
    let last = performance.now();
    const end = last + ms;
    const tick = (t: number): void => {
      intervals.push(t - last);
      last = t;
      if (t < end) requestAnimationFrame(tick);
      else {
        observer.disconnect();
        resolve({ intervals: intervals.slice(1), longTasks });
      }
    };
    requestAnimationFrame(tick);
  });
}

const rows: string[] = [];
const misses: string[] = [];
const ms = (xs: readonly number[], q: number): string => quantile(xs, q).toFixed(1);

/** Add a result row, and a miss for every target it fails. */
function record(name: string, where: string, m: Measured, jsPerFrame: number[]): void {
  const p95 = quantile(m.intervals, 0.95);
  const longest = Math.max(0, ...m.longTasks);
  const js =
    jsPerFrame.length > 0
      ? ` ${where === 'worker' ? 'drawing per report' : 'JS per frame'} median ${ms(jsPerFrame, 0.5)} ms, p95 ${ms(jsPerFrame, 0.95)} ms;`
      : '';
  rows.push(
    `${name.padEnd(34)} ${where.padEnd(6)}${js} frame interval median ${ms(m.intervals, 0.5)} ms, p95 ${p95.toFixed(1)} ms (${m.intervals.length} frames);` +
      ` tasks over ${TASK_TARGET} ms: ${m.longTasks.length}${m.longTasks.length > 0 ? ` (longest ${longest.toFixed(0)} ms)` : ''}`,
  );
  if (!(p95 <= P95_TARGET)) misses.push(`${name}: frame interval p95 ${p95.toFixed(1)} ms > ${P95_TARGET} ms`);
  if (m.longTasks.length > 0) misses.push(`${name}: ${m.longTasks.length} main-thread task(s) over ${TASK_TARGET} ms (longest ${longest.toFixed(0)} ms)`);
}

/** Every widget with a run: start it, measure, stop it. */
async function measureWidgets(page: Page, origin: string): Promise<void> {
  for (const w of site().widgets) {
    if (!w.id || !wanted(w.id)) continue;
    const url = new URL(new URL(w.page.url).pathname, origin).href;
    if (page.url() !== url) await page.goto(url);
    const root = page.locator(`#${w.id}`);
    if (!(await scrollUntilReady(root, 30_000))) throw new Error(`${w.label} never went live`);
    const where = await root.evaluate((el) => (el as unknown as { host?: { where: string } }).host?.where ?? '');
    if (!where) continue;
    const play = root.locator('[data-run-controls] [data-action="play"]');
    // A widget whose data loads on request (the MNIST layer probes) starts training from its load button.
    const load = root.locator('[data-action="load"]');
    if ((await load.count()) > 0 && (await play.count()) > 0 && !(await play.isVisible())) await load.click();
    else if ((await play.count()) > 0) await play.click();
    else await root.locator('[data-action="new-seed"]').click();
    const measured = await page.evaluate(measure, SECONDS * 1000);
    const js = await root.evaluate((el) => {
      const host = (el as unknown as { host?: { loop?: { frameTimes: number[] }; drawTimes?: number[] } }).host;
      return [...(host?.loop?.frameTimes ?? host?.drawTimes ?? [])];
    });
    if ((await play.count()) > 0 && (await play.innerText()).trim() === 'Pause') await play.click();
    record(`${w.page.label} #${w.id}`, where, measured, js);
  }
}

/** Build the MNIST-sized worker page with Vite (the site's bundler) into a temporary directory. */
async function buildMnistPage(): Promise<string> {
  const out = await mkdtemp(path.join(tmpdir(), 'frames-'));
  await build({
    root: path.join(ROOT, 'scripts/frames'),
    base: BASE,
    logLevel: 'warn',
    build: { outDir: out, emptyOutDir: true, assetsInlineLimit: 0 },
  });
  return out;
}

/** Frames on a page whose worker trains the MNIST-sized model. */
async function measureMnist(page: Page): Promise<void> {
  const dir = await buildMnistPage();
  const server = await serve(dir, BASE);
  try {
    const errors: string[] = [];
    page.on('console', (m) => void (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico') && errors.push(m.text())));
    await page.goto(`${server.origin}${BASE}`);
    await page.waitForFunction(() => (window as unknown as { bench?: { state: { reports: number } } }).bench?.state.reports);
    await page.evaluate(() => (window as unknown as { bench: { host: { play(): void } } }).bench.host.play());
    const measured = await page.evaluate(measure, SECONDS * 1000);
    const state = await page.evaluate(() => (window as unknown as { bench: { state: { steps: number; reports: number; failed: string } } }).bench.state);
    if (state.failed || errors.length > 0) misses.push(`MNIST-sized worker: ${state.failed || errors.join('; ')}`);
    const draws = await page.evaluate(() => [...(window as unknown as { bench: { host: { drawTimes: number[] } } }).bench.host.drawTimes]);
    record(`MNIST-sized MLP (${state.steps} steps, ${state.reports} reports)`, 'worker', measured, draws);
  } finally {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

const server = await serve(DIST, BASE);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await measureWidgets(page, server.origin);
  if (wanted('mnist')) await measureMnist(await browser.newPage({ viewport: { width: 1280, height: 900 } }));
} finally {
  await browser.close();
  await server.stop();
}
console.log(rows.length > 0 ? rows.join('\n') : 'no widget with a run found');
console.log(`Targets: frame interval p95 ≤ ${P95_TARGET} ms, no main-thread task over ${TASK_TARGET} ms.`);
if (misses.length > 0) {
  console.log(`Missed:\n  ${misses.join('\n  ')}`);
  process.exitCode = 1;
} else console.log('All targets met.');
