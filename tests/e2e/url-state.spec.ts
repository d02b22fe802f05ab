/**
 * Widget state in the URL hash (`#<widget-id>.<key>=<value>&…`, keys from data-state-keys):
 * hostile values never break the page, run script, or show NaN/undefined/Infinity, and the
 * widget says so in its .widget-note; a valid value is applied to its control.
 *
 * A state key is bound to the control inside the widget with data-prop="<key>" (or
 * name="<key>", data-state-key="<key>", id="<widget-id>-<key>").
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
  ['malformed escape', '%E0%A4%A'],
];

function hashFor(w: SiteWidget, values: Record<string, string> | [string, string][]): string {
  return (Array.isArray(values) ? values : Object.entries(values)).map(([key, value]) => `${w.statePrefix}.${key}=${value}`).join('&');
}

function controlFor(root: Locator, w: SiteWidget, key: string): Locator {
  const k = key.replace(/["\\]/g, '\\$&');
  const id = `${w.statePrefix}-${key}`.replace(/["\\]/g, '\\$&');
  return root.locator(`:is(input, select):is([data-prop="${k}"], [name="${k}"], [data-state-key="${k}"], [id="${id}"])`).first();
}

/** Load the widget's page fresh (not a same-document hash change) with `hash`. */
async function open(page: Page, w: SiteWidget, hash: string): Promise<Locator> {
  await page.goto('about:blank');
  await page.goto(`${w.page.url}#${hash}`);
  return startWidget(page, w);
}

/**
 * NaN/undefined/Infinity the reader can see in the widget. The note may quote the rejected
 * input (`w1 = "NaN"`), so quoted text in the note is ignored.
 */
async function brokenValues(root: Locator): Promise<string[]> {
  const body = await root.evaluate(visibleTextIn, { skip: '.widget-note' });
  const note = (await root.locator('.widget-note').allInnerTexts()).join('\n').replace(/"[^"]*"|“[^”]*”|'[^']*'|«[^»]*»/g, '""');
  return brokenValueSnippets(`${body}\n${note}`);
}

