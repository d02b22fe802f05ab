/**
 * Frame cost of the training widgets, measured in Chromium: for every widget on the built site
 * that exposes a `loop` (a PlayLoop), press its play button, let it train for a few seconds,
 * and report the median and 95th percentile of the widget's JavaScript per frame (work + draw)
 * and of the interval between animation frames (which adds the browser's style, layout and paint).
 * A measurement to read, not a test: it never fails on a number. Needs `npm run build:subpath`.
 *
 *   npm run frames
 */
import { chromium } from '@playwright/test';
import { BASE, CHROMIUM_ARGS, CHROMIUM_PATH, DIST } from './audit/config.ts';
import { serve } from './audit/server.ts';
import { site } from '../tests/support/site.ts';

const SECONDS = Number(process.env['FRAMES_SECONDS'] ?? 4);

/** The q-quantile of a list of numbers (nearest rank). */
function quantile(xs: readonly number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

const server = await serve(DIST, BASE);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const rows: string[] = [];

/** Intervals between animation frames for `ms` milliseconds: what the reader sees as smoothness. */
function frameIntervals(ms: number): Promise<number[]> {
  return new Promise((resolve) => {
    const out: number[] = [];
    let last = performance.now();
    const end = last + ms;
    const tick = (t: number): void => {
      out.push(t - last);
      last = t;
      if (t < end) requestAnimationFrame(tick);
      else resolve(out.slice(1));
    };
    requestAnimationFrame(tick);
  });
}

try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  for (const w of site().widgets) {
    if (!w.id) continue;
    const url = new URL(new URL(w.page.url).pathname, server.origin).href;
    if (page.url() !== url) await page.goto(url);
    const root = page.locator(`#${w.id}`);
    const play = root.locator('[data-action="play"]');
    await root.scrollIntoViewIfNeeded();
    if ((await play.count()) === 0) continue;
    await page.waitForFunction((id) => document.getElementById(id)?.hasAttribute('data-ready'), w.id);
    await play.click();
    const intervals = await page.evaluate(frameIntervals, SECONDS * 1000);
    const times = await root.evaluate((el) => [...((el as unknown as { loop?: { frameTimes: number[] } }).loop?.frameTimes ?? [])]);
    if ((await play.innerText()).trim() === 'Pause') await play.click();
    if (times.length === 0) continue;
    const ms = (xs: number[], q: number): string => quantile(xs, q).toFixed(1);
    rows.push(
      `${w.page.label.padEnd(14)} ${w.id.padEnd(13)} JS per frame median ${ms(times, 0.5)} ms, p95 ${ms(times, 0.95)} ms;` +
        ` frame interval median ${ms(intervals, 0.5)} ms, p95 ${ms(intervals, 0.95)} ms (${intervals.length} frames)`,
    );
  }
} finally {
  await browser.close();
  await server.stop();
}
console.log(rows.length > 0 ? rows.join('\n') : 'no widget with a training loop found');
