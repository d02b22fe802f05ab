/**
 * Figures read on a phone and on a laptop: at 390 px and 1280 px, for every widget on every
 * chapter, the smallest text in the figure is at least 11 px as rendered (font size times the
 * SVG's scale), both in the build-time figure (JavaScript off) and in the live one; every
 * heatmap has a colour legend; the softmax explorer's "true class" menu offers classes 1..K.
 * Set FIGURES_REPORT=1 to print the smallest text of every widget.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { light, startWidget } from '../support/browser.ts';
import { site, type SitePage, type SiteWidget } from '../support/site.ts';

const MIN_TEXT_PX = 11;
const WIDTHS = [390, 1280] as const;
const REPORT = Boolean(process.env['FIGURES_REPORT']);

const { pages, widgets } = site();
const chapters = pages.filter((p) => p.chapter);

interface Smallest {
  px: number;
  text: string;
}

/** The smallest rendered text in the widget's figure: computed font size × the element's on-screen scale. Runs in the browser. */
function smallestFigureText(root: Element): Smallest | null {
  let best: Smallest | null = null;
  for (const el of root.querySelectorAll('.widget-figure *')) {
    const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && n.nodeValue?.trim()).map((n) => n.nodeValue?.trim() ?? '');
    if (own.length === 0 || el.closest('title, desc, style, script')) continue;
    if (el.getClientRects().length === 0 || !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
    const size = Number.parseFloat(getComputedStyle(el).fontSize);
    const ctm = el instanceof SVGGraphicsElement ? el.getScreenCTM() : null;
    const px = size * (ctm ? Math.hypot(ctm.c, ctm.d) : 1);
    if (!best || px < best.px) best = { px: Math.round(px * 10) / 10, text: own.join(' ').slice(0, 40) };
  }
  return best;
}

/** Heatmaps (marked `.heatmap`, or drawn as crisp-edged fills) in the figure, how many charts with one lack a visible legend of their own, and each legend's swatch colours and labels. Runs in the browser. */
function heatmapLegends(root: Element): { heatmaps: number; missing: number; swatches: number[]; labels: number[] } {
  const figures = [...root.querySelectorAll('.widget-figure svg')].filter((svg) => svg.querySelector('.heatmap, path[shape-rendering="crispEdges"]'));
  const legends = [...root.querySelectorAll('.widget-figure .legend')].filter((l) => l.getClientRects().length > 0);
  const inside = (a: DOMRect, b: DOMRect): boolean => a.left >= b.left - 1 && a.right <= b.right + 1 && a.top >= b.top - 1 && a.bottom <= b.bottom + 1;
  return {
    heatmaps: figures.length,
    missing: figures.filter((svg) => !legends.some((l) => svg.contains(l) && inside(l.getBoundingClientRect(), svg.getBoundingClientRect()))).length,
    swatches: legends.map((l) => new Set([...l.querySelectorAll('.legend-swatch')].map((s) => getComputedStyle(s).fill)).size),
    labels: legends.map((l) => [...l.querySelectorAll('text')].filter((t) => t.textContent?.trim()).length),
  };
}

async function check(page: Page, w: SiteWidget, width: number, phase: string): Promise<void> {
  const root = page.locator(light(`[id="${w.id ?? ''}"]`));
  const smallest = await root.evaluate(smallestFigureText);
  if (REPORT) console.log(`[figures] ${width}px ${phase} ${w.label}: smallest ${smallest ? `${smallest.px} px “${smallest.text}”` : 'none'}`);
  if (smallest) expect.soft(smallest.px, `${w.label} at ${width} px, ${phase}: smallest figure text “${smallest.text}”`).toBeGreaterThanOrEqual(MIN_TEXT_PX);
  const legends = await root.evaluate(heatmapLegends);
  expect.soft(legends.missing, `${w.label} at ${width} px, ${phase}: heatmaps without a colour legend`).toBe(0);
  if (legends.heatmaps > 0) {
    for (const n of legends.swatches) expect.soft(n, `${w.label}, ${phase}: distinct colours in a legend`).toBeGreaterThanOrEqual(3);
    for (const n of legends.labels) expect.soft(n, `${w.label}, ${phase}: text labels in a legend`).toBeGreaterThanOrEqual(2);
  }
}

async function staticPage(browser: Browser, p: SitePage, width: number): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 844 } });
  const page = await context.newPage();
  await page.goto(p.url);
  return page;
}

for (const p of chapters) {
  const onPage = widgets.filter((w) => w.page === p && w.id && w.uniqueId);
  if (onPage.length === 0) continue;
  for (const width of WIDTHS) {
    test(`${p.label} at ${width} px: figure text ≥ ${MIN_TEXT_PX} px and heatmap legends, static and live`, async ({ browser, page }) => {
      test.setTimeout(60_000);
      const still = await staticPage(browser, p, width);
      for (const w of onPage) await check(still, w, width, 'static');
      await still.context().close();

      await page.setViewportSize({ width, height: 844 });
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(p.url);
      for (const w of onPage) {
        await startWidget(page, w);
        await check(page, w, width, 'live');
      }
    });
  }
}

for (const w of widgets.filter((x) => x.tag === 'softmax-explorer')) {
  test(`${w.label}: the true-class menu offers exactly the classes 1..m`, async ({ page }) => {
    await page.goto(w.page.url);
    const root = await startWidget(page, w);
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

    await page.goto(`${w.page.url}#${w.statePrefix}.k=3&${w.statePrefix}.y=5`);
    const again = await startWidget(page, w);
    await expect(again.locator(light('.widget-note')), 'a class beyond m in the URL is explained').toHaveText(/no class 5 among m = 3 classes/);
    await expect(again.locator(light('[data-prop="y"]')), 'and class 1 is used instead').toHaveValue('1');
  });
}

for (const w of widgets.filter((x) => x.tag === 'softmax-explorer')) {
  test(`${w.label}: the extreme-logits preset shows the naive overflow and finite probabilities`, async ({ page }) => {
    await page.goto(w.page.url);
    const root = await startWidget(page, w);
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
    await page.goto(w.page.url);
    await startWidget(page, w);
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
