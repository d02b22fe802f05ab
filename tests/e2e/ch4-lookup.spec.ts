/**
 * Chapter 4's "A lookup is a product" (`lookup-product`): picking a word moves the shaded row and the window x, the
 * cost counters follow the window size, the "After a minibatch" view says which rows of E received gradient (the rest
 * exactly 0) and writes a repeated word's row as the sum of its blocks over t, and the view round-trips through the URL.
 */
import { expect, test } from '@playwright/test';
import { brokenValues, expectNoErrors, light, openWidget, watchPage } from '../support/browser.ts';
import { site } from '../support/site.ts';

const widget = site().widgets.find((w) => w.tag === 'lookup-product');

test('the lookup widget: words, counters, the minibatch view and its URL state', async ({ page }) => {
  expect(widget?.page.url, 'chapter 4 has the lookup widget').toMatch(/\/embeddings\/$/);
  if (!widget) return;
  const watch = watchPage(page);
  const root = await openWidget(page, 'embeddings', widget.id ?? '');

  await expect(root.locator(light('[data-out="window"]'))).toHaveText(/^the cat eats → rows 1, 3, 7 of E → x = \(/);
  await root.locator(light('[data-prop="w2"]')).selectOption('salamander');
  await expect(root.locator(light('[data-out="window"]'))).toHaveText(/^the salamander eats → rows 1, 5, 7 of E/);
  await expect(root.locator(light('.widget-figure'))).toContainText('j2 = salamander');
  await expect(root.locator(light('[data-out="product"]'))).toHaveText('72 (63 of them by 0)');

  const n = root.locator(light('[data-prop="n"]'));
  await n.focus();
  await n.press('Home');
  await expect(root.locator(light('[data-out="product"]'))).toHaveText('24 (21 of them by 0)');
  await expect(root.locator(light('[data-out="notesProduct"]'))).toHaveText('5,000,000 vs 0 (100 copied)');
  await expect(root.locator(light('[data-out="notesWeights"]'))).toHaveText('2,500,000 vs 5,005,000');
  await expect(root.locator(light('[data-word="1"]')), 'word 2 is hidden for a one-word window').toBeHidden();
  await n.press('End');

  await root.locator(light('[data-prop="view"]')).selectOption('gradient');
  await expect(root.locator(light('.widget-figure'))).toContainText('∂𝓛/∂E (8 × 3)');
  await expect(root.locator(light('[data-out="touched"]'))).toHaveText(/^\d of 8 rows received gradient: .*the other \d rows? (is|are) exactly 0\.$/);
  await expect(root.locator(light('[data-out="repeat"]'))).toHaveText(/^Row 1 the = \(1\/3\)·\(item 1, block 1 \+ item 2, block 1\) = \(/);
  const t = root.locator(light('[data-prop="t"]'));
  await t.focus();
  await t.press('Home');
  await expect(root.locator(light('[data-out="repeat"]'))).toHaveText(
    'No word repeats in this minibatch; each used row is one block of ∂ℓ/∂x divided by t = 1.',
  );
  await expect(root.locator(light('[data-out="touched"]'))).toHaveText(
    /^3 of 8 rows received gradient: 1 the \(1×\), 5 salamander \(1×\), 7 eats \(1×\); the other 5 rows are exactly 0\.$/,
  );
  expect(await brokenValues(root)).toEqual([]);

  await expect.poll(() => page.evaluate(() => location.hash)).toContain(`${widget.statePrefix}.view=gradient`);
  const again = await openWidget(page, 'embeddings', widget.id ?? '', { suffix: `#${widget.statePrefix}.view=gradient&${widget.statePrefix}.w1=whale` });
  await expect(again.locator(light('.widget-note'))).toContainText('must be one of the, a, cat, dog, salamander, fish, eats, sees');
  await expect(again.locator(light('[data-prop="view"]'))).toHaveValue('gradient');
  await expect(again.locator(light('[data-out="touched"]'))).toContainText('1 the (2×)');
  expectNoErrors(watch);
});
