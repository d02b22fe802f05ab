/**
 * Gate 7: with `prefers-reduced-motion: reduce`, nothing moves without input. Each widget is
 * started (scrolled into view), left alone until any computation it runs has finished (no `<progress>`
 * below its max) and its figure has held still for six frames (at most 3 s), then its figure and
 * readouts are snapshotted twice, 0.5 s apart (30 frames): they must be equal.
 * The page's running CSS/Web animations are checked too (none may be long or infinite).
 */
import type { Locator, Page } from '@playwright/test';
import { finding, WIDGET_SELECTOR, type Finding } from './config.ts';
import { light, scrollUntilReady } from '../../tests/support/browser.ts';
import { widgetName } from './widgets.ts';

/** The figure's markup and every readout except a progress readout. Runs in the browser. */
function snapshotWidget(root: Element): string {
  const figure = [...root.querySelectorAll('.widget-figure')].map((e) => e.innerHTML).join('\n');
  const readouts = [...root.querySelectorAll('output, [data-out]')]
    .filter((e) => !e.closest('[data-progress]') && !(e instanceof HTMLOutputElement && e.htmlFor.length > 0 && e.htmlFor.value.includes('progress')))
    .map((e) => e.textContent ?? '');
  return [figure, ...readouts].join('\n\u0000');
}

/** True while the widget is busy (`aria-busy`, e.g. waiting for a run's first report) or a visible `<progress>` in it is below its maximum. Runs in the browser. */
function computing(root: Element): boolean {
  return (
    root.getAttribute('aria-busy') === 'true' ||
    [...root.querySelectorAll('progress')].some((p) => p.checkVisibility() && (!p.hasAttribute('value') || p.value < p.max))
  );
}

/** Running animations that are infinite or last more than 1 s. Runs in the browser. */
function longAnimations(): string[] {
  return document
    .getAnimations()
    .filter((a) => a.playState === 'running')
    .filter((a) => {
      const t = a.effect?.getComputedTiming();
      return !t || t.endTime === Infinity || Number(t.endTime) > 1000;
    })
    .map((a) => {
      const target = a.effect instanceof KeyframeEffect ? a.effect.target : null;
      const name = a instanceof CSSAnimation ? a.animationName : a.id || 'animation';
      return `${name} on ${target ? `${target.tagName.toLowerCase()}${target.id ? `#${target.id}` : ''}.${[...target.classList].join('.')}` : '?'}`;
    });
}

async function settle(root: Locator, timeout: number): Promise<boolean> {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    if (!(await root.evaluate(computing))) return true;
    await root.page().waitForTimeout(200);
  }
  return false;
}

/**
 * Wait until the widget's figure and readouts hold still over a few frames (at most `timeout` ms): a widget brought into
 * view finishes the drawing it put off while it was off-screen (e.g. concept-depth draws one chart per frame), which
 * answers the scroll that brought it. A widget that keeps moving never holds still, and the check below catches it.
 */
async function drawn(root: Locator, timeout = 3_000): Promise<void> {
  const twoFrames = (): Promise<void> => root.page().evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
  const end = Date.now() + timeout;
  let last = await root.evaluate(snapshotWidget);
  for (let still = 0; still < 3 && Date.now() < end;) {
    await twoFrames();
    const now = await root.evaluate(snapshotWidget);
    still = now === last ? still + 1 : 0;
    last = now;
  }
}

/** Check one widget: started, settled, drawn, unchanged over `interval` ms. */
async function checkWidget(root: Locator, name: string, interval: number): Promise<Finding[]> {
  if (!(await scrollUntilReady(root))) return [finding('motion', `${name}: never set data-ready`)];
  if (!(await settle(root, 30_000))) return [finding('motion', `${name}: its computation (a <progress>) did not finish within 30 s`)];
  await drawn(root);
  const before = await root.evaluate(snapshotWidget);
  await root.page().waitForTimeout(interval);
  const after = await root.evaluate(snapshotWidget);
  if (before === after) return [];
  return [finding('motion', `${name}: figure or readouts changed within ${interval} ms without input under reduced motion`)];
}

/**
 * Gate 7 for the page already loaded in `page` (whose context has `reducedMotion: 'reduce'`).
 * `interval` is the time between the two snapshots.
 */
export async function motionFindings(page: Page, interval = 500): Promise<Finding[]> {
  const out: Finding[] = [];
  const roots = page.locator(light(WIDGET_SELECTOR));
  for (let i = 0; i < (await roots.count()); i++) {
    const root = roots.nth(i);
    out.push(...(await checkWidget(root, await widgetName(root, i), interval)));
  }
  for (const a of await page.evaluate(longAnimations)) out.push(finding('motion', `running animation under reduced motion: ${a}`));
  return out;
}
