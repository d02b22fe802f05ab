/**
 * Gate 1: axe-core (WCAG 2.0/2.1/2.2, A and AA) on the page as it is now, in one or both
 * colour schemes. Run it after the widgets have started and their controls were used.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { AXE_TAGS, finding, type Finding } from './config.ts';

/** The axe rules whose outcome depends on colours: the only ones re-run in the dark scheme. */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * KaTeX's visual rendering of each formula: `aria-hidden` glyph boxes (over half the elements of a chapter, which
 * halves axe's time) beside the MathML that assistive technology reads, which axe does check. Its glyphs take the
 * colour of the text around them, which axe checks; `katexColourFindings` makes sure no formula sets a colour.
 */
const KATEX_VISUAL = '.katex-html';

/**
 * Reduce KaTeX's visual layer to its line metrics before axe runs: each `.base` (a run of glyphs on one line) keeps its
 * box — width, height above and below the baseline — as one empty strut, and loses its glyphs. The layer is aria-hidden
 * and excluded from axe anyway; but axe still walks and matches every excluded element, and on a chapter those are over
 * half of its 27,000 elements: thinned, axe in both schemes takes 6.4 s instead of 14.3 s (softmax-gradients, alone).
 * Nothing else on the page moves: every formula's box is compared before and after, and if any moved by a tenth of a
 * pixel the glyphs are put back. Runs in the browser. The page is changed for good: the main pass runs axe last.
 */
function thinKatexVisualLayer(selector: string): void {
  const formulas = [...document.querySelectorAll('.katex')];
  const boxes = (): string[] =>
    formulas.map((k) => {
      const r = k.getBoundingClientRect();
      return [r.left, r.top, r.width, r.height].map((x) => x.toFixed(1)).join();
    });
  const before = boxes();
  const bases = [...document.querySelectorAll<HTMLElement>(`${selector} .base`)];
  const shapes = bases.map((base) => {
    const strut = base.querySelector<HTMLElement>(':scope > .strut');
    if (!strut) return undefined;
    const r = base.getBoundingClientRect();
    // A strut's bottom is its `vertical-align` (a negative length, or none) below the baseline.
    const baseline = strut.getBoundingClientRect().bottom + (parseFloat(getComputedStyle(strut).verticalAlign) || 0);
    return { width: r.width, up: baseline - r.top, down: r.bottom - baseline };
  });
  const glyphs = bases.map((base) => [...base.childNodes]);
  bases.forEach((base, i) => {
    const shape = shapes[i];
    if (!shape) return;
    const strut = document.createElement('span');
    strut.style.cssText = `display:inline-block;height:${shape.up + shape.down}px;vertical-align:${-shape.down}px`;
    base.replaceChildren(strut);
    base.style.width = `${shape.width}px`;
  });
  const after = boxes();
  if (before.every((b, i) => b === after[i])) return;
  bases.forEach((base, i) => {
    base.replaceChildren(...(glyphs[i] ?? []));
    base.style.width = '';
  });
}

/** A formula that sets its own colour (e.g. `\\color`) would escape the contrast check: refuse it. */
export async function katexColourFindings(page: Page): Promise<Finding[]> {
  // `\\phantom` makes its glyphs transparent: spacing, not coloured text.
  const coloured = await page.locator(`${KATEX_VISUAL} [style*="color"]:not([style*="color:transparent"])`).count();
  return coloured === 0
    ? []
    : [finding('axe', `${coloured} KaTeX glyph(s) set their own colour; axe skips KaTeX's visual layer, so formulas must not colour text`)];
}

/** axe runs in legacy mode (see axeFindings), which audits frames only of the page's own origin: refuse any frame. */
export async function frameFindings(page: Page): Promise<Finding[]> {
  const frames = page.frames().length - 1;
  return frames === 0 ? [] : [finding('axe', `the page has ${frames} frame(s); axe runs in legacy mode (axe.ts), which may not audit them`)];
}

/**
 * One finding per violating element: rule, impact, CSS selector, and axe's summary.
 * `rules` runs just those rules instead of every rule with the WCAG A/AA tags.
 */
export async function axeFindings(page: Page, label = '', rules?: string[], exclude: readonly string[] = []): Promise<Finding[]> {
  // Only violations are reported, so axe details only those (passes and incomplete results are still
  // evaluated, not described: describing every passing node of a chapter took about a third of the run).
  // Legacy mode runs axe.run() in the page itself; the default runs axe.runPartial() and sends every node's
  // result to a new blank page for axe.finishRun(), which only matters for pages with cross-origin frames,
  // and the site's pages have no frames at all (frameFindings checks that).
  const base = new AxeBuilder({ page }).setLegacyMode().options({ resultTypes: ['violations'] });
  // withRules and withTags exclude each other; the colour rules are all WCAG AA rules.
  const builder = (rules ? base.withRules(rules) : base.withTags(AXE_TAGS)).exclude(KATEX_VISUAL);
  for (const selector of exclude) builder.exclude(selector);
  const results = await builder.analyze();
  const out: Finding[] = [];
  for (const v of results.violations) {
    for (const node of v.nodes) {
      const target = node.target.map((t) => (Array.isArray(t) ? t.join(' >> ') : String(t))).join(' | ');
      const summary = (node.failureSummary ?? v.help).replace(/\s+/g, ' ').slice(0, 220);
      out.push(finding('axe', `${label ? `[${label}] ` : ''}${v.id} (${v.impact ?? 'n/a'}) at ${target}: ${summary}`));
    }
  }
  return out;
}

/** Wait two animation frames, so style changes (e.g. a colour-scheme switch) are painted. */
export async function nextFrames(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/**
 * axe in the light and in the dark colour scheme (the page is left in light): every rule in
 * light, the colour rules again in dark (both together take about 6 s on a 27,000-element chapter).
 * A violation found in both schemes is reported once, labelled `[light+dark]`. `exclude` leaves
 * out elements by selector. KaTeX's visual layer is thinned first (`thinKatexVisualLayer`), so the page is left changed.
 */
export async function axeBothSchemes(page: Page, exclude: readonly string[] = []): Promise<Finding[]> {
  const colours = await katexColourFindings(page);
  await page.evaluate(thinKatexVisualLayer, KATEX_VISUAL);
  const schemes = new Map<string, string[]>();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await nextFrames(page);
    for (const f of await axeFindings(page, '', scheme === 'light' ? undefined : COLOUR_RULES, exclude))
      schemes.set(f.message, [...(schemes.get(f.message) ?? []), scheme]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return [...(await frameFindings(page)), ...colours, ...[...schemes].map(([message, where]) => finding('axe', `[${where.join('+')}] ${message}`))];
}
