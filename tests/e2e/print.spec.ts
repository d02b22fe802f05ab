/**
 * The print page (/print/): every chapter of the contents, in order, on one page; ids unique
 * (prefixed per chapter) and every in-page link landing on one; every chapter widget printed as
 * a figure with an absolute link back to the live widget under the base path; every exercise's
 * solution at the end of its chapter; and, under print emulation, no form control on paper.
 */
import { expect, test, type Page } from '@playwright/test';
import { BASE, HOME } from '../support/env.ts';
import { site } from '../support/site.ts';
import { light } from '../support/browser.ts';

const PRINT = `${HOME}print/`;

/** Chapter slugs in the contents page's order. */
async function contentsOrder(page: Page): Promise<string[]> {
  await page.goto(HOME);
  const hrefs = await page.locator(light('ol.contents h3 a')).evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  return hrefs.map((p) => p.slice(BASE.length).replace(/\/$/, ''));
}

test('print page: every chapter in order, unique ids, every link lands, every widget links back to its live version', async ({ page }) => {
  test.setTimeout(90_000);
  const slugs = await contentsOrder(page);
  expect(slugs.length, 'chapters on the contents page').toBeGreaterThan(0);
  await expect(page.locator(light('main a[href$="print/"]')), 'the contents page links the print page').toHaveCount(1);

  await page.goto(PRINT);
  const chapters = await page.locator(light('article.print-chapter')).evaluateAll((els) => els.map((e) => e.id));
  expect(chapters, 'the chapters of the contents, in order').toEqual(slugs);
  expect(await page.locator(light('main script')).count(), 'no script inside the book').toBe(0);

  const problems = await page.evaluate((base) => {
    const out: string[] = [];
    const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) out.push(`duplicate id ${id}`);
      seen.add(id);
    }
    for (const a of document.querySelectorAll<HTMLAnchorElement>('main a[href]')) {
      const href = a.getAttribute('href') ?? '';
      const url = new URL(a.href);
      if (href.startsWith('#') && !document.getElementById(decodeURIComponent(href.slice(1)))) out.push(`link ${href} lands on no id`);
      if (href.startsWith('/') && !href.startsWith(base)) out.push(`link ${href} is outside the base path ${base}`);
      // Inside the book, a link to a chapter page must point into this page instead (the live links are absolute).
      const chapterPage = [...document.querySelectorAll('article.print-chapter')].some((c) => url.pathname === `${base}${c.id}/`);
      if (a.closest('.chapter-body, .print-answers') && !a.closest('.print-live') && chapterPage) out.push(`link ${href} leaves the print page`);
    }
    return out;
  }, BASE);
  expect(problems).toEqual([]);

  // Every widget of every chapter page is printed, with an absolute link to the widget on its chapter page.
  const { siteOrigin, widgets } = site();
  const expected = widgets.filter((w) => w.page.chapter).map((w) => `${siteOrigin}${w.page.path}#${w.id ?? ''}`);
  const figures = await page.locator(light('figure.print-widget')).evaluateAll((els) =>
    els.map((f) => ({
      id: f.id,
      live: f.querySelector<HTMLAnchorElement>('.print-live a')?.getAttribute('href') ?? '',
      text: f.querySelector('.print-live a')?.textContent ?? '',
      svg: f.querySelectorAll('.widget-figure svg').length,
    })),
  );
  expect(figures.map((f) => f.live).sort(), 'one printed figure per chapter widget, linking back to it').toEqual(expected.sort());
  for (const f of figures) {
    expect(f.text, `${f.id}: the address is printed as text`).toBe(f.live);
    expect(f.svg, `${f.id}: the build-time figure`).toBeGreaterThan(0);
    expect(f.live.startsWith(`${siteOrigin}${BASE}`), `${f.live} is absolute, under ${BASE}`).toBe(true);
  }

  // Every exercise's answer is at the end of its chapter, and the exercise says where.
  const exercises = await page.locator(light('.print-chapter .exercise')).count();
  expect(exercises).toBeGreaterThan(0);
  await expect(page.locator(light('.print-answers .print-solution-group'))).toHaveCount(exercises);
  await expect(page.locator(light('.print-chapter .exercise .print-solution-ref a'))).toHaveCount(exercises);
});

test('print page on paper: no form control is visible, figures and formulas are', async ({ page }) => {
  test.setTimeout(60_000);
  await page.emulateMedia({ media: 'print' });
  await page.goto(PRINT);
  const visibleControls = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('input, select, textarea, button, summary, [role="button"], [role="slider"]')]
      .filter((e) => e.checkVisibility())
      .map((e) => e.outerHTML.slice(0, 80)),
  );
  expect(visibleControls).toEqual([]);
  await expect(page.locator(light('.print-widget .widget-figure svg')).first()).toBeVisible();
  await expect(page.locator(light('.print-chapter .katex')).first()).toBeVisible();
  await expect(page.locator(light('.site-footer'))).toBeVisible();
});
