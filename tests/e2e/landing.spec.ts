/**
 * Links land where they point. Opening a section anchor or a widget-state link, clicking a
 * contents entry, and following an in-page link bring the target into view — headings within
 * one header height of the top — on a phone (390 × 844) and a laptop (1280 × 800), with motion
 * allowed and with reduced motion. Each check waits for scrolling to settle (the target still
 * for several frames) rather than for a fixed time.
 *
 * The page lands the same way under either motion setting: it never scrolls smoothly (base.css),
 * `src/lib/landing.ts` jumps and holds without asking, and reduced motion only stops colour
 * transitions and the pager's smooth slide. So the sample is taken with motion allowed, and under
 * reduced motion one deepest landing of each kind stands guard (see `deepestOnly`).
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { byId, light, settledTop } from '../support/browser.ts';
import { site, type SiteWidget } from '../support/site.ts';

const { pages, widgets } = site();
// Each test walks a whole chapter (every contents entry, every widget, both motion settings).
test.setTimeout(120_000);
const chapters = pages.filter((p) => p.chapter);

const WIDTHS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'laptop', width: 1280, height: 800 },
] as const;

/** Height of the site header: a heading may sit at most this far below the top of the screen. */
const HEADER_PX = 64;

/** A heading is in place at the top — or, near the end of a page too short to scroll it up, on screen with the page at its bottom. */
async function headingMiss(page: Page, id: string): Promise<string | undefined> {
  const top = await settledTop(page, byId(id));
  if (top >= -2 && top <= HEADER_PX) return undefined;
  const { atBottom, height } = await page.evaluate(() => ({
    atBottom: scrollY + innerHeight >= document.documentElement.scrollHeight - 2,
    height: innerHeight,
  }));
  return atBottom && top >= 0 && top < height - 40 ? undefined : `#${id}: ${Math.round(top)} px`;
}

/** A widget is in place: its top edge on screen, at most a header height down unless the rest of it fits above the fold. */
async function widgetMiss(page: Page, w: SiteWidget): Promise<string | undefined> {
  const sel = byId(w.id ?? '');
  const top = await settledTop(page, sel);
  const { height, screen } = await page.locator(light(sel)).evaluate((el) => ({ height: el.getBoundingClientRect().height, screen: innerHeight }));
  const ok = top >= -2 && top <= Math.max(HEADER_PX, screen - height);
  return ok ? undefined : `${w.label}: top ${Math.round(top)} px`;
}

