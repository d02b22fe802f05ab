/**
 * Chapter 4's window-model trainer: it trains in a worker with visible progress, pauses and resumes, its purity
 * readout rises well above chance and never reads NaN, a huge learning rate stops with a sentence, and Moby-Dick
 * loads only on the reader's click, with its size on the button.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoErrors, light, openWidget, watchPage } from '../support/browser.ts';

const ID = 'window-trainer';

const open = (page: Page, hash = ''): Promise<Locator> => openWidget(page, 'embeddings', ID, { suffix: hash, timeout: 30_000 });

/** The number a readout shows (its `data-value`); NaN while it shows words. */
const number = async (l: Locator): Promise<number> => Number((await l.getAttribute('data-value')) ?? Number.NaN);

test('trains in a worker: progress, pause and resume, purity rises above chance, never NaN', async ({ page }) => {
  test.setTimeout(120_000);
  const watch = watchPage(page);
  const root = await open(page);
  await expect.poll(() => root.evaluate((el) => (el as unknown as { host: { where: string } }).host.where)).toBe('worker');
  const steps = root.locator(light('[data-out="steps"]'));
  const purity = root.locator(light('[data-out="purity"]'));
  await expect(steps).toHaveText('0 steps');
  const start = await number(purity);
  expect(start).toBeLessThan(0.35);
  const play = root.locator(light('[data-action="play"]'));
  await play.click();
  await expect(play).toHaveText('Pause');
  await expect.poll(() => number(steps), { timeout: 20_000 }).toBeGreaterThan(100);
  expect(await root.locator(light('[data-progress] progress')).evaluate((p) => (p as HTMLProgressElement).value)).toBeGreaterThan(0);
  await play.click();
  await expect(play).toHaveText('Train');
  // A report already on its way may still land; after that the count holds.
  let held = 0;
  await expect
    .poll(async () => {
      const before = await number(steps);
      await page.waitForTimeout(400);
      held = await number(steps);
      return held === before;
    })
    .toBe(true);
  await page.waitForTimeout(500);
  expect(await number(steps)).toBe(held);
  await play.click();
  // Resumed: the count moves on from where it held (purity may already have passed 0.8 before the pause).
  await expect.poll(() => number(steps), { timeout: 20_000 }).toBeGreaterThan(held);
  await expect.poll(() => number(purity), { timeout: 60_000 }).toBeGreaterThanOrEqual(0.8);
  await play.click();
  const text = (await root.locator(light('.widget-readouts')).innerText()) + (await root.locator(light('.widget-description')).innerText());
  expect(text).not.toMatch(/NaN|undefined|Infinity/);
  expect(await root.locator(light('.widget-figure svg')).count()).toBeGreaterThanOrEqual(3);
  expectNoErrors(watch);
});

test('a huge learning rate stops with a sentence, not NaN', async ({ page }) => {
  const root = await open(page, `#${ID}.lr=2`);
  await root.locator(light('[data-action="play"]')).click();
  const note = root.locator(light('.widget-note'));
  await expect(note).toContainText('Training diverged', { timeout: 20_000 });
  await expect(note).toContainText('Lower the learning rate');
  await expect(root.locator(light('[data-action="play"]'))).toHaveText('Train');
  const text = (await root.locator(light('.widget-readouts')).innerText()) + (await root.locator(light('.widget-description')).innerText());
  expect(text).not.toMatch(/NaN|undefined|Infinity/);
});

test("Moby-Dick loads only on the reader's request, with its size stated, then trains", async ({ page }) => {
  test.setTimeout(90_000);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  // A link naming Moby-Dick applies the setting but downloads nothing: the grammar trains meanwhile, with a sentence.
  const root = await open(page, `#${ID}.corpus=moby-dick`);
  await expect(root.locator(light('[data-out="text-status"]'))).toContainText('Moby-Dick is not loaded yet');
  await expect(root.locator(light('.widget-note'))).toBeHidden();
  await expect(root.locator(light(`#${ID}-corpus`))).toHaveValue('moby-dick');
  await expect(root.locator(light('[data-out="purity"]'))).toHaveText(/^0\.\d\d$/);
  await page.waitForTimeout(1000);
  expect(requests.filter((u) => u.includes('moby-dick-'))).toEqual([]);
  const load = root.locator(light('[data-action="load-text"]'));
  await expect(load).toHaveText(/Load Moby-Dick \(\d+ KB, \d+ KB to download\)/);
  await expect(root.locator(light(`#${ID}-corpus option[value="moby-dick"]`))).toHaveText(/\d+ KB to download/);
  await load.click();
  await expect(load).toHaveText('Moby-Dick loaded', { timeout: 30_000 });
  await expect(root.locator(light('[data-out="text-status"]'))).toBeHidden();
  await expect(root.locator(light('[data-out="purity"]'))).toHaveText('no categories in this text');
  await root.locator(light('[data-action="step"]')).click();
  await expect.poll(async () => number(root.locator(light('[data-out="steps"]'))), { timeout: 30_000 }).toBeGreaterThan(0);
  await expect(root.locator(light('[data-out="loss"]'))).toHaveText(/^\d+\.\d{3}$/);
});

test('choosing Moby-Dick in the menu downloads it and trains on it', async ({ page }) => {
  test.setTimeout(90_000);
  const root = await open(page);
  await root.locator(light(`#${ID}-corpus`)).selectOption('moby-dick');
  await expect(root.locator(light('[data-action="load-text"]'))).toHaveText('Moby-Dick loaded', { timeout: 30_000 });
  await expect(root.locator(light('[data-out="purity"]'))).toHaveText('no categories in this text');
  await expect(root.locator(light('[data-out="analogy"]'))).toHaveText('no analogies defined for this text');
});

test('a missing text file gives a sentence, and the grammar keeps training', async ({ page }) => {
  await page.route('**/data/moby-dick-ids.u16.gz', (route) => route.fulfill({ status: 404, body: 'not found' }));
  const root = await open(page);
  const load = root.locator(light('[data-action="load-text"]'));
  await load.click();
  await expect(root.locator(light('.widget-note'))).toContainText('missing from this copy of the book', { timeout: 20_000 });
  await expect(root.locator(light('.widget-note'))).toContainText('The grammar stays available.');
  await expect(load).toBeEnabled();
  await expect(root.locator(light(`#${ID}-corpus`))).toHaveValue('grammar');
  await root.locator(light('[data-action="step"]')).click();
  await expect.poll(async () => number(root.locator(light('[data-out="steps"]')))).toBeGreaterThan(0);
});
