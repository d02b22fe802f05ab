import type * as Plot from '@observablehq/plot';
import { FIGURE_FONT } from './plot-dom';

/**
 * Colour legends drawn inside a chart, at the bottom of its bottom margin (below the x axis), so the build-time
 * SVG and the live chart carry the same key at the same text size. Swatches have a faint `currentColor` rim, so
 * the palest colours still show against the page in light and dark themes. Give the chart
 * `marginBottom: its own margin + legendHeight(rows)`.
 */

/** A colour ramp: swatches left to right, with labels under some of them, e.g. `≤ 0`, `0.5`, `≥ 1`. */
export interface RampRow {
  kind: 'ramp';
  title: string;
  fills: readonly string[];
  /** Labels under swatch `at` (0-based). */
  labels: ReadonlyArray<{ at: number; text: string }>;
}

/** Named colours: a swatch and a label each, e.g. one per class. */
export interface ItemsRow {
  kind: 'items';
  title: string;
  items: ReadonlyArray<{ fill: string; label: string }>;
}

export type LegendRow = RampRow | ItemsRow;

const SWATCH_H = 12;
const LABEL_H = FIGURE_FONT + 4;
const GAP = 6;

/** A generous estimate of a label's width at `FIGURE_FONT` (no text measuring at build time). */
export function textWidth(text: string): number {
  return Math.ceil(text.length * FIGURE_FONT * 0.62);
}

/** The height one row takes: a ramp has its labels under the swatches. */
function rowHeight(row: LegendRow): number {
  return row.kind === 'ramp' ? SWATCH_H + LABEL_H + GAP : Math.max(SWATCH_H, LABEL_H) + GAP;
}

/** The height of the legend, to add to the chart's bottom margin. */
export function legendHeight(rows: readonly LegendRow[]): number {
  return rows.reduce((h, r) => h + rowHeight(r), 4);
}

type Attrs = Record<string, string | number>;

/** A legend of one or more rows, left-aligned at `x` (default: the chart's left margin), at the bottom of the chart. */
export function legend(rows: readonly LegendRow[], { x }: { x?: number } = {}): Plot.RenderFunction {
  return (_index, _scales, _values, dim, context) => {
    const doc = context.document;
    const ns = 'http://www.w3.org/2000/svg';
    const g = doc.createElementNS(ns, 'g');
    g.setAttribute('class', 'legend');
    const add = (tag: string, attrs: Attrs, text?: string): void => {
      const node = doc.createElementNS(ns, tag);
      for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
      if (text !== undefined) node.textContent = text;
      g.append(node);
    };
    const left = x ?? dim.marginLeft;
    const right = dim.width - dim.marginRight;
    let y = dim.height - legendHeight(rows) + 4;
    for (const row of rows) {
      const titleW = textWidth(row.title) + 8;
      add('text', { x: left, y: y + SWATCH_H / 2, dy: '0.35em', 'text-anchor': 'start', fill: 'currentColor' }, row.title);
      const x0 = left + titleW;
      if (row.kind === 'ramp') drawRamp(row, x0, Math.max(x0 + 8 * row.fills.length, right), y, add);
      else drawItems(row, x0, y, add);
      y += rowHeight(row);
    }
    return g as unknown as SVGElement;
  };
}

const rim = { stroke: 'currentColor', 'stroke-opacity': 0.45, 'stroke-width': 1 };

function drawRamp(row: RampRow, x0: number, x1: number, y: number, add: (tag: string, a: Attrs, t?: string) => void): void {
  const w = (x1 - x0) / row.fills.length;
  row.fills.forEach((fill, i) => add('rect', { class: 'legend-swatch', x: x0 + i * w, y, width: w, height: SWATCH_H, fill, ...rim }));
  const last = row.fills.length - 1;
  for (const { at, text } of row.labels) {
    const anchor = at === 0 ? 'start' : at === last ? 'end' : 'middle';
    const cx = at === 0 ? x0 : at === last ? x1 : x0 + (at + 0.5) * w;
    add('text', { x: cx, y: y + SWATCH_H + 2, dy: '0.71em', 'text-anchor': anchor, fill: 'currentColor' }, text);
  }
}

function drawItems(row: ItemsRow, x0: number, y: number, add: (tag: string, a: Attrs, t?: string) => void): void {
  let x = x0;
  for (const { fill, label } of row.items) {
    add('rect', { class: 'legend-swatch', x, y, width: SWATCH_H * 1.5, height: SWATCH_H, fill, ...rim });
    add('text', { x: x + SWATCH_H * 1.5 + 4, y: y + SWATCH_H / 2, dy: '0.35em', 'text-anchor': 'start', fill: 'currentColor' }, label);
    x += SWATCH_H * 1.5 + 4 + textWidth(label) + 10;
  }
}
