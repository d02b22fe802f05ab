/**
 * The MNIST layer-probes widget (chapter 5): the digits are fetched only when the reader presses the load button,
 * which states their size; training then runs in a worker with its progress on screen, a probe curve appears
 * after the sweep at initialisation, Pause and Train work, and the digits each probe gets wrong are shown. A damaged
 * or missing digits file, and a run whose code throws, each give a sentence while the build-time figure stays.
 * A small network (784-32-10) keeps the sweeps short on a shared machine.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type BrowserContext, type Locator, type Page, type Route } from '@playwright/test';
import type { MnistManifest } from '../../src/widgets/_shared/data/manifest.ts';
import { BASE, DIST } from '../support/env.ts';
import { expectNoErrors, foreignRequests, light, openWidget, watchPage } from '../support/browser.ts';

const SMALL = '#layer-probes.depth=1&layer-probes.width=32';
const manifest = JSON.parse(readFileSync(path.join(DIST, 'data', 'mnist.json'), 'utf8')) as MnistManifest;
const DIGITS = manifest.files.digits;
const LOAD = /^Load 10,000 digits \(7\.8 MB, 1\.6 MB to download\) and train$/;

interface Probes {
  report?: { snapshot: { steps: number; phase: string; checkpoints: Array<{ complete: boolean }> } };
}

const open = (page: Page, query = ''): Promise<Locator> => openWidget(page, 'probes', 'layer-probes', { suffix: `${query}${SMALL}`, timeout: 30_000 });

const snapshot = (root: Locator): Promise<{ steps: number; phase: string; sweeps: number } | null> =>
  root.evaluate((el) => {
    const s = (el as unknown as Probes).report?.snapshot;
    return s ? { steps: s.steps, phase: s.phase, sweeps: s.checkpoints.filter((c) => c.complete).length } : null;
  });

test('the digits load on request; training shows progress and probe curves, and pauses and resumes', async ({ page }) => {
  test.setTimeout(240_000);
  const watch = watchPage(page);
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  const root = await open(page);
  await expect(root.locator(light('.widget-figure svg')), 'the build-time figure is in place').toBeVisible();
  expect(
    watch.requests.filter((u) => u.includes(DIGITS.path)),
    'no digits are fetched before the click',
  ).toEqual([]);
  await expect(root.locator(light('[data-run-controls]')), 'Train appears once the digits are in').toBeHidden();

  await root.getByRole('button', { name: LOAD }).click();
  await expect(root.locator(light('output[data-out="download"]'))).toHaveText('1.6 MB downloaded, checksum verified', { timeout: 60_000 });
  const play = root.locator(light('[data-run-controls] [data-action="play"]'));
  await expect(play, 'training started by itself').toHaveText('Pause');
  await expect(root.locator(light('output[data-out="phase"]'))).toContainText(/probing layer|computing the frozen activations/);
  await expect(root.locator(light('output[data-out="probes"]')), 'the sweep at initialisation finishes').toHaveText(/^\d+\.\d % → \d+\.\d % → \d+\.\d %$/, {
    timeout: 120_000,
  });
  await expect(root.locator(light('.widget-description'))).toContainText('784-32-10 ReLU network');
  await expect(root.locator(light('.widget-description'))).toContainText('At initialisation (network');
  await expect(root.locator(light('[data-wrong] canvas')), 'a strip of misread digits for each probe').toHaveCount(3);
  await expect(root.locator(light('[data-wrong-list] li')).first()).toContainText(/^pixels: \d+ of 2,000 test digits wrong; shown: \d read as \d/);
  await expect.poll(async () => (await snapshot(root))?.steps ?? 0, { timeout: 60_000, message: 'training steps follow the sweep' }).toBeGreaterThan(5);
  await expect(root.locator(light('output[data-out="phase"]'))).toContainText(/training: epoch 1 of 6|probing/);

  await play.click();
  await expect(play).toHaveText('Train');
  // Pause acts between pieces of work, so a probe being fitted finishes first; then nothing moves.
  let previous = await snapshot(root);
  await expect
    .poll(
      async () => {
        const now = await snapshot(root);
        const still = JSON.stringify(now) === JSON.stringify(previous);
        previous = now;
        return still;
      },
      { intervals: [1500], timeout: 60_000, message: 'nothing moves while paused' },
    )
    .toBe(true);
  const paused = previous;
  await play.click();
  await expect(play).toHaveText('Pause');
  await expect.poll(async () => (await snapshot(root))?.steps ?? 0, { timeout: 60_000, message: 'training resumes' }).toBeGreaterThan(paused?.steps ?? 0);
  await play.click();

  expect(
    workers.some((u) => u.includes('run.worker')),
    'the run trains in a worker',
  ).toBe(true);
  expect(foreignRequests(watch)).toEqual([]);
  expectNoErrors(watch, 'the probes page');
});

/** Answer requests for the digits file with `reply` (for the whole context, so the loader worker's fetch is caught). */
async function serveDigits(context: BrowserContext, reply: (route: Route) => Promise<void>): Promise<void> {
  await context.route((url) => url.pathname === `${BASE}${DIGITS.path}`, reply);
}

async function expectLoadFailure(page: Page, message: RegExp): Promise<void> {
  const root = await open(page);
  const button = root.getByRole('button', { name: LOAD });
  await button.click();
  await expect(root.locator(light('.widget-note')), 'a sentence says what went wrong').toHaveText(message, { timeout: 30_000 });
  await expect(root.locator(light('.widget-note'))).toContainText('The figure keeps the curves computed when the book was built.');
  await expect(root.locator(light('.widget-figure svg')), 'the static figure stays').toBeVisible();
  await expect(button, 'the reader can try again').toBeEnabled();
  await expect(root.locator(light('[data-run-controls]'))).toBeHidden();
}

test('a damaged digits file gives a sentence and the static figure stays', async ({ page, context }) => {
  const bad = Buffer.from(readFileSync(path.join(DIST, DIGITS.path)));
  bad[1000] = bad[1000]! ^ 0xff;
  await serveDigits(context, (route) => route.fulfill({ status: 200, body: bad, contentType: 'application/gzip' }));
  await expectLoadFailure(page, /^The data file mnist-digits\.u8\.gz is damaged \(its checksum does not match the book’s record\)/);
});

test('a missing digits file gives a sentence and the static figure stays', async ({ page, context }) => {
  await serveDigits(context, (route) => route.fulfill({ status: 404, body: 'not found', contentType: 'text/plain' }));
  await expectLoadFailure(page, /^The data file mnist-digits\.u8\.gz is missing from this copy of the book \(HTTP 404\)\./);
});

test('a run whose code throws in the worker gives a sentence and the static figure stays', async ({ page }) => {
  test.setTimeout(120_000);
  const root = await open(page, '?run-fault=throw');
  await root.getByRole('button', { name: LOAD }).click();
  await expect(root.locator(light('.widget-note'))).toContainText('The computation stopped on an error', { timeout: 90_000 });
  await expect(root.locator(light('.widget-figure svg'))).toBeVisible();
  await expect(root.locator(light('[data-run-controls] [data-action="play"]'))).toBeDisabled();
});
