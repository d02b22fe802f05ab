/**
 * Interactive widgets: each starts when scrolled into view, and every slider responds to the
 * keyboard by changing its value, the figure and a readout, without ever showing NaN,
 * undefined or Infinity and without console errors. Number fields, menus and checkboxes
 * must redraw the figure or update a readout; buttons must not break anything.
 */
import { expect, test, type Locator } from '@playwright/test';
import { brokenValueSnippets, expectNoErrors, startWidget, visibleTextIn, watchPage } from '../support/browser.ts';
import { site, WIDGET_SELECTOR } from '../support/site.ts';

const { pages, widgets } = site();

test('the site has at least one interactive widget', () => {
  expect(widgets.length, `widgets (elements with class "widget" / data-widget) across ${pages.length} pages`).toBeGreaterThan(0);
});

for (const p of pages) {
  test(`${p.label}: the widgets in the browser are the ones in the built HTML`, async ({ page }) => {
    await page.goto(p.url);
    const expected = widgets.filter((w) => w.page === p).length;
    await expect(page.locator(WIDGET_SELECTOR), 'widgets on the live page').toHaveCount(expected);
  });
}

interface Snapshot {
  value: string;
  figure: string;
  outputs: string[];
}

/** The figure's markup plus every readout's text. */
async function figureAndReadouts(root: Locator): Promise<string[]> {
  const figure = await root.locator('.widget-figure').evaluateAll((els) => els.map((e) => e.innerHTML).join('\n'));
  return [figure, ...(await root.locator('output, [data-out]').allTextContents())];
}

async function snapshot(root: Locator, input: Locator): Promise<Snapshot> {
  return {
    value: await input.inputValue(),
    figure: await root.locator('.widget-figure').evaluateAll((els) => els.map((e) => e.innerHTML).join('\n')),
    outputs: await root.locator('output').allTextContents(),
  };
}

