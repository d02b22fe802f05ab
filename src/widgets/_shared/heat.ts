import type * as Plot from '@observablehq/plot';
import { grid, type Box } from '../_shared/geometry';
import { HEAT_COLOR } from '../_shared/xor';
import { legendHeight, type RampRow } from './legend';

const LEVELS = 24;

/** `#rrggbb` to `[r, g, b]`. */
function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The heatmap colour of a value, as `HEAT_COLOR` maps it: clamped to `[0, 1]`, linear in RGB through white at ½. */
export function heatColor(value: number): string {
  const [d0, d1, d2] = HEAT_COLOR.domain;
  const t = Math.min(d2, Math.max(d0, Number.isFinite(value) ? value : d1));
  const [lo, hi, u] = t <= d1 ? [0, 1, (t - d0) / (d1 - d0)] : [1, 2, (t - d1) / (d2 - d1)];
  const a = rgb(HEAT_COLOR.range[lo] ?? '#ffffff');
  const b = rgb(HEAT_COLOR.range[hi] ?? '#ffffff');
  return `rgb(${a.map((x, i) => Math.round(x + u * ((b[i] ?? x) - x))).join(' ')})`;
}

/**
 * A heatmap of `f` over `box` on an `n × n` grid, drawn as one SVG path per colour band (values rounded to 1/24)
 * instead of one rectangle per cell: the same picture at a small fraction of the drawing cost, so it can redraw every
 * animation frame while a network trains.
 */
export function heatBands(f: (x: number, y: number) => number, box: Box, n: number): Plot.RenderFunction {
  return (_index, scales, _values, _dim, context) => {
    const sx = scales.x ?? ((x: number) => x);
    const sy = scales.y ?? ((y: number) => y);
    const bands = new Map<number, string[]>();
    for (const c of grid(f, box, n)) {
      const level = Math.round(Math.min(1, Math.max(0, Number.isFinite(c.value) ? c.value : 0.5)) * LEVELS);
      const [x1, x2, y1, y2] = [sx(c.x1), sx(c.x2), sy(c.y2), sy(c.y1)].map((p) => Math.round(Number(p)));
      const list = bands.get(level) ?? [];
      list.push(`M${x1},${y1}h${(x2 ?? 0) - (x1 ?? 0)}v${(y2 ?? 0) - (y1 ?? 0)}h${(x1 ?? 0) - (x2 ?? 0)}z`);
      bands.set(level, list);
    }
    const ns = 'http://www.w3.org/2000/svg';
    const g = context.document.createElementNS(ns, 'g');
    g.setAttribute('class', 'heatmap');
    for (const [level, parts] of bands) {
      const path = context.document.createElementNS(ns, 'path');
      path.setAttribute('d', parts.join(''));
      path.setAttribute('fill', heatColor(level / LEVELS));
      path.setAttribute('shape-rendering', 'crispEdges');
      g.append(path);
    }
    return g as unknown as SVGElement;
  };
}

/** Swatches in the heatmap's legend: `0, ⅛, …, 1`, so the middle one is the white of ½. */
const LEGEND_STEPS = 9;

/**
 * The legend row of a `HEAT_COLOR` heatmap of `title` (e.g. `ŷ`): its colours from 0 to 1, labelled at the ends and
 * at ½; values beyond are drawn as the end colours, hence `≤ 0` and `≥ 1`.
 */
export function heatLegendRow(title: string): RampRow {
  const fills = Array.from({ length: LEGEND_STEPS }, (_, i) => heatColor(i / (LEGEND_STEPS - 1)));
  const last = LEGEND_STEPS - 1;
  return {
    kind: 'ramp',
    title,
    fills,
    labels: [
      { at: 0, text: '≤ 0' },
      { at: last / 2, text: '0.5' },
      { at: last, text: '≥ 1' },
    ],
  };
}

/** The height a heat legend adds to a chart's bottom margin. */
export function heatLegendHeight(): number {
  return legendHeight([heatLegendRow('')]);
}

/**
 * A grid of `n × n` cells (row-major from the bottom-left) as one SVG path per key: each row's runs of cells with the
 * same `key(cell)` become one rectangle. `xs` and `ys` are the `n + 1` cell edges in pixels (left to right, bottom to
 * top). A heatmap of a few colours then costs a few `<path>` elements, however fine the grid.
 */
export function gridPaths(n: number, key: (cell: number) => number, xs: readonly number[], ys: readonly number[]): Map<number, string> {
  const parts = new Map<number, string[]>();
  for (let j = 0; j < n; j++) {
    let i = 0;
    while (i < n) {
      const k = key(j * n + i);
      let e = i + 1;
      while (e < n && key(j * n + e) === k) e++;
      const [x1, x2, y1, y2] = [xs[i] ?? 0, xs[e] ?? 0, ys[j + 1] ?? 0, ys[j] ?? 0];
      const list = parts.get(k) ?? [];
      list.push(`M${x1},${y1}h${x2 - x1}v${y2 - y1}h${x1 - x2}z`);
      parts.set(k, list);
      i = e;
    }
  }
  return new Map([...parts].map(([k, list]) => [k, list.join('')]));
}
