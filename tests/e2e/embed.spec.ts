/**
 * Embed pages (`<base>embed/<id>/`, one per widget a chapter shows, for an iframe) and the
 * share buttons every widget has ("Copy a link to this state", "Copy embed code").
 *
 * Each embed page is one widget with the chapters' own code, which the chapter gates exercise in
 * full (every control, axe in both schemes, the Tab order, hostile URL state, motion); here every
 * embed page gets the audit's embed pass (scripts/audit/embed.ts: what its own frame could
 * break), a chapter's pages per test in one browser context, and reads without JavaScript.
 */
import { expect, test, type Browser, type BrowserContext } from '@playwright/test';
import type { Finding } from '../../scripts/audit/config.ts';
import { consoleFindings, cspFindings, watchCsp } from '../../scripts/audit/csp.ts';
import { axeWithin, embedFindings, embedId } from '../../scripts/audit/embed.ts';
import { focusOrderFindings } from '../../scripts/audit/keyboard.ts';
import { cachedFetcher } from '../../scripts/audit/links.ts';
import { watchPage } from '../support/browser.ts';
import { BASE, ORIGIN } from '../support/env.ts';
import { site, type SitePage } from '../support/site.ts';

const { embeds, widgets } = site();
const messages = (findings: readonly Finding[]): string[] => findings.map((f) => `[${f.gate}] ${f.message}`);
const idOf = (p: SitePage): string => embedId(p.path, BASE);

test('every widget in a chapter has an embed page, and every embed page is a chapter widget', () => {
  const inChapters = widgets.filter((w) => w.page.chapter && w.id).map((w) => w.id as string);
  expect(inChapters.length, 'widgets in the chapters').toBeGreaterThan(0);
  expect(embeds.map(idOf).sort(), `embed pages under ${BASE}embed/`).toEqual([...inChapters].sort());
});

/** The embed pages by chapter (one test each, in one browser context). */
const chapterOf = (p: SitePage): string => widgets.find((w) => w.id === idOf(p))?.page.label ?? 'no chapter';
const groups = [...new Set(embeds.map(chapterOf))].map((chapter) => [chapter, embeds.filter((p) => chapterOf(p) === chapter)] as const);

async function cspContext(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await watchCsp(context);
  return context;
}

