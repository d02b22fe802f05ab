/**
 * Widget state in the URL hash (`#<widget-id>.<key>=<value>&…`, keys from data-state-keys):
 * hostile values never break the page, run script, or show NaN/undefined/Infinity, and the
 * widget says so in its .widget-note; a valid value is applied to its control.
 *
 * A state key is bound to the control inside the widget with data-prop="<key>" (or
 * name="<key>", data-state-key="<key>", id="<widget-id>-<key>").
 */
import { expect, test, type Locator } from '@playwright/test';
import { embedPages, fuzzFindings } from '../../scripts/audit/fuzz.ts';
import { brokenValues, byId, light, startWidget, watchPage, widgetLocator } from '../support/browser.ts';
import { HOME } from '../support/env.ts';
import { site, type SiteWidget } from '../support/site.ts';

const { pages, widgets } = site();
const softly = expect.configure({ soft: true });

function hashFor(w: SiteWidget, values: Record<string, string> | [string, string][]): string {
  return (Array.isArray(values) ? values : Object.entries(values)).map(([key, value]) => `${w.statePrefix}.${key}=${value}`).join('&');
}

function controlFor(root: Locator, w: SiteWidget, key: string): Locator {
  const k = key.replace(/["\\]/g, '\\$&');
  return root.locator(light(`:is(input, select):is([data-prop="${k}"], [name="${k}"], [data-state-key="${k}"], ${byId(`${w.statePrefix}-${key}`)})`)).first();
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

// The audit's gate 6 (scripts/audit/fuzz.ts), one page at a time: widgets on a page share one
// hash, so each load tries a hostile value on every widget of the page (the last values of a
// widget with few settings on its embed page).
for (const p of pages.filter((page) => withKeys.some((w) => w.page === page))) {
  const names = withKeys.filter((w) => w.page === p).map((w) => `#${w.statePrefix}`);
  test(`${p.label}: hostile URL state is rejected visibly and safely by ${names.join(', ')}`, async ({ page }) => {
    test.setTimeout(180_000);
    const findings = await fuzzFindings(page, p.url, { embedOf: embedPages(page, HOME) });
    expect(
      findings.map((f) => f.message),
      'problems caused by hostile URL state',
    ).toEqual([]);
  });
}

/** A control's kind and range, read in the browser. */
type ControlInfo =
  { kind: 'select'; options: string[]; value: string } | { kind: 'number'; min: number; max: number; step: number; value: number } | { kind: 'other' };

function controlInfo(el: HTMLInputElement | HTMLSelectElement): ControlInfo {
  if (el instanceof HTMLSelectElement) return { kind: 'select', options: [...el.options].map((o) => o.value), value: el.value };
  if (el.type === 'range' || el.type === 'number') {
    return {
      kind: 'number',
      min: Number(el.min || (el.type === 'range' ? 0 : -1e9)),
      max: Number(el.max || (el.type === 'range' ? 100 : 1e9)),
      step: el.step === 'any' ? 0 : Number(el.step || 1),
      value: Number(el.value),
    };
  }
  return { kind: 'other' };
}

/** A valid value other than the current one: another option, or a number inside [min, max] on the step grid. */
function validOther(info: ControlInfo): string | undefined {
  if (info.kind === 'select') return info.options.find((o) => o !== info.value);
  if (info.kind !== 'number') return undefined;
  const { min, max, step, value } = info;
  const candidates = [0.3, 0.7, 0.5].map((f) => {
    const raw = min + f * (max - min);
    const v = step > 0 ? min + Math.round((raw - min) / step) * step : raw;
    return Number(Math.min(max, Math.max(min, v)).toPrecision(10));
  });
  return String(candidates.find((v) => Math.abs(v - value) > 1e-9) ?? candidates[0]);
}

/** For each key bound to a slider, number field or menu: a valid value different from the default. */
async function validState(root: Locator, w: SiteWidget): Promise<Record<string, string>> {
  const chosen: Record<string, string> = {};
  for (const key of w.stateKeys) {
    const control = controlFor(root, w, key);
    if ((await control.count()) === 0) continue;
    const value = validOther(await control.evaluate(controlInfo));
    if (value !== undefined) chosen[key] = value;
  }
  return chosen;
}

// One chapter at a time: the defaults of every widget are read on one load, and one link
// carrying a valid state for every widget of the page (`#a.x=…&b.y=…`, as readers' links can)
// is opened fresh; each widget reads only its own keys from the shared hash.
for (const p of pages.filter((page) => withKeys.some((w) => w.page === page))) {
  const own = withKeys.filter((w) => w.page === p);
  test(`${p.label}: a valid URL state is applied to the controls of ${own.map((w) => `#${w.statePrefix}`).join(', ')}`, async ({ page }) => {
    test.setTimeout(30_000 + 15_000 * own.length); // a training widget keeps the page busy on a loaded machine
    const watch = watchPage(page);
    await page.goto(p.url);
    const states = new Map<SiteWidget, Record<string, string>>();
    for (const w of own) {
      const chosen = await validState(await startWidget(page, w), w);
      if (Object.keys(chosen).length > 0) {
        states.set(w, chosen);
        continue;
      }
      test.info().annotations.push({ type: 'warning', description: `${w.label}: no control bound to any of ${w.stateKeys.join(', ')}` });
      console.warn(`[url-state] ${w.label}: no slider, number field or select bound to ${w.stateKeys.join(', ')}`);
      expect(
        await widgetLocator(page, w).locator(light('input[type="range"], input[type="number"], select')).count(),
        `${w.label}: controls exist but none is bound to a state key (${w.stateKeys.join(', ')}); expected data-prop="<key>"`,
      ).toBe(0);
    }
    if (states.size === 0) return;

    const hash = [...states].map(([w, chosen]) => hashFor(w, chosen)).join('&');
    await page.goto('about:blank');
    await page.goto(`${p.url}#${hash}`);
    for (const [w, chosen] of states) {
      const root = await startWidget(page, w);
      for (const [key, value] of Object.entries(chosen)) {
        const control = controlFor(root, w, key);
        const numeric = Number.isFinite(Number(value)) && value.trim() !== '';
        await softly
          .poll(
            async () => {
              const actual = await control.inputValue();
              return numeric ? Math.abs(Number(actual) - Number(value)) < 1e-6 * Math.max(1, Math.abs(Number(value))) : actual === value;
            },
            { message: `${w.label} with #${hashFor(w, chosen)}: control "${key}" shows ${value}` },
          )
          .toBe(true);
      }
      await expect.soft(root.locator(light('.widget-note')).first(), `${w.label}: no warning for a valid state`).toBeHidden();
      expect.soft(await brokenValues(root), `${w.label}: NaN/undefined/Infinity visible`).toEqual([]);
    }
    expect(watch.pageErrors, 'uncaught exceptions').toEqual([]);
    expect(watch.dialogs).toEqual([]);
  });
}
