/**
 * Chapter 5's concept depth: the run starts paused with the build-time figure in place, trains in a module worker,
 * can be paused and resumed, and finishes with the same first decodable layers the build-time figure shows.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { brokenValues, expectNoErrors, light, openWidget, watchPage } from '../support/browser.ts';

const open = (page: Page, hash = ''): Promise<Locator> => openWidget(page, 'probes', 'concept-depth', { suffix: hash });

test('concept depth: paused at first, trains in a worker, pauses and resumes, and ends as the static figure says', async ({ page }) => {
  test.setTimeout(150_000);
  const watch = watchPage(page);
  const root = await open(page);
  const phase = root.locator(light('[data-out="phase"]'));
  const depths = root.locator(light('[data-out="depth-trained"]'));
  const built = (await depths.textContent()) ?? '';
  expect(built).toBe('one bit: input; XOR of two bits: h⁽¹⁾; parity of three bits: h⁽²⁾');
  await page.waitForTimeout(500);
  await expect(phase, 'nothing runs before Train').toContainText('not started');
  await expect(root.locator(light('.widget-figure svg')).first()).toBeVisible();
  await expect.poll(() => root.evaluate((el) => (el as unknown as { host: { where: string } }).host.where)).toBe('worker');

  const play = root.locator(light('[data-action="play"]'));
  await play.click();
  await expect(phase).toContainText('training: step', { timeout: 60_000 });
  await play.click();
  await expect(play).toHaveText('Train');
  let held = '';
  await expect
    .poll(async () => {
      const before = await phase.textContent();
      await page.waitForTimeout(400);
      held = (await phase.textContent()) ?? '';
      return before === held;
    })
    .toBe(true);
  await page.waitForTimeout(600);
  await expect(phase, 'Pause holds').toHaveText(held);
  await play.click();
  await expect(phase).toContainText('finished', { timeout: 120_000 });
  await expect(depths, 'the live run is the run drawn at build time').toHaveText(built);
  await expect(root.locator(light('[data-out="heads"]'))).toContainText('one bit 100 %');
  // Both charts are live ones now (each redrawn on its own, when its data changed), none left over or doubled.
  await expect
    .poll(() => root.locator(light('.widget-figure')).evaluate((f) => [...f.children].map((c) => c.tagName.toLowerCase()).join()))
    .toMatch(/^(svg|figure),(svg|figure)$/);
  expect(await brokenValues(root)).toEqual([]);
  expectNoErrors(watch, 'concept depth');
});

test('concept depth: a setting from the URL starts from an empty figure and says to press Train', async ({ page }) => {
  const root = await open(page, '#concept-depth.layers=2&concept-depth.seed=5');
  await expect(root.locator(light('#concept-depth-layers'))).toHaveValue('2');
  await expect(root.locator(light('[data-out="phase"]'))).toHaveText('not started: press Train');
  await expect(root.locator(light('[data-out="depth-trained"]'))).toHaveText('not probed yet');
  expect(await brokenValues(root)).toEqual([]);
});
