/**
 * On a phone (390 × 844) the figure and the control being used are on screen together, for
 * every widget: tabbing through a widget's controls keeps each focused control on screen and
 * clear of the (sticky) figure, and the figure stays in view, at least 200 px tall or whole.
 * The same holds when the reader scrolls to the last control by hand.
 */
import { expect, test, type Locator } from '@playwright/test';
import { startWidget } from '../support/browser.ts';
import { site } from '../support/site.ts';

const { widgets } = site();

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

for (const w of widgets.filter((x) => x.page.chapter)) {
  test(`${w.label}: figure and control on screen together on a phone`, async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto(w.page.url);
    const root = await startWidget(page, w);
    const controls = root.locator('.widget-controls :is(input, select, button, textarea):visible:not([disabled])');
    const n = await controls.count();
    expect(n, 'the widget has controls').toBeGreaterThan(0);
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
    expect(found, 'the figure and the control in use read together').toEqual([]);
  });
}

for (const w of widgets.filter((x) => x.page.chapter)) {
  test(`${w.label}: several charts are a row the pager steps through on a phone`, async ({ page }) => {
    await page.goto(w.page.url);
    const root = await startWidget(page, w);
    const charts = await root.locator('.widget-figure > *').count();
    const pager = root.locator('.widget-pager');
    if (charts < 2) {
      await expect(pager, 'one chart needs no pager').toBeHidden();
      return;
    }
    await expect(pager.locator('.widget-pager-status')).toHaveText(`Chart 1 of ${charts}`);
    const figure = root.locator('.widget-figure');
    const height = await figure.evaluate((f) => f.getBoundingClientRect().height);
    expect(height, 'the row is one chart high, not a stack').toBeLessThan(480);
    await pager.getByRole('button', { name: 'Next chart' }).click();
    await expect(pager.locator('.widget-pager-status')).toHaveText(`Chart 2 of ${charts}`);
    // The row scrolls smoothly (unless the reader asks for reduced motion), so wait for it to settle.
    await expect
      .poll(
        () =>
          figure.evaluate((f) => {
            const c = (f.children[1] as Element).getBoundingClientRect();
            const r = f.getBoundingClientRect();
            return Math.abs(c.left - r.left) < r.width / 4;
          }),
        { message: 'the second chart is the one showing' },
      )
      .toBe(true);
  });
}

for (const chapter of site().pages.filter((p) => p.chapter)) {
  test(`${chapter.label}: wide formulas scroll visibly and by keyboard on a phone`, async ({ page }) => {
    await page.goto(chapter.url);
    // Solutions too: open every <details> in the chapter.
    await page.evaluate(() => document.querySelectorAll('.chapter-body details').forEach((d) => ((d as HTMLDetailsElement).open = true)));
    const formulas = page.locator('.chapter-body .katex-display');
    const n = await formulas.count();
    const bad: string[] = [];
    let wide = 0;
    for (let i = 0; i < n; i++) {
      const f = formulas.nth(i);
      await f.evaluate((el) => el.scrollIntoView({ block: 'center', behavior: 'instant' }));
      // Measured and marked by the page's script once near the viewport.
      const state = await f.evaluate(async (el) => {
        for (let i = 0; i < 4; i++) await new Promise((r) => requestAnimationFrame(r));
        return {
          overflow: el.scrollWidth - el.clientWidth,
          tabindex: el.getAttribute('tabindex'),
          name: el.getAttribute('aria-label'),
          cue: getComputedStyle(el).backgroundImage.includes('gradient'),
        };
      });
      if (state.overflow <= 1) continue;
      wide += 1;
      if (state.tabindex !== '0' || !state.name) bad.push(`formula ${i + 1} overflows by ${state.overflow} px but is not a keyboard stop`);
      if (!state.cue) bad.push(`formula ${i + 1} overflows with no scroll cue`);
    }
    test.info().annotations.push({ type: 'wide formulas at 390 px', description: `${wide} of ${n}` });
    expect(bad).toEqual([]);
  });
}
