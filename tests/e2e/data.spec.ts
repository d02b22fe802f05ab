/**
 * The book's data page (`/data/`) and its loader: served under the base path; nothing over
 * 300 KB fetched before the reader asks; the button downloads, verifies and decodes the MNIST
 * file in a worker; a damaged, missing, incomplete or unreachable file gives a sentence while
 * the static figure stays; a server that gunzips the file itself is fine.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, test, type BrowserContext, type Page, type Route } from '@playwright/test';
import type { MnistManifest } from '../../src/widgets/_shared/data/manifest.ts';
import { BASE, DIST, ORIGIN } from '../support/env.ts';
import { expectNoErrors, foreignRequests, watchPage, scrollUntilReady } from '../support/browser.ts';

const PAGE = `${ORIGIN}${BASE}data/`;
const manifest = JSON.parse(readFileSync(path.join(DIST, 'data', 'mnist.json'), 'utf8')) as MnistManifest;
const DIGITS = manifest.files.digits;
const served = readFileSync(path.join(DIST, DIGITS.path));
const ON_REQUEST = 300_000;

/** Open the page, bring the digits widget into view and wait until it runs (sample digits loaded). */
async function openWidget(page: Page): Promise<ReturnType<Page['locator']>> {
  await page.goto(PAGE);
  const root = page.locator('mnist-digits');
  expect(await scrollUntilReady(root), 'the digits widget goes live when touched').toBe(true);
  await expect(root.locator('canvas.digit-one'), 'the sample digits are browsable before any load button is pressed').toBeVisible();
  return root;
}

/** Answer requests for the big digits file with `reply` (for the whole browser context, so worker fetches are caught too). */
async function serveDigits(context: BrowserContext, reply: (route: Route) => Promise<void>): Promise<void> {
  await context.route((url) => url.pathname === `${BASE}${DIGITS.path}`, reply);
}

async function expectFailure(page: Page, message: RegExp, beforeClick?: () => Promise<void>): Promise<void> {
  const root = await openWidget(page);
  await beforeClick?.();
  const button = root.getByRole('button', { name: /Load all 10,000 digits/ });
  await button.click();
  await expect(root.locator('.widget-note'), 'a sentence says what went wrong').toHaveText(message, { timeout: 20_000 });
  await expect(root.locator('.widget-note')).toContainText('The sample digits stay in place.');
  await expect(root.locator('svg.digit-sheet image'), 'the static figure stays').toBeVisible();
  await expect(button, 'the reader can try again').toBeEnabled();
  await expect(root.locator('output[data-out="source"]')).toHaveText('the 120 sample digits');
}

test('the data page loads under the base path with sources, licences, counts and sizes', async ({ page }) => {
  const watch = watchPage(page);
  const response = await page.goto(PAGE);
  expect(response?.status()).toBe(200);
  await expect(page.locator('h1')).toHaveText('The book’s data');
  await expect(page.locator('footer a[href$="/data/"]'), 'the site footer links the data page').toHaveAttribute('href', `${BASE}data/`);
  const main = page.locator('main');
  await expect(main).toContainText('CC BY-SA 3.0');
  await expect(main).toContainText('Yann LeCun, Corinna Cortes and Christopher J. C. Burges');
  await expect(main).toContainText('8,000 for training, 2,000 for testing');
  await expect(main).toContainText('Public domain (the text); Apache-2.0 (the package)');
  await expect(main).toContainText('213,573 tokens');
  await expect(page.getByRole('button', { name: 'Load all 10,000 digits (7.8 MB, 1.6 MB to download)' })).toHaveCount(1);
  await expect(page.locator('mnist-digits .widget-source'), 'the widget names its data and licence').toContainText('CC BY-SA 3.0');
  const sheet = page.locator('svg.digit-sheet image');
  await expect(sheet).toHaveAttribute('href', `${BASE}data/mnist-samples.png`);
  expect((await page.request.get(`${ORIGIN}${BASE}data/mnist-samples.png`)).status(), 'the static sheet is served').toBe(200);
  expect(foreignRequests(watch)).toEqual([]);
});

