/**
 * Chapter 4's three-way check for E (`embedding-check`): at every step hand, autograd and central differences agree
 * within 10⁻⁶; unused rows are exactly 0; lowering t to 1 makes row 2 three times as large (the chapter's
 * predict-then-check exercise); the settings round-trip through the URL.
 */
import { expect, test } from '@playwright/test';
import { brokenValues, expectNoErrors, light, openWidget, watchPage } from '../support/browser.ts';
import { site } from '../support/site.ts';

const widget = site().widgets.find((w) => w.tag === 'embedding-check');

/** The three values of the inspected entry, as numbers. */
function entryValues(text: string): number[] {
  return [...text.matchAll(/(?:hand|autograd|central differences) (−?\d+\.\d+)/g)].map((m) => Number((m[1] ?? '').replace('−', '-')));
}

test('the check for E: three ways agree, unused rows are zero, and the 1/t shows', async ({ page }) => {
  expect(widget?.page.url, 'chapter 4 has the embedding check').toMatch(/\/embeddings\/$/);
  if (!widget) return;
  const watch = watchPage(page);
  const root = await openWidget(page, 'embeddings', widget.id ?? '');
  const maxdiff = root.locator(light('[data-out="maxdiff"]'));

  for (const step of [1, 2, 3]) {
    await root.locator(light('[data-prop="step"]')).fill(String(step));
    await root.locator(light('[data-prop="step"]')).dispatchEvent('input');
    await expect(root.locator(light('[data-out="position"]'))).toHaveText(new RegExp(`^Step ${step} of 3`));
    const value = Number(await maxdiff.getAttribute('data-value'));
    expect(value, `largest difference at step ${step}`).toBeLessThanOrEqual(1e-6);
  }
  await expect(root.locator(light('[data-out="check"]'))).toHaveText(/all three agree to within 10⁻⁶\.$/);
  await expect(root.locator(light('.widget-figure'))).toContainText('∂𝓛/∂E central diff. (8 × 3)');

  const entry = root.locator(light('[data-out="entry"]'));
  await expect(entry).toHaveText(/Row 6 was used 2 times/);
  const [hand = NaN, auto = NaN, fd = NaN] = entryValues((await entry.textContent()) ?? '');
  expect(Math.abs(hand - auto)).toBeLessThan(1e-11);
  expect(Math.abs(hand - fd)).toBeLessThan(1e-8);

  const row = root.locator(light('[data-prop="row"]'));
  await row.focus();
  await row.press('Home');
  await expect(entry).toHaveText(
    /^Entry \(1, 1\) of ∂𝓛\/∂E: hand 0\.000000000000, autograd 0\.000000000000, central differences 0\.000000000000\. Row 1 was not used/,
  );

  await row.press('ArrowRight');
  await expect(entry).toHaveText(/Row 2 was used once/);
  const atThree = entryValues((await entry.textContent()) ?? '')[0] ?? NaN;
  const t = root.locator(light('[data-prop="t"]'));
  await t.focus();
  await t.press('Home');
  await expect(root.locator(light('[data-out="shapes"]'))).toContainText('word indices (1 × 2)');
  const atOne = entryValues((await entry.textContent()) ?? '')[0] ?? NaN;
  expect(atOne / atThree).toBeCloseTo(3, 6);
  expect(await brokenValues(root)).toEqual([]);

  const again = await openWidget(page, 'embeddings', widget.id ?? '', {
    suffix: `#${widget.statePrefix}.step=2&${widget.statePrefix}.seed=7&${widget.statePrefix}.n=9`,
  });
  await expect(again.locator(light('.widget-note'))).toContainText('must lie between 1 and 3');
  await expect(again.locator(light('[data-out="position"]'))).toHaveText(/^Step 2 of 3/);
  await expect(again.locator(light('[data-prop="seed"]'))).toHaveValue('7');
  expectNoErrors(watch);
});
