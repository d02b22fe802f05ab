/**
 * Chapter 5's XOR probe: the regression probe is at chance on the raw corners and perfect on the article's hidden
 * layer (where it finds the network's own output weights); the logistic probe agrees; without the ReLU, or with a
 * dead random start, the hidden probe is back at chance; settings round-trip through the URL.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { brokenValues, expectNoErrors, light, openWidget, watchPage } from '../support/browser.ts';

const open = (page: Page, hash = ''): Promise<Locator> => openWidget(page, 'probes', 'xor-probe', { suffix: hash });

test('XOR probe: chance on the inputs, all four corners on the hidden layer, with the article’s output weights', async ({ page }) => {
  const watch = watchPage(page);
  const root = await open(page);
  await expect(root.locator(light('[data-out="input-acc"]'))).toHaveText('2 of 4 (50 %)');
  await expect(root.locator(light('[data-out="hidden-acc"]'))).toHaveText('4 of 4 (100 %)');
  await expect(root.locator(light('[data-out="input-fit"]'))).toHaveText('ŷ = 0.50 + 0.00·x₁ + 0.00·x₂');
  await expect(root.locator(light('[data-out="hidden-fit"]'))).toHaveText('ŷ = 0.00 + 0.87·h₁ + 0.98·h₂');
  await expect(root.locator(light('.widget-figure svg'))).toHaveCount(2);
  await root.locator(light('#xor-probe-probe')).selectOption('logistic');
  await expect(root.locator(light('[data-out="input-fit"]'))).toContainText('P(class 1) = σ(');
  await expect(root.locator(light('[data-out="hidden-acc"]'))).toHaveText('4 of 4 (100 %)');
  await expect(root.locator(light('[data-out="input-acc"]'))).toHaveText('2 of 4 (50 %)');
  await root.locator(light('[data-prop="relu"]')).uncheck();
  await expect(root.locator(light('[data-out="hidden-acc"]')), 'a linear layer gives a linear probe nothing').toHaveText('2 of 4 (50 %)');
  await expect(page).toHaveURL(/xor-probe\.relu=0/, { timeout: 5_000 });
  await expect(page).toHaveURL(/xor-probe\.probe=logistic/);
  expect(await brokenValues(root)).toEqual([]);
  expectNoErrors(watch, 'the XOR probe');
});

test('XOR probe: a random start from the URL; seed 2 has both units dead', async ({ page }) => {
  const root = await open(page, '#xor-probe.net=random&xor-probe.seed=2');
  await expect(root.locator(light('#xor-probe-net'))).toHaveValue('random');
  await expect(root.locator(light('[data-out="hidden-acc"]'))).toHaveText('2 of 4 (50 %)');
  await expect(root.locator(light('.widget-description'))).toContainText('00 → (0.00, 0.00), 01 → (0.00, 0.00), 10 → (0.00, 0.00), 11 → (0.00, 0.00)');
  await root.locator(light('#xor-probe-net')).selectOption('article');
  await expect(root.locator(light('[data-out="hidden-acc"]'))).toHaveText('4 of 4 (100 %)');
});