/** Number fields and sliders whose value is not a number within their bounds. */
async function invalidControls(root: Locator): Promise<string[]> {
  return root.locator('input[type="range"], input[type="number"]').evaluateAll((els) =>
    (els as HTMLInputElement[])
      .filter((el) => {
        const v = Number(el.value);
        return el.value.trim() === '' || !Number.isFinite(v) || (el.min !== '' && v < Number(el.min)) || (el.max !== '' && v > Number(el.max));
      })
      .map((el) => `${el.id || el.name || el.type}="${el.value}" (min ${el.min}, max ${el.max})`),
  );
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
    // Every hostile value reaches at least one key: key i of load r gets HOSTILE[i + r·K].
    // (One load per value would cost ~1.5 s each on a chapter page.) The first load also
    // names keys that are not settings, including ones that could pollute prototypes.
    const K = w.stateKeys.length;
    const scenarios: [string, [string, string][]][] = [];
    for (let r = 0; r * K < HOSTILE.length; r++) {
      const pairs: [string, string][] = [];
      const names: string[] = [];
      w.stateKeys.forEach((key, i) => {
        const [what, value] = HOSTILE[(i + r * K) % HOSTILE.length] as [string, string];
        pairs.push([key, value]);
        if (!names.includes(what)) names.push(what);
      });
      if (r === 0) pairs.push(['__proto__', '1'], ['constructor', 'x'], ['no-such-setting', '1']);
      scenarios.push([names.join(', '), pairs]);
    }
    for (const [what, values] of scenarios) {
      const hash = hashFor(w, values);
      // Soft assertions: every scenario runs and reports, even after one fails.
      await test.step(`${what}: #${hash}`, async () => {
        const errorsBefore = watch.pageErrors.length;
        const root = await open(page, w, hash);
        const note = root.locator('.widget-note').first();
        await expect.soft(note, `.widget-note is shown for #${hash}`).toBeVisible();
        await expect.soft(note, 'the note says what was wrong').toHaveText(/\S{3,}/);
        expect.soft(await brokenValues(root), 'NaN/undefined/Infinity visible').toEqual([]);
        expect.soft(await invalidControls(root), 'controls holding a value outside their bounds').toEqual([]);
        const injected = await root.evaluate((el) => el.querySelectorAll('script, img[src="x"], [onerror]').length);
        expect.soft(injected, 'markup from the URL was inserted into the widget').toBe(0);
        expect.soft(watch.dialogs, 'dialogs opened by URL state').toEqual([]);
        expect.soft(watch.pageErrors.slice(errorsBefore), 'uncaught exceptions').toEqual([]);
        expect.soft(await page.evaluate(() => Object.keys(Object.prototype)), 'Object.prototype polluted').toEqual([]);
      });
    }
  });

  test(`${w.label}: valid URL state is applied to its controls`, async ({ page }) => {
    const watch = watchPage(page);
    await page.goto(w.page.url);
    const plain = await startWidget(page, w);
    const chosen: Record<string, string> = {};
    for (const key of w.stateKeys) {
      const control = controlFor(plain, w, key);
      if ((await control.count()) === 0) continue;
      const info = await control.evaluate((el: HTMLInputElement | HTMLSelectElement) => {
        if (el instanceof HTMLSelectElement) return { kind: 'select' as const, options: [...el.options].map((o) => o.value), value: el.value };
        if (el.type === 'range' || el.type === 'number') {
          return {
            kind: 'number' as const,
            min: Number(el.min || (el.type === 'range' ? 0 : -1e9)),
            max: Number(el.max || (el.type === 'range' ? 100 : 1e9)),
            step: el.step === 'any' ? 0 : Number(el.step || 1),
            value: Number(el.value),
          };
        }
        return { kind: 'other' as const };
      });
      if (info.kind === 'select') {
        const other = info.options.find((o) => o !== info.value);
        if (other !== undefined) chosen[key] = other;
      } else if (info.kind === 'number') {
        const { min, max, step, value } = info;
        // A value inside [min, max], on the step grid, different from the default.
        const candidates = [0.3, 0.7, 0.5].map((f) => {
          const raw = min + f * (max - min);
          const v = step > 0 ? min + Math.round((raw - min) / step) * step : raw;
          return Number(Math.min(max, Math.max(min, v)).toPrecision(10));
        });
        chosen[key] = String(candidates.find((v) => Math.abs(v - value) > 1e-9) ?? candidates[0]);
      }
    }
    if (Object.keys(chosen).length === 0) {
      test.info().annotations.push({ type: 'warning', description: `no control bound to any of ${w.stateKeys.join(', ')}` });
      console.warn(`[url-state] ${w.label}: no slider, number field or select bound to ${w.stateKeys.join(', ')}`);
      expect(
        await plain.locator('input[type="range"], input[type="number"], select').count(),
        `controls exist but none is bound to a state key (${w.stateKeys.join(', ')}); expected data-prop="<key>"`,
      ).toBe(0);
      return;
    }

    const hash = hashFor(w, chosen);
    const root = await open(page, w, hash);
    for (const [key, value] of Object.entries(chosen)) {
      const control = controlFor(root, w, key);
      const numeric = Number.isFinite(Number(value)) && value.trim() !== '';
      await expect
        .poll(
          async () => {
            const actual = await control.inputValue();
            return numeric ? Math.abs(Number(actual) - Number(value)) < 1e-6 * Math.max(1, Math.abs(Number(value))) : actual === value;
          },
          { message: `#${hash}: control "${key}" shows ${value}` },
        )
        .toBe(true);
    }
    await expect(root.locator('.widget-note').first(), 'no warning for a valid state').toBeHidden();
    expect(await brokenValues(root), 'NaN/undefined/Infinity visible').toEqual([]);
    expect(watch.pageErrors, 'uncaught exceptions').toEqual([]);
    expect(watch.dialogs).toEqual([]);
  });
}
