/**
 * Figures read at every width: the smallest text in a widget's figure is at least 11 px as rendered (its font size
 * times the SVG's on-screen scale), and every heatmap has a colour legend of its own with at least three colours and
 * two labels. The one implementation, run where a page already has its widgets started: the audit's main pass (a
 * laptop), tests/e2e/layout.spec.ts (a phone), and tests/e2e/figures.spec.ts (both widths, JavaScript off). Set
 * FIGURES_REPORT=1 to print the smallest text of every widget.
 */
import type { Locator, Page } from '@playwright/test';
import { light } from '../../tests/support/browser.ts';
import { finding, WIDGET_SELECTOR, type Finding } from './config.ts';

/** The smallest figure text a reader should have to read, in CSS pixels as rendered. */
export const MIN_FIGURE_TEXT_PX = 11;

interface Smallest {
  px: number;
  text: string;
}

/** The smallest rendered text in the widget's figure: computed font size × the element's on-screen scale. Runs in the browser. */
function smallestFigureText(root: Element): Smallest | null {
  let best: Smallest | null = null;
  for (const el of root.querySelectorAll('.widget-figure *')) {
    const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && n.nodeValue?.trim()).map((n) => n.nodeValue?.trim() ?? '');
    if (own.length === 0 || el.closest('title, desc, style, script')) continue;
    if (el.getClientRects().length === 0 || !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
    const size = Number.parseFloat(getComputedStyle(el).fontSize);
    const ctm = el instanceof SVGGraphicsElement ? el.getScreenCTM() : null;
    const px = size * (ctm ? Math.hypot(ctm.c, ctm.d) : 1);
    if (!best || px < best.px) best = { px: Math.round(px * 10) / 10, text: own.join(' ').slice(0, 40) };
  }
  return best;
}

/** Heatmaps (marked `.heatmap`, or drawn as crisp-edged fills) in the figure, how many charts with one lack a visible legend of their own, and each legend's swatch colours and labels. Runs in the browser. */
function heatmapLegends(root: Element): { heatmaps: number; missing: number; swatches: number[]; labels: number[] } {
  const figures = [...root.querySelectorAll('.widget-figure svg')].filter((svg) => svg.querySelector('.heatmap, path[shape-rendering="crispEdges"]'));
  const legends = [...root.querySelectorAll('.widget-figure .legend')].filter((l) => l.getClientRects().length > 0);
  const inside = (a: DOMRect, b: DOMRect): boolean => a.left >= b.left - 1 && a.right <= b.right + 1 && a.top >= b.top - 1 && a.bottom <= b.bottom + 1;
  return {
    heatmaps: figures.length,
    missing: figures.filter((svg) => !legends.some((l) => svg.contains(l) && inside(l.getBoundingClientRect(), svg.getBoundingClientRect()))).length,
    swatches: legends.map((l) => new Set([...l.querySelectorAll('.legend-swatch')].map((s) => getComputedStyle(s).fill)).size),
    labels: legends.map((l) => [...l.querySelectorAll('text')].filter((t) => t.textContent?.trim()).length),
  };
}

/** What is hard to read in the figure of the widget at `root`; `where` names the widget, width and phase in messages. */
export async function figureFindings(root: Locator, where: string): Promise<Finding[]> {
  const smallest = await root.evaluate(smallestFigureText);
  if (process.env['FIGURES_REPORT']) console.log(`[figures] ${where}: smallest ${smallest ? `${smallest.px} px “${smallest.text}”` : 'none'}`);
  const out: Finding[] = [];
  if (smallest && smallest.px < MIN_FIGURE_TEXT_PX)
    out.push(finding('widgets', `${where}: the smallest figure text, “${smallest.text}”, is ${smallest.px} px (at least ${MIN_FIGURE_TEXT_PX})`));
  const legends = await root.evaluate(heatmapLegends);
  if (legends.missing > 0) out.push(finding('widgets', `${where}: ${legends.missing} heatmap(s) without a colour legend`));
  if (legends.heatmaps > 0) {
    for (const n of legends.swatches) if (n < 3) out.push(finding('widgets', `${where}: a legend with ${n} distinct colours (at least 3)`));
    for (const n of legends.labels) if (n < 2) out.push(finding('widgets', `${where}: a legend with ${n} text labels (at least 2)`));
  }
  return out;
}

/** `figureFindings` for every widget on the page, as it is now (started or, without JavaScript, static). */
export async function pageFigureFindings(page: Page, phase: string): Promise<Finding[]> {
  const roots = page.locator(light(WIDGET_SELECTOR));
  const width = page.viewportSize()?.width ?? 0;
  const out: Finding[] = [];
  for (let i = 0; i < (await roots.count()); i++) {
    const root = roots.nth(i);
    const id = await root.getAttribute('id');
    out.push(...(await figureFindings(root, `${id ? `#${id}` : `widget ${i + 1}`} at ${width} px, ${phase}`)));
  }
  return out;
}
