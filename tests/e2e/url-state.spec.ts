/**
 * Widget state in the URL hash (`#<widget-id>.<key>=<value>&…`, keys from data-state-keys):
 * hostile values never break the page, run script, or show NaN/undefined/Infinity, and the
 * widget says so in its .widget-note; a valid value is applied to its slider.
 *
 * A state key is bound to the range input inside the widget with name="<key>" (or
 * data-state-key="<key>", or id="<widget-id>-<key>").
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { brokenValueSnippets, startWidget, visibleTextIn, watchPage } from '../support/browser.ts';
import { site, type SiteWidget } from '../support/site.ts';

const { widgets } = site();

/** Values nobody should be able to break a widget with. */
const HOSTILE: [string, string][] = [
  ['NaN', 'NaN'],
  ['overflow to Infinity', '1e999'],
  ['negative huge', '-1e308'],
  ['script tag', '<script>alert(1)</script>'],
  ['HTML with handler', '<img src=x onerror=alert(1)>'],
  ['empty', ''],
  ['non-numeric', 'abc'],
];

function hashFor(w: SiteWidget, values: Record<string, string>): string {
  return Object.entries(values)
    .map(([key, value]) => `${w.statePrefix}.${key}=${value}`)
    .join('&');
}

function rangeFor(root: Locator, w: SiteWidget, key: string): Locator {
  const k = key.replace(/["\\]/g, '\\$&');
  const id = `${w.statePrefix}-${key}`.replace(/["\\]/g, '\\$&');
  return root
    .locator(
      `input[type="range"][data-prop="${k}"], input[type="range"][name="${k}"], input[type="range"][data-state-key="${k}"], input[type="range"][id="${id}"]`,
    )
    .first();
}

/** Load the widget's page fresh (not a same-document hash change) with `hash`. */
async function open(page: Page, w: SiteWidget, hash: string): Promise<Locator> {
  await page.goto('about:blank');
  await page.goto(`${w.page.url}#${hash}`);
  return startWidget(page, w);
}

const withKeys = widgets.filter((w) => w.stateKeys.length > 0);

test('at least one widget keeps its state in the URL', () => {
  const without = widgets.filter((w) => w.stateKeys.length === 0).map((w) => w.label);
  if (without.length) {
    console.warn(`[url-state] widgets without data-state-keys, not tested here: ${without.join(', ')}`);
    test.info().annotations.push({ type: 'warning', description: `no data-state-keys: ${without.join(', ')}` });
  }
  expect(withKeys.length, `widgets with data-state-keys (of ${widgets.length} widgets)`).toBeGreaterThan(0);
});

for (const w of withKeys) {
  test(`${w.label}: hostile URL state is rejected visibly and safely`, async ({ page }) => {
    test.setTimeout(90_000);
    const watch = watchPage(page);
    const mixed = Object.fromEntries(w.stateKeys.map((key, i) => [key, (HOSTILE[i % HOSTILE.length] as [string, string])[1]]));
    const scenarios: [string, Record<string, string>][] = [
      ['mixed', mixed],
      ...HOSTILE.map(([what, value]): [string, Record<string, string>] => [what, Object.fromEntries(w.stateKeys.map((k) => [k, value]))]),
    ];
    for (const [what, values] of scenarios) {
      const hash = hashFor(w, values);
      await test.step(`${what}: #${hash}`, async () => {
        const errorsBefore = watch.pageErrors.length;
        const root = await open(page, w, hash);
        const note = root.locator('.widget-note').first();
        await expect(note, `.widget-note is shown for #${hash}`).toBeVisible();
        await expect(note, 'the note says what was wrong').toHaveText(/\S{3,}/);
        expect(brokenValueSnippets(await root.evaluate(visibleTextIn)), 'NaN/undefined/Infinity visible').toEqual([]);
        const injected = await root.evaluate((el) => el.querySelectorAll('script, img[src="x"], [onerror]').length);
        expect(injected, 'markup from the URL was inserted into the widget').toBe(0);
        expect(watch.dialogs, 'dialogs opened by URL state').toEqual([]);
        expect(watch.pageErrors.slice(errorsBefore), 'uncaught exceptions').toEqual([]);
      });
    }
  });

  test(`${w.label}: valid URL state is applied to the sliders`, async ({ page }) => {
    const watch = watchPage(page);
    await page.goto(w.page.url);
    const plain = await startWidget(page, w);
    const chosen: Record<string, string> = {};
    for (const key of w.stateKeys) {
      const input = rangeFor(plain, w, key);
      if ((await input.count()) === 0) continue;
      const { min, max, step, value } = await input.evaluate((el: HTMLInputElement) => ({
        min: Number(el.min || 0),
        max: Number(el.max || 100),
        step: el.step === 'any' ? 0 : Number(el.step || 1),
        value: Number(el.value),
      }));
      // A value inside [min, max], on the step grid, different from the default.
      const candidates = [0.3, 0.7, 0.5].map((f) => {
        const raw = min + f * (max - min);
        const v = step > 0 ? min + Math.round((raw - min) / step) * step : raw;
        return Number(Math.min(max, Math.max(min, v)).toPrecision(10));
      });
      const pick = candidates.find((v) => Math.abs(v - value) > 1e-9) ?? (candidates[0] as number);
      chosen[key] = String(pick);
    }
    if (Object.keys(chosen).length === 0) {
      const ranges = await plain.locator('input[type="range"]').count();
      test.info().annotations.push({ type: 'warning', description: `no range input bound to any of ${w.stateKeys.join(', ')}` });
      expect(ranges, `state keys ${w.stateKeys.join(', ')} match no range input (expected name="<key>")`).toBe(0);
      return;
    }

    const hash = hashFor(w, chosen);
    const root = await open(page, w, hash);
    for (const [key, value] of Object.entries(chosen)) {
      await expect
        .poll(async () => Math.abs(Number(await rangeFor(root, w, key).inputValue()) - Number(value)) < 1e-6 * Math.max(1, Math.abs(Number(value))), {
          message: `#${hash}: slider "${key}" shows ${value}`,
        })
        .toBe(true);
    }
    await expect(root.locator('.widget-note').first(), 'no warning for a valid state').toBeHidden();
    expect(brokenValueSnippets(await root.evaluate(visibleTextIn)), 'NaN/undefined/Infinity visible').toEqual([]);
    expect(watch.pageErrors, 'uncaught exceptions').toEqual([]);
    expect(watch.dialogs).toEqual([]);
  });
}
