/**
 * On a phone (390 × 844) the figure and the control being used are on screen together, for
 * every widget: tabbing through a widget's controls keeps each focused control on screen and
 * clear of the (sticky) figure, and the figure stays in view, at least 200 px tall or whole.
 * The same holds when the reader scrolls to the last control by hand. Widgets with several charts
 * show one at a time with a working pager, and every display formula that overflows is a keyboard
 * stop with a scroll cue. Each started figure's text is at least 11 px, with a legend for every heatmap
 * (`scripts/audit/figures.ts`). One phone page per chapter (see below).
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { figureFindings } from '../../scripts/audit/figures.ts';
import { light, startWidget } from '../support/browser.ts';
import { site } from '../support/site.ts';

const { widgets } = site();
const softly = expect.configure({ soft: true });

test.use({ viewport: { width: 390, height: 844 } });

interface View {
  fig: { top: number; bottom: number; height: number };
  control: { top: number; bottom: number; label: string } | undefined;
  screen: number;
}

/** Where the figure and the focused element are, once scrolling has settled. */
async function view(root: Locator): Promise<View> {
  return root.evaluate(async (w) => {
    const frame = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => r()));
    let last = '';
    for (let still = 0, i = 0; still < 6 && i < 240; i++) {
      await frame();
      const now = `${Math.round(scrollY)}`;
      still = now === last ? still + 1 : 0;
      last = now;
    }
    const f = (w.querySelector('.widget-figure') as HTMLElement).getBoundingClientRect();
    const el = document.activeElement;
    const c = el && w.contains(el) ? el.getBoundingClientRect() : undefined;
    const label = el ? (el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? '').trim().slice(0, 40) : '';
    return {
      fig: { top: f.top, bottom: f.bottom, height: f.height },
      control: c ? { top: c.top, bottom: c.bottom, label } : undefined,
      screen: innerHeight,
    };
  });
}

/** What is wrong with a view, in words (empty when the figure and the control read together). */
function problems(v: View): string[] {
  const out: string[] = [];
  const shown = Math.min(v.fig.bottom, v.screen) - Math.max(v.fig.top, 0);
  if (shown < Math.min(200, v.fig.height) - 2) out.push(`only ${Math.round(shown)} px of the figure on screen`);
  if (v.control) {
    const name = `"${v.control.label}"`;
    if (v.control.top < -1 || v.control.bottom > v.screen + 1) out.push(`${name} off screen (top ${Math.round(v.control.top)})`);
    if (v.control.top < v.fig.bottom - 1 && v.control.bottom > v.fig.top + 1) out.push(`${name} hidden under the figure`);
  }
  return out;
}

/** Tab through the widget's controls, then scroll by hand to the last one: what is wrong with each view, in words. */
async function controlProblems(page: Page, root: Locator): Promise<string[]> {
  const controls = root.locator(light('.widget-controls :is(input, select, button, textarea):visible:not([disabled])'));
  const n = await controls.count();
  if (n === 0) return ['the widget has no controls'];
  const found: string[] = [];
  await root.evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
  await controls.first().focus();
  for (let i = 0; i < n; i++) {
    const v = await view(root);
    if (!v.control) break; // focus has left the widget
    found.push(...problems(v));
    await page.keyboard.press('Tab');
  }
  // Scrolled by hand (a wheel turn ends any landing in progress) so the last control sits at the bottom of the screen.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.mouse.wheel(0, 1);
  await controls.last().evaluate((el) => el.scrollIntoView({ block: 'end', behavior: 'instant' }));
  found.push(...problems(await view(root)).map((p) => `scrolled to the last control: ${p}`));
  return found;
}

