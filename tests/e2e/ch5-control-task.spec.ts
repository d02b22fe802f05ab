/**
 * The control-task widget (chapter 5): the build-time selectivity lines are in place and no digits are fetched before
 * the reader presses the load button; then the clustering and the training run in a worker with their phase on screen,
 * and Pause stops the run. The capacity setting changes only which probe is highlighted, from the URL too.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoErrors, foreignRequests, light, openWidget, watchPage } from '../support/browser.ts';

const LOAD = /^Load 10,000 digits \(7\.8 MB, 1\.6 MB to download\) and measure$/;

interface Control {
  report?: { progress: { steps: number; fraction: number } };
}

const open = (page: Page, hash = ''): Promise<Locator> => openWidget(page, 'probes', 'control-task', { suffix: hash, timeout: 30_000 });

const steps = (root: Locator): Promise<number> => root.evaluate((el) => (el as unknown as Control).report?.progress.steps ?? -1);

test('the digits load on request; clustering and training run in a worker with their phase shown, and pause', async ({ page }) => {
  test.setTimeout(300_000);
  const watch = watchPage(page);
  const root = await open(page);
  await expect(root.locator(light('.widget-figure svg')).first(), 'the build-time figure is in place').toBeVisible();
  await expect(root.locator(light('output[data-out="selectivity"]'))).toHaveText('pixels 19.2 → hidden 1 22.4 → hidden 2 23.4 → hidden 3 32.6 → output 44.4');
  expect(
    watch.requests.filter((u) => u.includes('mnist-digits')),
    'no digits are fetched before the click',
  ).toEqual([]);

  // Every phase the readout shows, with the network readout at that moment, recorded in the page: an epoch can pass
  // between two polls from here.
  await root.evaluate((el) => {
    const phase = el.querySelector('output[data-out="phase"]') as HTMLOutputElement;
    const net = el.querySelector('output[data-out="net"]') as HTMLOutputElement;
    const seen: [string, string][] = [];
    (window as unknown as { phases: [string, string][] }).phases = seen;
    new MutationObserver(() => seen.push([phase.textContent ?? '', net.textContent ?? ''])).observe(phase, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
  const phases = (): Promise<[string, string][]> => page.evaluate(() => (window as unknown as { phases: [string, string][] }).phases);
  await root.getByRole('button', { name: LOAD }).click();
  await expect(root.locator(light('output[data-out="download"]'))).toHaveText('1.6 MB downloaded, checksum verified', { timeout: 60_000 });
  const play = root.locator(light('[data-run-controls] [data-action="play"]'));
  await expect(play, 'the run started by itself').toHaveText('Pause');
  await expect
    .poll(async () => (await phases()).map(([text]) => text).find((text) => text.startsWith('training the network')), {
      message: 'the clustering ends and training begins',
      timeout: 180_000,
    })
    .toBe('training the network: epoch 1 of 3');
  const shown = await phases();
  expect(shown[0]?.[0], 'the run starts by clustering').toMatch(/^clustering the digits/);
  expect(
    shown.filter(([text]) => text.startsWith('training the network')).map(([, net]) => net),
    'while the network trains it is not reported as trained',
  ).toContain('not trained yet');

  await play.click();
  await expect(play).toHaveText('Measure');
  await expect(root.locator(light('output[data-out="phase"]')), 'paused before the end').not.toHaveText('finished');
  let previous = await steps(root);
  await expect
    .poll(
      async () => {
        const now = await steps(root);
        const still = now === previous;
        previous = now;
        return still;
      },
      { intervals: [1500], timeout: 60_000, message: 'nothing moves while paused' },
    )
    .toBe(true);
  expect(foreignRequests(watch)).toEqual([]);
  expectNoErrors(watch);
});

test('the capacity setting, from the URL, picks the probe whose selectivity the readout shows', async ({ page }) => {
  const root = await open(page, '#control-task.capacity=linear');
  await expect(root.locator(light('select[data-prop="capacity"]'))).toHaveValue('linear');
  await expect(root.locator(light('output[data-out="selectivity"]'))).toHaveText('pixels 34.8 → hidden 1 47.8 → hidden 2 43.2 → hidden 3 55.6 → output 60.2');
});
