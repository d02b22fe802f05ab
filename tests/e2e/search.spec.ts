/**
 * Search (Pagefind): results link to the section their words come from, `/` focuses the header's
 * search box except while typing in a field, and nothing is fetched from another origin.
 */
import { expect, test } from '@playwright/test';
import { HOME, ORIGIN } from '../support/env.ts';

test('a search lists chapters and links each result to its section heading', async ({ page }) => {
  const elsewhere: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(ORIGIN)) elsewhere.push(r.url());
  });
  await page.goto(`${HOME}search/?q=cross-entropy`);
  const status = page.locator('[data-search-status]');
  await expect(status).toHaveText(/chapters? match(es)? “cross-entropy”\./, { timeout: 20_000 });
  const links = page.locator('[data-search-results] ul a');
  expect(await links.count()).toBeGreaterThan(0);
  const href = (await links.first().getAttribute('href')) ?? '';
  expect(href).toMatch(/^\/beyond-linear\/[a-z-]+\/#[a-z0-9-]+$/);
  await links.first().click();
  await expect(page).toHaveURL(new RegExp(`${href.split('#')[1] ?? ''}$`));
  await expect(page.locator(`[id="${href.split('#')[1] ?? ''}"]`)).toBeInViewport();
  expect(elsewhere).toEqual([]);
});

test('a search for nothing in the book says so, and the page keeps the query', async ({ page }) => {
  await page.goto(`${HOME}search/?q=xylophonequartz`);
  await expect(page.locator('[data-search-status]')).toHaveText('Nothing in the book matches “xylophonequartz”. Try fewer or other words.', {
    timeout: 20_000,
  });
  await expect(page.locator('#search-query')).toHaveValue('xylophonequartz');
});

test('the header form searches from any page, and / focuses it unless the reader is typing', async ({ page }) => {
  await page.goto(`${HOME}linear-limits/`);
  await page.keyboard.press('/');
  await expect(page.locator('#site-search')).toBeFocused();
  await page.keyboard.type('perceptron');
  await expect(page.locator('#site-search')).toHaveValue('perceptron');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=perceptron$/);
  await expect(page.locator('[data-search-results] > li').first()).toBeVisible({ timeout: 20_000 });
  // typing "/" in a field types it
  await page.locator('#search-query').fill('');
  await page.locator('#search-query').press('/');
  await expect(page.locator('#search-query')).toHaveValue('/');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the search page says why it cannot search, and where to go instead', async ({ page }) => {
    await page.goto(`${HOME}search/?q=softmax`);
    await expect(page.getByText('Search needs JavaScript')).toBeVisible();
    await expect(page.locator('[data-search-status]').getByRole('link', { name: 'notation and glossary' })).toBeVisible();
  });
});