for (const w of widgets) {
  test(`${w.label}: starts, and every slider drives the figure and readouts from the keyboard`, async ({ page }) => {
    test.setTimeout(60_000);
    const watch = watchPage(page);
    await page.goto(w.page.url);
    const root = await startWidget(page, w);
    await expect(root.locator('.widget-controls').first(), 'controls are shown once the widget runs').toBeVisible();

    const brokenAtStart = brokenValueSnippets(await root.evaluate(visibleTextIn));
    expect(brokenAtStart, 'NaN/undefined/Infinity visible after start').toEqual([]);

    const ranges = root.locator('input[type="range"]:visible');
    const count = await ranges.count();
    if (count === 0) {
      test.info().annotations.push({ type: 'warning', description: `${w.label} has no range inputs; the slider checks did not run` });
      console.warn(`[widgets] ${w.label}: no input[type=range], slider checks skipped (other controls still checked)`);
    }

    for (let i = 0; i < count; i++) {
      const input = ranges.nth(i);
      const name = (await input.getAttribute('aria-label')) ?? (await input.getAttribute('name')) ?? (await input.getAttribute('id')) ?? `range #${i + 1}`;
      const { min, max, value } = await input.evaluate((el: HTMLInputElement) => ({ min: el.min || '0', max: el.max || '100', value: el.value }));
      expect(Number(min), `${name}: min < max`).toBeLessThan(Number(max));
      await input.focus();
      await expect(input, `${name} takes keyboard focus`).toBeFocused();

      // data-deferred: the setting applies at the next run (a training seed), so only its readout must follow.
      const deferred = await input.evaluate((el) => el.hasAttribute('data-deferred'));
      const first = Number(value) >= Number(max) ? 'ArrowLeft' : 'ArrowRight';
      for (const key of [first, 'Home', 'End']) {
        const before = await snapshot(root, input);
        await page.keyboard.press(key);
        const step = `${name}, ${key}`;
        if (key === 'Home') await expect(input, `${step}: value becomes min`).toHaveJSProperty('valueAsNumber', Number(min));
        if (key === 'End') await expect(input, `${step}: value becomes max`).toHaveJSProperty('valueAsNumber', Number(max));
        const target = key === 'Home' ? min : key === 'End' ? max : undefined;
        if (target !== undefined && Number(before.value) === Number(target)) {
          // Already there (e.g. a two-position slider): nothing can change.
          continue;
        }
        await expect.poll(() => input.inputValue(), { message: `${step}: the slider value changes` }).not.toBe(before.value);
        if (!deferred)
          await expect
            .poll(() => root.locator('.widget-figure').evaluateAll((els) => els.map((e) => e.innerHTML).join('\n')), {
              message: `${step}: the figure is redrawn`,
            })
            .not.toBe(before.figure);
        await expect
          .poll(() => root.locator('output').allTextContents(), { message: `${step}: at least one readout (<output>) changes` })
          .not.toEqual(before.outputs);
      }
      expect(brokenValueSnippets(await root.evaluate(visibleTextIn)), `NaN/undefined/Infinity visible after moving ${name}`).toEqual([]);
    }

    // Number fields, menus and checkboxes: changing one redraws the figure or updates a readout.
    const others = root.locator('.widget-controls').locator('input[type="number"], select, input[type="checkbox"]');
    const otherCount = await others.count();
    for (let i = 0; i < otherCount; i++) {
      const control = others.nth(i);
      const name = (await control.getAttribute('aria-label')) ?? (await control.getAttribute('id')) ?? `control #${i + 1}`;
      const before = await figureAndReadouts(root);
      const info = await control.evaluate((el: HTMLInputElement | HTMLSelectElement) =>
        el instanceof HTMLSelectElement
          ? { kind: 'select', value: el.value, options: [...el.options].map((o) => o.value), min: 0, max: 0, step: 0 }
          : {
              kind: el.type,
              value: el.value,
              options: [],
              min: Number(el.min || -1e9),
              max: Number(el.max || 1e9),
              step: el.step === 'any' ? 0.1 : Number(el.step || 1),
            },
      );
      let did: string;
      if (info.kind === 'select') {
        const other = info.options.find((o) => o !== info.value);
        if (other === undefined) continue;
        await control.selectOption(other);
        did = `choose "${other}"`;
      } else if (info.kind === 'checkbox') {
        await control.focus();
        await page.keyboard.press('Space');
        did = 'toggle';
      } else {
        const v = Number(info.value);
        const next = Number((v + info.step <= info.max ? v + info.step : v - info.step).toPrecision(10));
        await control.fill(String(next));
        await control.press('Tab'); // commit, as a reader does by leaving the field
        did = `type ${next}`;
      }
      // data-deferred controls (a training run's optimiser) take effect at the next run.
      if (!(await control.evaluate((el) => el.hasAttribute('data-deferred'))))
        await expect.poll(() => figureAndReadouts(root), { message: `${name}: ${did} redraws the figure or updates a readout` }).not.toEqual(before);
      expect(brokenValueSnippets(await root.evaluate(visibleTextIn)), `NaN/undefined/Infinity visible after ${name}: ${did}`).toEqual([]);
    }

    // Buttons (presets, best fit, reset…) run without errors or broken values.
    const buttons = root.locator('.widget-controls button:visible');
    const buttonCount = await buttons.count();
    for (let i = 0; i < buttonCount; i++) {
      const button = buttons.nth(i);
      const label = (await button.innerText()).trim();
      // A disabled button (e.g. a shift that would leave the sliders' range) cannot be pressed.
      if (await button.isDisabled()) continue;
      await button.click();
      await page.waitForTimeout(150);
      expect(brokenValueSnippets(await root.evaluate(visibleTextIn)), `NaN/undefined/Infinity visible after pressing "${label}"`).toEqual([]);
    }

    expectNoErrors(watch, w.label);
  });
}
