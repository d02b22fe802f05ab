/**
 * Course settings on the built site: the title, authors, chapter order, footer links and the
 * generated link-preview image all come from course.config.ts (the solutions-hidden and
 * subset builds are checked by `npm run test:solutions`).
 */
import { expect, test } from '@playwright/test';
import settings from '../../course.config.ts';
import { pngText } from '../../src/lib/course-og.ts';
import { BASE, HOME } from '../support/env.ts';
import { expectNoErrors, scrollUntilReady, watchPage } from '../support/browser.ts';

test('the home page names the configured title and authors and lists the configured chapters in order', async ({ page }) => {
  await page.goto(HOME);
  await expect(page.locator('h1')).toHaveText(settings.title);
  await expect(page.locator('.site-title')).toHaveText(settings.title);
  await expect(page).toHaveTitle(settings.title);
  for (const a of settings.authors) await expect(page.locator('.byline')).toContainText(a);
  const hrefs = await page.locator('.contents > li h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs).toEqual(settings.chapters.map((s) => `${BASE}${s}/`));
  const { prose, code } = settings.footer.licence;
  await expect(page.locator('.site-footer').getByRole('link', { name: prose.label, exact: true })).toHaveAttribute('href', `${BASE}${prose.href.slice(1)}`);
  await expect(page.locator('.site-footer').getByRole('link', { name: code.label, exact: true })).toHaveAttribute('href', `${BASE}${code.href.slice(1)}`);
});

test('og:image is the PNG generated from the configured title', async ({ page, request }) => {
  await page.goto(HOME);
  const og = await page.locator('meta[property="og:image"]').getAttribute('content');
  expect(og).toMatch(new RegExp(`${BASE}og-image\\.png$`));
  await expect(page.locator('meta[property="og:image:alt"]')).toHaveAttribute('content', new RegExp(`^${settings.title}: `));
  const response = await request.get(`${HOME}og-image.png`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('image/png');
  expect(pngText(await response.body())['Title']).toBe(settings.title);
});

test('with solutions shown, the gradient exercise shows its answer on request', async ({ page }) => {
  test.skip(!settings.showSolutions, 'course.config.ts hides solutions');
  const watch = watchPage(page);
  await page.goto(`${HOME}softmax-gradients/`);
  const root = page.locator('#gradient-exercise');
  expect(await scrollUntilReady(root)).toBe(true);
  await root.locator('[data-show="dz"]').click();
  await expect(root.locator('[data-out="dz"]')).toHaveText(/^Answer shown: \(/);
  await expect(root.locator('form[data-part="dz"] input[data-cell]').first()).toHaveValue(/^-?\d\.\d{4}$/);
  expectNoErrors(watch, 'the chapter');
});
