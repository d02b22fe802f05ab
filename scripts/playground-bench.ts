/**
 * How long the classifier playground takes, in Chromium on this machine, to train its default
 * (the 2-arm spiral) to over 95 % test accuracy, with steps per second and ms per frame.
 * A benchmark to read, not a test; the target in issue 6 is under 5 s. Needs `npm run build:subpath`.
 *
 *   npm run bench:playground
 */
import { chromium } from '@playwright/test';
import { BASE, CHROMIUM_ARGS, CHROMIUM_PATH, DIST } from './audit/config.ts';
import { serve } from './audit/server.ts';
import { scrollUntilReady } from '../tests/support/browser.ts';

/** The parts of the playground element read here: its latest report, and the frame loop when it runs on the main thread. */
interface Playground {
  report?: { snapshot: { steps: number } };
  host?: { where: string; loop?: { frameTimes: number[] } };
}

const TRIES = Number(process.env['TRIES'] ?? 3);
const server = await serve(DIST, BASE);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // `?run=main` (RUN=main) trains on the main thread instead of the worker, to compare.
  await page.goto(`${server.origin}${BASE}softmax-gradients/${process.env['RUN'] === 'main' ? '?run=main' : ''}`);
  const root = page.locator('#playground');
  if (!(await scrollUntilReady(root, 30_000))) throw new Error('the playground never went live');
  for (let i = 1; i <= TRIES; i++) {
    await root.locator('[data-action="reset"]').click();
    const result = await root.evaluate(
      (el) =>
        new Promise<{ ms: number; steps: number; frames: number[] }>((resolve, reject) => {
          const w = el as unknown as Playground;
          const out = el.querySelector('[data-out="test-acc"]');
          const start = performance.now();
          (el.querySelector('[data-action="play"]') as HTMLButtonElement).click();
          const poll = (): void => {
            const acc = Number.parseFloat((out?.textContent ?? '').replace(',', '.'));
            if (acc > 95) resolve({ ms: performance.now() - start, steps: w.report?.snapshot.steps ?? 0, frames: [...(w.host?.loop?.frameTimes ?? [])] });
            else if (performance.now() - start > 30_000) reject(new Error('no 95 % test accuracy within 30 s'));
            else requestAnimationFrame(poll);
          };
          requestAnimationFrame(poll);
        }),
    );
    const sorted = [...result.frames].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    console.log(
      `try ${i}: > 95 % test accuracy after ${(result.ms / 1000).toFixed(2)} s, ${result.steps} steps` +
        ` (${Math.round((result.steps / result.ms) * 1000)} steps/s)` +
        (sorted.length > 0 ? `, ${sorted.length} frames, median ${median.toFixed(1)} ms of JS per frame` : ', in a worker'),
    );
    const play = root.locator('[data-action="play"]');
    if ((await play.innerText()).trim() === 'Pause') await play.click();
  }
} finally {
  await browser.close();
  await server.stop();
}
