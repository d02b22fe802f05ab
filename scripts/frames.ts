/**
 * Frame cost of the training widgets, measured in Chromium: for every widget on the built site
 * that exposes a `loop` (a PlayLoop), press its play button, let it train for a few seconds,
 * and report the median and 95th percentile of milliseconds per animation frame (work + draw).
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
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  for (const w of site().widgets) {
    if (!w.id) continue;
    const url = new URL(new URL(w.page.url).pathname, server.origin).href;
    if (page.url() !== url) await page.goto(url);
    const root = page.locator(`#${w.id}`);
    await root.scrollIntoViewIfNeeded();
    await root
      .locator('[data-action="play"]')
      .count()
      .then(async (n) => {
        if (n === 0) return;
        await page.waitForFunction((id) => document.getElementById(id)?.hasAttribute('data-ready'), w.id);
        await root.locator('[data-action="play"]').click();
        await page.waitForTimeout(SECONDS * 1000);
        const times = await root.evaluate((el) => [...((el as unknown as { loop?: { frameTimes: number[] } }).loop?.frameTimes ?? [])]);
        if (times.length === 0) return;
        rows.push(
          `${w.page.label.padEnd(16)} ${w.id.padEnd(14)} frames ${String(times.length).padStart(4)}  median ${quantile(times, 0.5).toFixed(1)} ms  p95 ${quantile(times, 0.95).toFixed(1)} ms`,
        );
        if ((await root.locator('[data-action="play"]').innerText()).trim() === 'Pause') await root.locator('[data-action="play"]').click();
      });
  }
} finally {
  await browser.close();
  await server.stop();
}
console.log(rows.length > 0 ? rows.join('\n') : 'no widget with a training loop found');