/** Several charts are a row one chart high that the pager steps through; one chart has no pager. */
async function checkPager(root: Locator, label: string): Promise<void> {
  const charts = await root.locator(light('.widget-figure > *')).count();
  const pager = root.locator(light('.widget-pager'));
  if (charts < 2) {
    await expect.soft(pager, `${label}: one chart needs no pager`).toBeHidden();
    return;
  }
  const status = pager.locator(light('.widget-pager-status'));
  await expect.soft(status, `${label}: the pager starts at the first chart`).toHaveText(`Chart 1 of ${charts}`);
  const figure = root.locator(light('.widget-figure'));
  const height = await figure.evaluate((f) => f.getBoundingClientRect().height);
  expect.soft(height, `${label}: the row is one chart high, not a stack`).toBeLessThan(480);
  await pager.getByRole('button', { name: 'Next chart' }).click();
  await expect.soft(status, `${label}: Next chart`).toHaveText(`Chart 2 of ${charts}`);
  // The row scrolls smoothly (unless the reader asks for reduced motion), so wait for it to settle.
  await softly
    .poll(
      () =>
        figure.evaluate((f) => {
          const c = (f.children[1] as Element).getBoundingClientRect();
          const r = f.getBoundingClientRect();
          return Math.abs(c.left - r.left) < r.width / 4;
        }),
      { message: `${label}: the second chart is the one showing` },
    )
    .toBe(true);
}

/**
 * Every display formula of the chapter (solutions opened), scrolled to in turn: one that
 * overflows must be a keyboard stop with a name and a scroll cue. Runs in the browser (one
 * round trip for the chapter); returns [display formulas, wide ones, problems].
 */
async function formulaProblems(): Promise<[number, number, string[]]> {
  // Solutions too: open every <details> in the chapter.
  document.querySelectorAll('.chapter-body details').forEach((d) => ((d as HTMLDetailsElement).open = true));
  const formulas = [...document.querySelectorAll('.chapter-body .katex-display')];
  const bad: string[] = [];
  let wide = 0;
  for (const [i, el] of formulas.entries()) {
    el.scrollIntoView({ block: 'center', behavior: 'instant' });
    // Measured and marked by the page's script once on screen, and again once a font it needs has loaded.
    for (let k = 0; k < 2; k++) await new Promise((r) => requestAnimationFrame(r));
    await document.fonts.ready;
    for (let k = 0; k < 3; k++) await new Promise((r) => requestAnimationFrame(r));
    const overflow = el.scrollWidth - el.clientWidth;
    if (overflow <= 1) continue;
    wide += 1;
    if (el.getAttribute('tabindex') !== '0' || !el.getAttribute('aria-label'))
      bad.push(`formula ${i + 1} overflows by ${overflow} px but is not a keyboard stop`);
    if (!getComputedStyle(el).backgroundImage.includes('gradient')) bad.push(`formula ${i + 1} overflows with no scroll cue`);
  }
  return [formulas.length, wide, bad];
}

// One phone page per chapter for all four checks: each widget's checks touch only that widget
// (focus, its own scroll position and its pager), and the formulas come last, once every
// widget has been checked, since they open the chapter's <details>.
for (const chapter of site().pages.filter((p) => p.chapter)) {
  const own = widgets.filter((w) => w.page.path === chapter.path);
  test(`${chapter.label} on a phone: each widget's figure legible and on screen with the control in use, several charts paged, wide formulas scroll visibly and by keyboard`, async ({
    page,
  }) => {
    test.setTimeout(30_000 + 15_000 * own.length);
    await page.goto(chapter.url);
    for (const w of own) {
      const root = await startWidget(page, w);
      const hard = (await figureFindings(root, `${w.label} at 390 px, started`)).map((f) => f.message);
      expect.soft(hard, `${w.label}: its figure reads on a phone`).toEqual([]);
      const found = await controlProblems(page, root);
      expect.soft(found, `${w.label}: the figure and the control in use read together`).toEqual([]);
      await checkPager(root, w.label);
    }
    const [n, wide, bad] = await page.evaluate(formulaProblems);
    test.info().annotations.push({ type: 'wide formulas at 390 px', description: `${wide} of ${n}` });
    expect(bad, 'wide formulas are keyboard stops with a scroll cue').toEqual([]);
  });
}