/** A valid state link for the widget: its first setting at the value the built page shows. */
function stateLink(w: SiteWidget): string {
  const key = w.stateKeys[0] ?? '';
  const html = readFileSync(w.page.file, 'utf8');
  const start = html.indexOf(`id="${w.id ?? ''}"`);
  const tag = new RegExp(`<(?:input|select)[^>]*data-prop="${key}"[^>]*>`).exec(html.slice(start))?.[0] ?? '';
  const value = /\svalue="([^"]*)"/.exec(tag)?.[1] ?? /<option[^>]*selected[^>]*value="([^"]*)"/.exec(html.slice(start))?.[1] ?? '';
  return `#${w.statePrefix}.${key}=${encodeURIComponent(value)}`;
}

async function tocIds(page: Page): Promise<string[]> {
  return page.locator(light('.toc a[href^="#"]')).evaluateAll((links) => links.map((a) => decodeURIComponent((a as HTMLAnchorElement).hash.slice(1))));
}

/** The first of `items` and the deepest `share` of them (in page order), where misses are largest. */
function firstAndDeepest<T>(items: readonly T[], share: number): readonly T[] {
  const deep = items.slice(Math.floor((1 - share) * items.length));
  return items[0] !== undefined && !deep.includes(items[0]) ? [items[0], ...deep] : deep;
}

/**
 * The contents entries to click at one width. A miss comes from content above the target changing height while the page
 * scrolls (widgets starting, figures drawn), so it grows with depth: a deep entry misses before any shallower one. It was
 * largest on a phone: there the first entry and the deepest half are tried; on a laptop the first entry and the deepest
 * third. (Every entry on a phone took half of this spec's time and found nothing the deepest entries did not.)
 */
function entriesToTry(ids: readonly string[], width: string): readonly string[] {
  return firstAndDeepest(ids, width === 'phone' ? 1 / 2 : 1 / 3);
}

/**
 * The landings tried under reduced motion: only the deepest of each kind (contents entry, state link, opened section).
 * The landing code takes the same path under both settings (see the top of this file); these guard against a change that
 * makes it depend on motion (trying the whole sample under both settings doubled this spec's landings).
 */
const deepestOnly = <T>(items: readonly T[]): readonly T[] => items.slice(-1);

for (const size of WIDTHS) {
  test.describe(`${size.name} (${size.width} px)`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    for (const chapter of chapters) {
      // Widgets with settings, in page order; their links are tried for the first and the deepest half, as with the
      // contents entries (every widget's state link applies: url-state.spec.ts).
      const stateful = firstAndDeepest(
        widgets.filter((w) => w.page.path === chapter.path && w.id && w.uniqueId && w.stateKeys.length > 0),
        1 / 2,
      );

      test(`${chapter.label}: contents entries and in-page links land, with and without reduced motion`, async ({ page }) => {
        await page.goto(chapter.url);
        const ids = await tocIds(page);
        expect(ids.length, 'the chapter lists its sections').toBeGreaterThan(3);
        const misses: string[] = [];
        for (const motion of ['no-preference', 'reduce'] as const) {
          await page.emulateMedia({ reducedMotion: motion });
          const all = entriesToTry(ids, size.name);
          for (const id of motion === 'reduce' ? deepestOnly(all) : all) {
            // The reader scrolls back to the top (a wheel turn ends the previous landing's hold).
            await page.mouse.wheel(0, -1);
            await page.evaluate(() => {
              window.scrollTo({ top: 0, behavior: 'instant' });
              const d = document.querySelector<HTMLDetailsElement>('.toc details');
              if (d) d.open = true;
            });
            // Back at the top the phone's Contents button hides (it must not take this click).
            await expect(page.locator(light('.toc-return'))).toBeHidden();
            await page.locator(light(`.toc a[href="#${id}"]`)).click();
            const miss = await headingMiss(page, id);
            if (miss) misses.push(`${motion}, contents ${miss}`);
          }
          // State links followed inside the page (the chapter's "try this" links work this way).
          for (const w of motion === 'reduce' ? deepestOnly(stateful) : stateful) {
            await page.mouse.wheel(0, -1);
            await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
            await page.evaluate((hash) => (location.hash = hash), stateLink(w));
            const miss = await widgetMiss(page, w);
            if (miss) misses.push(`${motion}, in-page state link ${miss}`);
          }
        }
        expect(misses, 'targets left away from their place on screen').toEqual([]);
      });

      test(`${chapter.label}: opening a section anchor or a widget's state link lands on it`, async ({ page }) => {
        const html = readFileSync(chapter.file, 'utf8');
        const sections = [...html.matchAll(/<a href="#([^"]+)"><span class="toc-number">/g)].map((m) => m[1] ?? '');
        const misses: string[] = [];
        for (const motion of ['no-preference', 'reduce'] as const) {
          await page.emulateMedia({ reducedMotion: motion });
          // The deepest sections, where misses were largest.
          for (const id of motion === 'reduce' ? deepestOnly(sections) : sections.slice(-2)) {
            await page.goto('about:blank');
            await page.goto(`${chapter.url}#${id}`, { waitUntil: 'domcontentloaded' });
            const miss = await headingMiss(page, id);
            if (miss) misses.push(`${motion}, opened ${miss}`);
          }
        }
        for (const w of stateful) {
          await page.goto('about:blank');
          await page.goto(`${chapter.url}${stateLink(w)}`, { waitUntil: 'domcontentloaded' });
          const miss = await widgetMiss(page, w);
          if (miss) misses.push(`opened ${stateLink(w)}: ${miss}`);
          await expect(page.locator(light(byId(w.id ?? ''))), `${w.label} starts`).toHaveAttribute('data-ready', /.*/);
        }
        expect(misses, 'targets left away from their place on screen').toEqual([]);
      });
    }
  });
}

test.describe('finding your place', () => {
  const chapter = chapters[0];
  if (!chapter) throw new Error('the site has no chapter to test');
  test('on a laptop the contents mark the section being read', async ({ page }) => {
    await page.goto(chapter.url);
    const ids = await tocIds(page);
    const id = ids[Math.floor(ids.length / 2)] ?? '';
    await page.locator(light(`.toc a[href="#${id}"]`)).click();
    await settledTop(page, byId(id));
    await expect(page.locator(light('.toc a[aria-current="location"]'))).toHaveAttribute('href', `#${id}`);
    await expect(page.locator(light('.toc a[aria-current="location"]'))).toHaveCount(1);
  });

  test('every numbered heading links to itself, so its address can be copied', async ({ page }) => {
    await page.goto(chapter.url);
    const headings = await page
      .locator(light('.chapter-body :is(h2, h3):has(.section-number)'))
      .evaluateAll((hs) => hs.map((h) => ({ id: h.id, href: h.querySelector('a.heading-link')?.getAttribute('href') ?? '' })));
    expect(headings.length).toBeGreaterThan(3);
    expect(headings.filter((h) => h.href !== `#${h.id}`)).toEqual([]);
  });

  test('on a phone, a Contents button deep in the chapter leads back to the open contents', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(chapter.url);
    const back = page.locator(light('.toc-return'));
    await expect(back, 'not shown while the contents are on screen').toBeHidden();
    await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight / 2, behavior: 'instant' }));
    await expect(back).toBeVisible();
    await back.click();
    await expect(page.locator(light('.toc details'))).toHaveAttribute('open', '');
    const top = await settledTop(page, '#toc-title');
    expect(top).toBeGreaterThanOrEqual(-2);
    expect(top).toBeLessThanOrEqual(HEADER_PX);
  });
});