for (const [chapter, group] of groups) {
  test(`embed pages of ${chapter} (${group.map(idOf).join(', ')}): one widget, started, CSP, origins, weight; axe on the first`, async ({ browser }) => {
    test.setTimeout(30_000 + 15_000 * group.length);
    const context = await cspContext(browser);
    const target = { origin: ORIGIN, base: BASE, siteOrigin: site().siteOrigin, fetch: cachedFetcher() };
    try {
      const problems: string[] = [];
      // The widget is the chapter's own markup, which the chapter gates check with axe in both
      // schemes, and every embed page has the same frame: axe (the slowest check) runs on one
      // embed page of each chapter.
      for (const [i, p] of group.entries())
        problems.push(...messages(await embedFindings(context, p.path, target, { axe: i === 0 })).map((m) => `${p.path}: ${m}`));
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
}

test('embed pages without JavaScript: the build-time figure and the link back, no share buttons', async ({ browser }) => {
  test.setTimeout(30_000 + 2_000 * embeds.length);
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    const problems: string[] = [];
    for (const p of embeds) {
      await page.goto(p.url);
      const seen = await page.evaluate(() => ({
        figure: [...document.querySelectorAll('.widget-figure')].filter((f) => f.checkVisibility() && f.querySelector('svg, img')).length,
        share: [...document.querySelectorAll('.widget-share button')].filter((b) => b.checkVisibility()).length,
        back: document.querySelector('.embed-source a')?.checkVisibility() ?? false,
      }));
      if (seen.figure !== 1 || seen.share !== 0 || !seen.back) problems.push(`${p.path}: ${JSON.stringify(seen)}`);
    }
    expect(problems, 'expected one visible figure, no share buttons and the link back').toEqual([]);
  } finally {
    await context.close();
  }
});

const softmax = embeds.find((p) => idOf(p) === 'softmax-explorer');

test('an embed page honours a state hash, and its copied link and embed code reproduce the state', async ({ browser }) => {
  test.skip(!softmax, 'no softmax-explorer embed page');
  const context = await cspContext(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  try {
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(`${softmax?.url}#softmax-explorer.k=5&softmax-explorer.z1=2.5`);
    const root = page.locator('#softmax-explorer');
    await expect(root).toHaveAttribute('data-ready', ''); // a link naming the widget starts it
    await expect(root.locator('[data-prop="k"]')).toHaveValue('5');
    await expect(root.locator('[data-prop="z1"]')).toHaveValue('2.5');
    // Change one more setting by keyboard: the copied link carries it too.
    await root.locator('[data-prop="k"]').focus();
    await page.keyboard.press('ArrowRight');
    await expect(root.locator('[data-prop="k"]')).toHaveValue('6');

    await root.getByRole('button', { name: 'Copy a link to this state' }).click();
    await expect(root.getByRole('status').filter({ hasText: 'Link copied.' })).toBeVisible();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(`${ORIGIN}${BASE}embed/softmax-explorer/#softmax-explorer.k=6&softmax-explorer.z1=2.5`);

    await root.getByRole('button', { name: 'Copy embed code' }).click();
    await expect(root.getByRole('status').filter({ hasText: 'Embed code copied.' })).toBeVisible();
    const snippet = await page.evaluate(() => navigator.clipboard.readText());
    expect(snippet).toMatch(
      new RegExp(
        `^<iframe src="${ORIGIN}${BASE}embed/softmax-explorer/#softmax-explorer\\.k=6&amp;softmax-explorer\\.z1=2\\.5" title="Softmax explorer" loading="lazy" width="800" height="\\d+0" style="border: 0; max-width: 100%"></iframe>$`,
      ),
    );

    // The book link carries the state into the chapter.
    const book = page.locator('.embed-source a');
    await book.focus();
    await expect(book).toHaveAttribute('href', `${BASE}softmax-gradients/#softmax-explorer.k=6&softmax-explorer.z1=2.5`);

    // Opened afresh, the copied link shows the same settings.
    const again = await context.newPage();
    await again.goto(link);
    const copy = again.locator('#softmax-explorer');
    await expect(copy).toHaveAttribute('data-ready', '');
    await expect(copy.locator('[data-prop="k"]')).toHaveValue('6');
    await expect(copy.locator('[data-prop="z1"]')).toHaveValue('2.5');
    await expect(copy.locator('.widget-note')).toBeHidden();

    // And so does the iframe the embed code makes, on a page of another document.
    await again.setContent(snippet.replace('loading="lazy"', ''));
    const framed = again.frameLocator('iframe').locator('#softmax-explorer');
    await expect(framed).toHaveAttribute('data-ready', '');
    await expect(framed.locator('[data-prop="k"]')).toHaveValue('6');
    expect(messages(await cspFindings(page))).toEqual([]);
    expect(messages(consoleFindings(watch))).toEqual([]);
  } finally {
    await context.close();
  }
});

test('without a clipboard the link and the embed code are shown selected, to copy by hand', async ({ browser }) => {
  // On an embed page, which loads in a fraction of a chapter's time; in a chapter only the page
  // address differs (share.test.ts), and the chapter gates check the buttons with axe and Tab.
  test.skip(!softmax, 'no softmax-explorer embed page');
  const context = await browser.newContext();
  await context.addInitScript(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
  try {
    const page = await context.newPage();
    await page.goto(`${softmax?.url}#softmax-explorer.k=4`);
    const root = page.locator('#softmax-explorer');
    await expect(root.locator('[data-prop="k"]')).toHaveValue('4');
    await root.getByRole('button', { name: 'Copy a link to this state' }).click();
    await expect(root.getByRole('status').filter({ hasText: 'did not let the page copy' })).toBeVisible();
    const field = root.getByRole('textbox', { name: 'Link to this state' });
    await expect(field).toBeFocused();
    await expect(field).toHaveValue(`${softmax?.url}#softmax-explorer.k=4`);
    expect(await field.evaluate((el: HTMLTextAreaElement) => el.readOnly && el.selectionEnd - el.selectionStart === el.value.length)).toBe(true);

    await root.getByRole('button', { name: 'Copy embed code' }).press('Enter');
    await expect(root.getByRole('textbox', { name: 'Embed code' })).toHaveValue(
      new RegExp(`^<iframe src="${ORIGIN}${BASE}embed/softmax-explorer/#softmax-explorer\\.k=4"`),
    );
    // axe on the share controls with the field shown.
    expect(messages(await axeWithin(page, '#softmax-explorer .widget-share'))).toEqual([]);
  } finally {
    await context.close();
  }
});

test('an embed page: the Tab order reaches every control with a visible focus, and no skip link is needed', async ({ browser }) => {
  test.skip(!softmax, 'no softmax-explorer embed page');
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(softmax?.url ?? '');
    const findings = (await focusOrderFindings(page)).filter((f) => !f.message.includes('not a skip link'));
    expect(messages(findings)).toEqual([]);
  } finally {
    await context.close();
  }
});
