/**
 * With JavaScript off the book still reads: prose and KaTeX math are visible, and every
 * widget shows its build-time figure with a text description (controls and warning note
 * stay hidden until scripts run). The check is the audit's gate 8 (scripts/audit/nojs.ts).
 */
import { expect, test } from '@playwright/test';
import { noJsFindings, visibleProse } from '../../scripts/audit/nojs.ts';
import { light } from '../support/browser.ts';
import { BASE } from '../support/env.ts';
import { site, WIDGET_SELECTOR } from '../support/site.ts';

const { pages, widgets } = site();

test.use({ javaScriptEnabled: false });

for (const p of pages) {
  const count = widgets.filter((w) => w.page === p).length;
  test(`${p.label}: text, math and ${count} widget figures are readable without JavaScript`, async ({ page, browser }) => {
    test.slow(p.path === `${BASE}print/`, 'the whole book on one page');
    // Everything a reader sees with JavaScript on (outside widgets) must be there with it off.
    const jsContext = await browser.newContext({ javaScriptEnabled: true });
    let withJs: string[];
    try {
      const jsPage = await jsContext.newPage();
      await jsPage.goto(p.url);
      withJs = await jsPage.evaluate(visibleProse, WIDGET_SELECTOR);
    } finally {
      await jsContext.close();
    }
    const response = await page.goto(p.url);
    expect(response?.status()).toBe(200);
    await expect(page.locator(light(WIDGET_SELECTOR)), 'widgets in the page without JavaScript').toHaveCount(count);
    const findings = await noJsFindings(page, { math: p.chapter, proseWithJs: withJs });
    expect(
      findings.map((f) => f.message),
      'what a reader without JavaScript misses',
    ).toEqual([]);
  });
}
