/**
 * The scrambled-pixels widget (chapter 5): the build-time bars are in place and no digits are fetched before the reader
 * presses the load button, which states their size; then the probes run in a worker with their progress on screen, the
 * raw-pixel probe's accuracy and the scrambled digit appear, and Pause stops the run. Changing the seed starts again.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoErrors, foreignRequests, light, openWidget, watchPage } from '../support/browser.ts';

const LOAD = /^Load 10,000 digits \(7\.8 MB, 1\.6 MB to download\) and measure$/;

interface Scramble {
  report?: { snapshot: { raw: number | null; scrambled: number | null; lookup: number | null; pi: Uint8Array }; progress: { steps: number } };
}

const open = (page: Page, hash = ''): Promise<Locator> => openWidget(page, 'probes', 'scrambled-pixels', { suffix: hash, timeout: 30_000 });

const state = (root: Locator): Promise<string> =>
  root.evaluate((el) => {
    const r = (el as unknown as Scramble).report;
    return JSON.stringify(r ? { steps: r.progress.steps, raw: r.snapshot.raw, scrambled: r.snapshot.scrambled, lookup: r.snapshot.lookup } : null);
  });

test('the digits load on request; the probes run in a worker, show progress and results, and pause', async ({ page }) => {
  test.setTimeout(300_000);
  const watch = watchPage(page);
  const root = await open(page);
  await expect(root.locator(light('.widget-figure svg')).first(), 'the build-time figure is in place').toBeVisible();
  await expect(root.locator(light('.widget-description'))).toContainText('linear probe, scrambled: 19.0 %');
  await expect(root.locator(light('.widget-description'))).toContainText('lookup + network, scrambled: 86.0 %');
  await expect(root.locator(light('.widget-description'))).toContainText('correlate with v at r = 0.80');
  await expect(root.locator(light('output[data-out="netLookup"]'))).toHaveText('86.0 %');
  expect(
    watch.requests.filter((u) => u.includes('mnist-digits')),
    'no digits are fetched before the click',
  ).toEqual([]);
  await expect(root.locator(light('[data-run-controls]')), 'Measure appears once the digits are in').toBeHidden();

  await root.getByRole('button', { name: LOAD }).click();
  await expect(root.locator(light('output[data-out="download"]'))).toHaveText('1.6 MB downloaded, checksum verified', { timeout: 60_000 });
  const play = root.locator(light('[data-run-controls] [data-action="play"]'));
  await expect(play, 'the run started by itself').toHaveText('Pause');
  await expect(root.locator(light('output[data-out="phase"]'))).toContainText('fitting the linear probe');
  await expect(root.locator(light('output[data-out="raw"]')), 'the raw-pixel probe is fitted').toHaveText(/^\d+\.\d %$/, { timeout: 180_000 });
  await expect(root.locator(light('[data-sample] canvas')), 'a digit before and after scrambling').toBeVisible();
  await expect(root.locator(light('[data-out="sample"]'))).toContainText('blank became 128');

  await play.click();
  await expect(play).toHaveText('Measure');
  // Pause acts between pieces of work, so a probe being fitted finishes first; then nothing moves.
  let previous = await state(root);
  await expect
    .poll(
      async () => {
        const now = await state(root);
        const still = now === previous;
        previous = now;
        return still;
      },
      { intervals: [2000], timeout: 120_000, message: 'nothing moves while paused' },
    )
    .toBe(true);
  expect(foreignRequests(watch)).toEqual([]);
  expectNoErrors(watch);
});

test('blank left where the shuffle puts it is a setting in the URL, and the static figure names the permutation', async ({ page }) => {
  const root = await open(page, '#scrambled-pixels.blank=random');
  await expect(root.locator(light('select[data-prop="blank"]'))).toHaveValue('random');
  await expect(root.locator(light('.widget-figure svg')).first()).toBeVisible();
  await expect(root.locator(light('.widget-figure'))).toContainText('blank → 104');
});
