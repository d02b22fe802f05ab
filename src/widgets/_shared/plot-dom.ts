/** The space a figure has: its container's content width in CSS pixels. */
export interface FigureLayout {
  width: number;
}

/** Figure text size in CSS pixels: charts are drawn at most as wide as their container, so text never renders smaller. */
export const FIGURE_FONT = 12;

/**
 * The width a build-time chart is laid out for: a phone's figure column. A static chart scales down with its
 * container; at this width its text stays at least 11 px in any container of 294 px (`320 · 11/12`) or more.
 */
export const STATIC_WIDTH = 320;

/** A chart's width: the space available (`STATIC_WIDTH` at build time), at most `max` and at least `min` pixels. */
export function chartWidth(layout: FigureLayout | undefined, max: number, min = 240): number {
  return Math.round(Math.max(min, Math.min(max, layout?.width ?? STATIC_WIDTH)));
}

/** The width a figure container offers its charts: its inner width, padding excluded (live only). */
export function contentWidth(container: Element): number {
  const style = getComputedStyle(container);
  return container.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
}

/**
 * Make a chart Plot has just drawn fit the page: drop its inline `<style>` element (the site
 * stylesheet carries those rules, and the CSP allows no inline style elements) and the
 * `aria-label`s it puts on role-less groups (ARIA forbids them there; the figure's name and
 * description come from the widget's `role="img"` container instead), and set its text to
 * `FIGURE_FONT` (Plot draws 10 px).
 */
export function tidyPlot<E extends Element>(el: E): E {
  el.querySelector('style')?.remove();
  for (const node of el.querySelectorAll('[aria-label]')) if (!node.hasAttribute('role')) node.removeAttribute('aria-label');
  if (!el.hasAttribute('role')) el.removeAttribute('aria-label');
  el.setAttribute('aria-hidden', 'true');
  const svg = el.tagName.toLowerCase() === 'svg' ? el : el.querySelector('svg');
  if (svg?.getAttribute('font-size') === '10') svg.setAttribute('font-size', String(FIGURE_FONT));
  return el;
}
