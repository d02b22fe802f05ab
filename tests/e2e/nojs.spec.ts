/**
 * With JavaScript off the book still reads: prose and KaTeX math are visible, and every
 * widget shows its build-time figure with a text description (controls and warning note
 * stay hidden until scripts run).
 */
import { expect, test } from '@playwright/test';
import { brokenValueSnippets, pageProseText, rawTexSnippets, visibleTextIn, widgetLocator } from '../support/browser.ts';
import { site } from '../support/site.ts';

const { pages, widgets } = site();

test.use({ javaScriptEnabled: false });

/** Headings, paragraphs and list items in <main>, outside widgets, that the reader can see. */
function visibleProse(): string[] {
  const main = document.querySelector('main');
  if (!main) return [];
  return [...main.querySelectorAll('h1, h2, h3, h4, h5, h6, p, li, dt, dd, figcaption, td, th')]
    .filter((el) => !el.closest('.widget, [data-widget]'))
    .filter((el) => el.checkVisibility({ opacityProperty: true, visibilityProperty: true }))
    .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

for (const p of pages) {
  test(`${p.label}: text and math are readable without JavaScript`, async ({ page, browser }) => {
    const response = await page.goto(p.url);
    expect(response?.status()).toBe(200);
    await expect(page.locator('main h1').first(), 'the page heading').toBeVisible();
    const prose = await page.evaluate(visibleProse);
    expect(prose.length, 'visible headings/paragraphs in <main>').toBeGreaterThan(1);

    // Everything a reader sees with JavaScript on (outside widgets) is there with it off.
    const jsContext = await browser.newContext({ javaScriptEnabled: true });
    try {
      const jsPage = await jsContext.newPage();
      await jsPage.goto(p.url);
      const withJs = await jsPage.evaluate(visibleProse);
      const missing = withJs.filter((text) => !prose.includes(text));
      expect(missing, 'text visible with JavaScript but not without').toEqual([]);
    } finally {
      await jsContext.close();
    }

    if (p.chapter) {
      expect(await page.locator('.katex').count(), 'KaTeX formulas').toBeGreaterThan(0);
      await expect(page.locator('.katex-html').first(), 'rendered math is visible').toBeVisible();
      // KaTeX's stylesheet hides the MathML copy; without it every formula shows twice.
      expect(
        await page
          .locator('.katex-mathml')
          .first()
          .evaluate((el) => getComputedStyle(el).position),
        'KaTeX CSS is applied',
      ).toBe('absolute');
    }
    expect(rawTexSnippets(await pageProseText(page)), 'raw TeX visible to the reader').toEqual([]);
  });
}

for (const w of widgets) {
  test(`${w.label}: without JavaScript shows its figure and description`, async ({ page }) => {
    await page.goto(w.page.url);
    const root = widgetLocator(page, w);
    await expect(root).toHaveCount(1);
    await expect(root, 'widget root has class "widget"').toHaveClass(/(^|\s)widget(\s|$)/);
    await expect(root, 'widget root has data-widget').toHaveAttribute('data-widget', /\S/);
    await root.scrollIntoViewIfNeeded();

    const svg = root.locator('.widget-figure svg').first();
    await expect(svg, 'a pre-rendered SVG figure is visible').toBeVisible();
    const box = await svg.boundingBox();
    expect(box && box.width > 0 && box.height > 0, `figure has a size (box ${JSON.stringify(box)})`).toBe(true);
    expect(await root.locator('.widget-figure svg *').count(), 'the SVG figure has content').toBeGreaterThan(0);

    const description = root.locator('.widget-description').first();
    await expect(description, 'a text description of the figure').toHaveCount(1);
    await expect(description, 'the description is not empty').toHaveText(/\S{3,}/);

    const controls = root.locator('.widget-controls').first();
    await expect(controls, 'controls exist').toHaveCount(1);
    await expect(controls, 'controls are hidden until JavaScript runs').toHaveAttribute('hidden', '');
    await expect(controls).toBeHidden();
    expect(await root.locator('output').count(), '<output> readouts in the markup').toBeGreaterThan(0);
    const note = root.locator('.widget-note').first();
    await expect(note, 'a .widget-note for warnings').toHaveCount(1);
    await expect(note, 'the warning note is hidden when nothing is wrong').toBeHidden();

    expect(brokenValueSnippets(await root.evaluate(visibleTextIn)), 'NaN/undefined/Infinity in the static figure').toEqual([]);
  });
}