test('nothing over 300 KB is fetched before the click; the button loads and verifies all digits in a worker', async ({ page }) => {
  test.setTimeout(60_000);
  const watch = watchPage(page);
  const sizes = new Map<string, number>();
  page.on(
    'response',
    (r) =>
      void r.body().then(
        (b) => sizes.set(r.url(), b.length),
        () => undefined,
      ),
  );
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  const root = await openWidget(page);
  await page.waitForLoadState('networkidle');

  const big = [...sizes].filter(([, n]) => n > ON_REQUEST);
  expect(big, 'responses over 300 KB before any click').toEqual([]);
  expect(
    watch.requests.filter((u) => u.includes(DIGITS.path)),
    'the digits file before the click',
  ).toEqual([]);
  await expect(root.locator('output[data-out="source"]')).toHaveText('the 120 sample digits');

  await root.getByRole('button', { name: /Load all 10,000 digits/ }).click();
  await expect(root.locator('output[data-out="progress"]')).toHaveText('1.6 MB downloaded, checksum verified', { timeout: 30_000 });
  await expect(root.locator('output[data-out="source"]')).toHaveText('all 10,000 digits');
  await expect(root.getByRole('button', { name: 'All 10,000 digits loaded' })).toBeDisabled();
  expect(
    workers.some((u) => u.includes('load.worker')),
    'the download ran in the loader worker',
  ).toBe(true);

  await root.getByLabel('Class').selectOption('7');
  await root.getByLabel('Go to position').fill('12');
  await root.getByLabel('Go to position').press('Tab');
  await expect(root.locator('output[data-out="label"]')).toHaveText('7');
  await expect(root.locator('.widget-description')).toContainText('number 12 of 1,070 sevens');
  await expect(root.locator('output[data-out="split"]')).toHaveText(/^(training|test) set$/);
  await expect(root.locator('svg.digit-sheet image'), 'the sample sheet stays beside the live digit').toBeVisible();
  await expect.poll(() => page.url(), { message: 'the digit on show is in the URL' }).toContain('#digits.digit=7&digits.n=12');
  expect(foreignRequests(watch)).toEqual([]);
  expectNoErrors(watch, 'the data page');
});

test('a corrupted digits file gives a sentence and the static figure stays', async ({ page, context }) => {
  const bad = Buffer.from(served);
  const mid = Math.floor(bad.length / 2);
  bad[mid] = bad[mid]! ^ 0xff;
  await serveDigits(context, (route) => route.fulfill({ status: 200, body: bad, contentType: 'application/gzip' }));
  await expectFailure(page, /^The data file mnist-digits\.u8\.gz is damaged \(its checksum does not match the book’s record\)/);
});

test('a missing digits file (404) gives a sentence and the static figure stays', async ({ page, context }) => {
  await serveDigits(context, (route) => route.fulfill({ status: 404, body: 'not found', contentType: 'text/plain' }));
  await expectFailure(page, /^The data file mnist-digits\.u8\.gz is missing from this copy of the book \(HTTP 404\)\./);
});

test('a truncated digits file gives a sentence and the static figure stays', async ({ page, context }) => {
  await serveDigits(context, (route) => route.fulfill({ status: 200, body: served.subarray(0, 500_000), contentType: 'application/gzip' }));
  await expectFailure(page, /^The data file mnist-digits\.u8\.gz arrived incomplete \(500 KB of 1\.6 MB\)\./);
});

test('an offline reader gets a sentence and the static figure stays', async ({ page, context }) => {
  await expectFailure(page, /^You seem to be offline, so the data \(1\.6 MB\) cannot be downloaded\./, () => context.setOffline(true));
});

test('a server that already gunzipped the file is fine', async ({ page, context }) => {
  test.setTimeout(60_000);
  await serveDigits(context, (route) => route.fulfill({ status: 200, body: gunzipSync(served), contentType: 'application/octet-stream' }));
  const root = await openWidget(page);
  await root.getByRole('button', { name: /Load all 10,000 digits/ }).click();
  await expect(root.locator('output[data-out="progress"]')).toHaveText('1.6 MB downloaded, checksum verified', { timeout: 30_000 });
  await expect(root.locator('output[data-out="source"]')).toHaveText('all 10,000 digits');
});
