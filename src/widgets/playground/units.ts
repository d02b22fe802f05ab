/**
 * Thumbnails of the hidden units: each unit's output over the plotted square, a small SVG per unit drawn from a
 * coarse grid (`UNIT_GRID`), one `<path>` per colour level. Plain markup, no Plot: the same string is the build-time
 * figure and the live one, and redrawing all of them costs about as much as one chart.
 */
import { gridPaths } from '../_shared/heat';
import { tint } from './regions';
import { unitText } from './text';
import type { Units } from './view';

/** A thumbnail's side in pixels. */
export const THUMB = 45;
/** Colour levels on each side of zero. */
const LEVELS = 4;
/** Positive outputs orange, negative blue (Okabe–Ito), white at zero. */
const POSITIVE = '#E69F00';
const NEGATIVE = '#0072B2';

/** The colour level of an output `x` on a unit whose largest output in size is `scale`: `−LEVELS … LEVELS`. */
export function unitLevel(x: number, scale: number): number {
  if (!(scale > 0) || !Number.isFinite(x)) return 0;
  return Math.max(-LEVELS, Math.min(LEVELS, Math.round((LEVELS * x) / scale)));
}

/** The fill of a level: white at 0, the full orange or blue at `±LEVELS`. */
export function levelFill(level: number): string {
  return level === 0 ? 'rgb(255 255 255)' : tint(level > 0 ? POSITIVE : NEGATIVE, Math.abs(level) / LEVELS);
}

/** One unit's thumbnail: an SVG of `THUMB` pixels with its description as its title. */
export function thumbSvg(units: Units, layer: number, unit: number): string {
  const l = units.layers[layer];
  if (!l) return '';
  const n = units.n;
  const at = (c: number): number => l.values[c * l.count + unit] ?? 0;
  let scale = 0;
  for (let c = 0; c < n * n; c++) scale = Math.max(scale, Math.abs(at(c)));
  const xs = Array.from({ length: n + 1 }, (_, i) => Math.round((i * THUMB) / n));
  const ys = xs.map((x) => THUMB - x);
  const paths = [...gridPaths(n, (c) => unitLevel(at(c), scale), xs, ys)].map(([k, d]) => `<path fill="${levelFill(k)}" d="${d}"/>`);
  const title = `Hidden layer ${layer + 1}, ${unitText(units, layer, unit)}`;
  return `<svg class="playground-unit" width="${THUMB}" height="${THUMB}" viewBox="0 0 ${THUMB} ${THUMB}" shape-rendering="crispEdges"><title>${title}</title>${paths.join('')}<rect width="${THUMB}" height="${THUMB}" fill="none" stroke="currentColor" stroke-opacity="0.3"/></svg>`;
}

/** All thumbnails, one row per hidden layer with its name, as markup (empty with no hidden layer). */
export function unitsMarkup(units: Units): string {
  return units.layers
    .map((l, i) => {
      const thumbs = Array.from({ length: l.count }, (_, u) => thumbSvg(units, i, u)).join('');
      return `<div class="playground-units-row"><span class="playground-units-label">layer ${i + 1}</span>${thumbs}</div>`;
    })
    .join('');
}
