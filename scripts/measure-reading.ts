/**
 * `npm run measure:reading` — the reader-experience measurements of issue 15, on the built site
 * (`npm run build:subpath` first), in Chromium at 390 × 844 and 1280 × 800 with default motion
 * settings: how far section and state links land from their target, how far a figure is from
 * its last control and whether both are on screen while it is used, where the caption sits and
 * how long it is, the smallest figure text, wide formulas, and the site title's height.
 * A report, not a test: the e2e specs (landing, layout, figures) assert the targets.
 */
import { spawn } from 'node:child_process';
import { chromium, type Page } from '@playwright/test';
import { scrollUntilReady, settledTop } from '../tests/support/browser.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/support/env.ts';

const PORT = Number(process.env['PORT'] ?? 4329);
const HOME = `http://127.0.0.1:${PORT}/beyond-linear/`;
const CHAPTERS = ['linear-limits/', 'activations/', 'softmax-gradients/'];
const SIZES = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];

async function landing(page: Page, chapter: string): Promise<string> {
  await page.goto(HOME + chapter);
  const ids = await page.$$eval('.toc a[href^="#"]', (as) => as.map((a) => (a as HTMLAnchorElement).hash.slice(1)));
  const widgets = await page.$$eval('.widget[data-state-keys]', (ws) => ws.map((w) => [w.id, (w as HTMLElement).dataset['stateKeys']?.split(',')[0] ?? '']));
  let worstToc = 0;
  for (const id of ids) {
    await page.evaluate(() => {
      scrollTo({ top: 0, behavior: 'instant' });
      document.querySelector<HTMLDetailsElement>('.toc details')?.setAttribute('open', '');
    });
    await page.click(`.toc a[href="#${id}"]`);
    worstToc = Math.max(worstToc, Math.abs(await settledTop(page, `[id="${id}"]`)));
  }
  let worstState = 0;
  for (const [id, key] of widgets) {
    const value = await page.$eval(`[id="${id}"] [data-prop="${key}"]`, (el) => (el as HTMLInputElement).value).catch(() => '');
    await page.goto('about:blank');
    await page.goto(`${HOME}${chapter}#${id}.${key}=${encodeURIComponent(value)}`);
    worstState = Math.max(worstState, Math.abs(await settledTop(page, `[id="${id}"]`)));
  }
  return `contents entries: worst ${Math.round(worstToc)} px from the top; state links: worst ${Math.round(worstState)} px`;
}

async function widgetsOn(page: Page, chapter: string): Promise<string[]> {
  await page.goto(HOME + chapter);
  const ids = await page.$$eval('.widget', (ws) => ws.map((w) => w.id));
  const rows: string[] = [];
  for (const id of ids) {
    await page.evaluate((i) => document.getElementById(i)?.scrollIntoView({ behavior: 'instant' }), id);
    await scrollUntilReady(page.locator(`[id="${id}"]`), 20_000);
    await page.mouse.wheel(0, 1);
    const m = await page.evaluate(async (i) => {
      const w = document.getElementById(i) as HTMLElement;
      const fig = w.querySelector('.widget-figure') as HTMLElement;
      const controls = [...w.querySelectorAll<HTMLElement>('.widget-controls :is(input,select,button)')].filter((c) => c.offsetHeight > 0);
      const last = controls.at(-1);
      const title = (w.querySelector('.widget-title') as HTMLElement).getBoundingClientRect().top;
      const caption = [...w.querySelectorAll('.widget-caption')].find((c) => !c.closest('noscript'));
      const spread = last ? last.getBoundingClientRect().bottom - fig.getBoundingClientRect().top : 0;
      last?.scrollIntoView({ block: 'end', behavior: 'instant' });
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const f = fig.getBoundingClientRect();
      const figShown = Math.max(0, Math.min(f.bottom, innerHeight) - Math.max(f.top, 0));
      const texts = [...fig.querySelectorAll('svg text')].map((t) => t.getBoundingClientRect().height).filter((h) => h > 0);
      return {
        spread: Math.round(spread),
        figShown: Math.round(figShown),
        caption: caption
          ? `${Math.round(caption.getBoundingClientRect().top - title)} px below the title, ${caption.textContent?.trim().length} chars`
          : 'none',
        lede: w.querySelector('.widget-lede') ? 'yes' : 'no',
        minText: texts.length ? Math.min(...texts).toFixed(1) : '-',
      };
    }, id);
    rows.push(
      `${id}: figure top → last control ${m.spread} px; figure on screen at the last control ${m.figShown} px; caption ${m.caption}; what-to-try line ${m.lede}; smallest figure text ${m.minText} px`,
    );
  }
  return rows;
}

async function formulas(page: Page, chapter: string): Promise<string> {
  await page.goto(HOME + chapter);
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => d.setAttribute('open', '')));
  const all = await page.$$('.chapter-body .katex-display');
  let wide = 0;
  let keyboard = 0;
  for (const f of all) {
    await f.evaluate((el) => el.scrollIntoView({ block: 'center', behavior: 'instant' }));
    const s = await f.evaluate(async (el) => {
      for (let i = 0; i < 4; i++) await new Promise((r) => requestAnimationFrame(r));
      return { wide: el.scrollWidth > el.clientWidth + 1, stop: el.getAttribute('tabindex') === '0' };
    });
    if (s.wide) wide += 1;
    if (s.wide && s.stop) keyboard += 1;
  }
  return `${wide} of ${all.length} display formulas overflow; ${keyboard} of those scroll by keyboard`;
}

const server = spawn(process.execPath, ['tests/support/serve.mjs'], {
  env: { ...process.env, PORT: String(PORT), BASE_PATH: '/beyond-linear/' },
  stdio: 'ignore',
});
await new Promise((r) => setTimeout(r, 1500));
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: size });
    console.log(`\n## ${size.width} × ${size.height}`);
    await page.goto(HOME + CHAPTERS[0]);
    console.log(`site title link: ${await page.$eval('.site-title', (a) => Math.round(a.getBoundingClientRect().height))} px tall`);
    for (const chapter of CHAPTERS) {
      console.log(`\n### ${chapter}\n${await landing(page, chapter)}`);
      if (size.width === 390) console.log(await formulas(page, chapter));
      for (const row of await widgetsOn(page, chapter)) console.log(`- ${row}`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  server.kill();
}
