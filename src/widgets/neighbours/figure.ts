/**
 * The neighbours figure: 40 frequent words of four kinds placed by the two principal axes of their rows of E, with the
 * query and its neighbours (or an analogy's a, b, c, the point a − b + c and its answers) placed on the same axes.
 * Drawn from precomputed points, so the same function draws the build-time SVG and the live chart.
 */
import * as Plot from '@observablehq/plot';
import { chartWidth, type FigureLayout } from '../_shared/plot-dom';
import { legend, legendHeight, type LegendRow } from '../_shared/legend';
import { KINDS, type Kind } from './model';

const STYLE: Record<Kind, { fill: string; symbol: string }> = {
  numbers: { fill: 'var(--series-a, #2563c9)', symbol: 'circle' },
  people: { fill: 'var(--series-b, #c2410c)', symbol: 'diamond' },
  'past verbs': { fill: 'var(--series-c, #1f7a4a)', symbol: 'square' },
  'the sea': { fill: 'var(--series-d, #7c3aad)', symbol: 'triangle' },
};

export interface Point {
  word: string;
  x: number;
  y: number;
}
export interface KindPoint extends Point {
  kind: Kind;
}

/** What is highlighted: the query (a word, or the point a − b + c) and the words found for it. */
export interface Highlight {
  query: Point;
  /** For an analogy: a, b and c, drawn as b → a and c → (a − b + c). */
  inputs?: [Point, Point, Point];
  found: Point[];
}

export interface NeighboursFigure {
  base: readonly KindPoint[];
  highlight: Highlight | null;
}

const rows: LegendRow[] = [{ kind: 'items', title: 'Words:', items: (Object.keys(KINDS) as Kind[]).map((k) => ({ fill: STYLE[k].fill, label: k })) }];

function highlightMarks(h: Highlight): Plot.Markish[] {
  const links = h.found.map((p) => ({ x1: h.query.x, y1: h.query.y, x2: p.x, y2: p.y }));
  const marks: Plot.Markish[] = [Plot.link(links, { x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2', stroke: 'currentColor', strokeOpacity: 0.35 })];
  if (h.inputs) {
    const [a, b, c] = h.inputs;
    const arrows = [
      { x1: b.x, y1: b.y, x2: a.x, y2: a.y },
      { x1: c.x, y1: c.y, x2: h.query.x, y2: h.query.y },
    ];
    marks.push(Plot.arrow(arrows, { x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2', stroke: 'currentColor', strokeWidth: 1.5, headLength: 8 }));
    marks.push(Plot.dot(h.inputs, { x: 'x', y: 'y', r: 4, fill: 'currentColor' }));
    marks.push(Plot.text(h.inputs, { x: 'x', y: 'y', text: 'word', dy: -10, fontWeight: 'bold', fill: 'currentColor' }));
  }
  marks.push(
    Plot.dot(h.found, { x: 'x', y: 'y', r: 6, stroke: 'currentColor', strokeWidth: 2, fill: 'none' }),
    Plot.text(h.found, { x: 'x', y: 'y', text: 'word', dy: 12, fontWeight: 'bold', fill: 'currentColor' }),
    Plot.dot([h.query], { x: 'x', y: 'y', r: 7, symbol: 'star', fill: 'currentColor' }),
    Plot.text([h.query], { x: 'x', y: 'y', text: 'word', dy: -12, fontWeight: 'bold', fill: 'currentColor' }),
  );
  return marks;
}

/** The scatter of the 40 words, with the highlight on top. */
export function neighboursFigure(f: NeighboursFigure, layout?: FigureLayout): Plot.PlotOptions {
  const width = chartWidth(layout, 640, 280);
  return {
    className: 'plot',
    width,
    height: Math.round(width * 0.75) + legendHeight(rows),
    marginBottom: 8 + legendHeight(rows),
    inset: 16,
    x: { axis: null },
    y: { axis: null },
    marks: [
      Plot.frame({ stroke: 'currentColor', strokeOpacity: 0.2 }),
      Plot.dot(f.base, { x: 'x', y: 'y', r: 3.5, fill: (d: KindPoint) => STYLE[d.kind].fill, symbol: (d: KindPoint) => STYLE[d.kind].symbol }),
      Plot.text(f.base, { x: 'x', y: 'y', text: 'word', dx: 6, textAnchor: 'start', fill: 'currentColor', fillOpacity: 0.75 }),
      ...(f.highlight ? highlightMarks(f.highlight) : []),
      legend(rows),
    ],
  };
}
