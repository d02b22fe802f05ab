import type * as Plot from '@observablehq/plot';
import { gridPaths } from '../_shared/heat';
import { CLASS_COLORS } from './network';
import { BOX, GRID, type Regions } from './view';

/** Confidence bands per class: the heatmap has at most `classes × BANDS` colours, one SVG path each. */
export const BANDS = 4;

/** `#rrggbb` mixed with white: `a = 0` is white, `a = 1` the colour itself. */
export function tint(hex: string, a: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const mix = (c: number): number => Math.round(255 + a * (c - 255));
  return `rgb(${mix((n >> 16) & 255)} ${mix((n >> 8) & 255)} ${mix(n & 255)})`;
}

/** The band of a probability `p` among `k` classes: `p = 1/k` (a tie) is band 0, `p → 1` (certain) the last band. */
export function band(p: number, k: number): number {
  const t = (p - 1 / k) / (1 - 1 / k);
  return Math.max(0, Math.min(BANDS - 1, Math.floor((Number.isFinite(t) ? t : 0) * BANDS)));
}

/** The fill of class `c` in band `b`: pale where the network is unsure, stronger where it is sure (never dark). */
export function bandFill(c: number, b: number): string {
  return tint(CLASS_COLORS[c] ?? '#777777', 0.1 + 0.09 * b);
}

/**
 * The decision regions as one path per (class, band), in pixels: each grid row's runs of equal cells become one
 * rectangle, so a redraw builds a few dozen `d` strings instead of two thousand elements.
 */
export function regionPaths(r: Regions, k: number, sx: (x: number) => number, sy: (y: number) => number): Array<{ fill: string; d: string }> {
  const step = (BOX[1] - BOX[0]) / GRID;
  const xs = Array.from({ length: GRID + 1 }, (_, i) => Math.round(sx(BOX[0] + i * step)));
  const ys = Array.from({ length: GRID + 1 }, (_, j) => Math.round(sy(BOX[0] + j * step)));
  const paths = gridPaths(GRID, (c) => (r.cls[c] ?? 0) * BANDS + band(r.conf[c] ?? 0, k), xs, ys);
  return [...paths].map(([key, d]) => ({ fill: bandFill(Math.floor(key / BANDS), key % BANDS), d }));
}

/** Fill `g` with the region paths (replacing what it held): a handful of `<path>` elements. */
export function fillRegions(g: Element, r: Regions, k: number, sx: (x: number) => number, sy: (y: number) => number): void {
  const doc = g.ownerDocument;
  const paths = regionPaths(r, k, sx, sy).map(({ fill, d }) => {
    const path = doc.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', d);
    path.setAttribute('fill', fill);
    path.setAttribute('shape-rendering', 'crispEdges');
    return path;
  });
  g.replaceChildren(...paths);
}

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Class of the regions' `<g>`, so a live chart can refill it without redrawing the rest. */
export const REGIONS_CLASS = 'playground-regions';

/** A Plot render mark drawing the regions with the chart's own scales, in a `<g class="playground-regions">`. */
export function regionsMark(r: Regions, k: number): Plot.RenderFunction {
  return (_index, scales, _values, _dim, context) => {
    const sx = scales.x ?? ((x: number) => x);
    const sy = scales.y ?? ((y: number) => y);
    const g = context.document.createElementNS(SVG_NS, 'g');
    g.setAttribute('class', REGIONS_CLASS);
    fillRegions(
      g,
      r,
      k,
      (x) => Number(sx(x)),
      (y) => Number(sy(y)),
    );
    return g as unknown as SVGElement;
  };
}
