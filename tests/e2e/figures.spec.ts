/**
 * Figures read on a phone and on a laptop. Without JavaScript, at 390 and 1280 px, the build-time figure of every widget
 * on every chapter has its smallest text at least 11 px as rendered and a colour legend for every heatmap
 * (`scripts/audit/figures.ts`, which also checks the live figures: the audit's main pass at 1280 px and layout.spec.ts at
 * 390 px, each on a page whose widgets it has started anyway). Also: the softmax explorer's "true class" menu offers
 * classes 1..m, its extreme preset, and the stepper's and exercise's layout on a phone.
 */
import { expect, test, type Page } from '@playwright/test';
import { pageFigureFindings } from '../../scripts/audit/figures.ts';
import { light, openWidget } from '../support/browser.ts';
import { site, type SiteWidget } from '../support/site.ts';

const WIDTHS = [390, 1280] as const;

const { pages, widgets } = site();
/** The chapter slug of a widget's page, e.g. `softmax-gradients`. */
const chapterOf = (w: SiteWidget): string => w.page.path.split('/').at(-2) ?? '';
const chapters = pages.filter((p) => p.chapter && widgets.some((w) => w.page === p));

for (const p of chapters) {
  test(`${p.label} without JavaScript, at ${WIDTHS.join(' and ')} px: figure text ≥ 11 px and heatmap legends`, async ({ browser }) => {
    // One page for both widths: without scripts a figure is its build-time markup, laid out afresh at each width.
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: WIDTHS[0], height: 844 } });
    try {
      const page = await context.newPage();
      await page.goto(p.url);
      const messages: string[] = [];
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 844 });
        messages.push(...(await pageFigureFindings(page, 'static')).map((f) => f.message));
      }
      expect(messages, 'build-time figures hard to read').toEqual([]);
    } finally {
      await context.close();
    }
  });
}

for (const w of widgets.filter((x) => x.tag === 'softmax-explorer')) {
  test(`${w.label}: the true-class menu offers exactly the classes 1..m`, async ({ page }) => {
    const root = await openWidget(page, chapterOf(w), w.id ?? '');
    const k = root.locator(light('[data-prop="k"]'));
    const menu = root.locator(light('[data-prop="y"]'));
    const min = Number(await k.getAttribute('min'));
    const max = Number(await k.getAttribute('max'));
    for (const n of [min, max, min]) {
      await k.fill(String(n));
      await k.dispatchEvent('input');
      await expect(menu.locator(light('option')), `menu options when m = ${n}`).toHaveCount(n);
      await expect(menu.locator(light('option')), `option labels when m = ${n}`).toHaveText(Array.from({ length: n }, (_, i) => new RegExp(`\\b${i + 1}\\b`)));
    }

    const again = await openWidget(page, chapterOf(w), w.id ?? '', { suffix: `#${w.statePrefix}.k=3&${w.statePrefix}.y=5` });
    await expect(again.locator(light('.widget-note')), 'a class beyond m in the URL is explained').toHaveText(/no class 5 among m = 3 classes/);
    await expect(again.locator(light('[data-prop="y"]')), 'and class 1 is used instead').toHaveValue('1');
  });
}

for (const w of widgets.filter((x) => x.tag === 'softmax-explorer')) {
  test(`${w.label}: the extreme-logits preset shows the naive overflow and finite probabilities`, async ({ page }) => {
    const root = await openWidget(page, chapterOf(w), w.id ?? '');
    await root.locator(light('[data-action="extreme"]')).click();
    await expect(root.locator(light('[data-out="z"]'))).toHaveText('(1000.0, 999.0, 998.0)');
    await expect(root.locator(light('[data-out="naive"]'))).toHaveText('overflows: e^1000.0 = ∞');
    await expect(root.locator(light('[data-out="p1"]'))).toHaveText('0.6652');
    await expect(root.locator(light('[data-out="loss"]'))).toHaveText('0.4076');
  });
}

/** Vertical distance in CSS pixels from the bottom of `a` to the top of `b` (negative when `b` is above). */
async function gap(page: Page, a: string, b: string): Promise<number> {
  return page.evaluate(
    ([sa, sb]) => {
      const ra = document.querySelector(sa ?? '')?.getBoundingClientRect();
      const rb = document.querySelector(sb ?? '')?.getBoundingClientRect();
      return ra && rb ? rb.top - ra.bottom : Number.NaN;
    },
    [a, b],
  );
}

for (const w of widgets.filter((x) => x.tag === 'backprop-stepper' || x.tag === 'gradient-exercise')) {
  test(`${w.label}: at 390 px the text a control acts on sits next to it`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openWidget(page, chapterOf(w), w.id ?? '');
    if (w.tag === 'backprop-stepper') {
      const d = await gap(page, `#${w.id} [data-action="next"]`, `#${w.id} [data-eq]:not([hidden])`);
      expect(d, 'the equation starts within 60 px below “Next step”').toBeGreaterThanOrEqual(0);
      expect(d, 'the equation starts within 60 px below “Next step”').toBeLessThan(60);
    } else {
      const d = await gap(page, `#${w.id} [data-out="question"]`, `#${w.id} form[data-part] input`);
      expect(d, 'the question ends above the first input box').toBeGreaterThanOrEqual(0);
    }
  });
}
