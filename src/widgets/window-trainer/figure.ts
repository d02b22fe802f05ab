import * as Plot from '@observablehq/plot';
import { STATIC_WIDTH, tidyPlot, type FigureLayout } from '../_shared/plot-dom';
import { legend, legendHeight, type LegendRow } from '../_shared/legend';
import { categoryColor, categorySymbol } from '../_shared/palette';
import { CATEGORIES } from './grammar';
import type { HistoryPoint, WindowView } from './view';

/** Grammar words always labelled in the projection: pairs of the analogies and a few of every category. */
export const LABELLED = new Set([
  ...['cat', 'cats', 'dog', 'dogs', 'king', 'queen', 'man', 'woman', 'eats', 'eat', 'runs', 'run'],
  ...['bread', 'grass', 'field', 'river', 'the', 'these', 'big', 'happy', 'to', 'through', '.', 'said'],
]);
/** Words of the text labelled: the most frequent ones, and a few of the novel's own. */
const TEXT_LABELS = 30;
const TEXT_WORDS = new Set(['whale', 'ahab', 'sea', 'ship', 'boat', 'man', 'old', 'captain', 'white', 'sperm']);
/** The text's single dot colour (the book's first series colour). */
const TEXT_INK = 'var(--series-a, #2563c9)';
const LOSS_INK = '#0072B2';
const PURITY_INK = '#D55E00';

/** Chart sizes: the projection square and the curves column side by side when there is room, stacked otherwise. */
export function sizesFor(layout?: FigureLayout): { square: number; curves: number } {
  const w = layout?.width ?? STATIC_WIDTH + 16;
  if (w < 600) return { square: Math.max(260, Math.min(440, w - 16)), curves: Math.max(240, Math.min(440, w - 16)) };
  const square = Math.max(300, Math.min(460, w - 300));
  return { square, curves: Math.max(240, Math.min(320, w - square - 40)) };
}

/** The categories' legend: two per row, so it fits a phone's width. */
export function categoryLegend(): LegendRow[] {
  const items = [...CATEGORIES.map((c, i) => ({ fill: categoryColor(i), label: c })), { fill: categoryColor(-1), label: 'other' }];
  return Array.from({ length: Math.ceil(items.length / 2) }, (_, r) => ({
    kind: 'items' as const,
    title: r === 0 ? 'category' : '',
    items: items.slice(2 * r, 2 * r + 2),
  }));
}

interface Dot {
  x: number;
  y: number;
  word: string;
  c: number;
}

/** The drawn words with their coordinates and categories. */
export function dots(view: WindowView): Dot[] {
  return view.words.map((word, i) => ({ x: view.points[2 * i] ?? 0, y: view.points[2 * i + 1] ?? 0, word, c: view.category?.[i] ?? -1 }));
}

function labelled(view: WindowView, d: Dot, i: number): boolean {
  return view.category ? LABELLED.has(d.word) : i < TEXT_LABELS || TEXT_WORDS.has(d.word);
}

/** A symmetric domain around 0 that holds every point (principal coordinates are centred). */
function extent(values: number[]): [number, number] {
  const m = Math.max(1e-6, ...values.map(Math.abs)) * 1.08;
  return [-m, m];
}

/** The 2-D principal-component projection of the drawn words' rows of E, coloured by category on the grammar. */
export function projectionChart(view: WindowView, layout?: FigureLayout): Plot.PlotOptions {
  const size = sizesFor(layout).square;
  const rows = view.category ? categoryLegend() : [];
  const bottom = 30 + legendHeight(rows);
  const data = dots(view);
  const text = data.filter((d, i) => labelled(view, d, i));
  const fill = (d: Dot): string => (view.category ? categoryColor(d.c) : TEXT_INK);
  return {
    className: 'plot',
    width: size,
    height: size - 30 + bottom,
    marginLeft: 20,
    marginRight: 12,
    marginTop: 12,
    marginBottom: bottom,
    x: { domain: extent(data.map((d) => d.x)), label: 'principal component 1', ticks: [], labelAnchor: 'center', labelOffset: 22 },
    y: { domain: extent(data.map((d) => d.y)), label: 'component 2', ticks: [], labelAnchor: 'center' },
    marks: [
      Plot.frame({ stroke: 'currentColor', strokeOpacity: 0.3 }),
      Plot.dot(data, {
        x: 'x',
        y: 'y',
        r: 3.5,
        fill,
        symbol: (d: Dot) => categorySymbol(view.category ? d.c : 0),
        stroke: 'currentColor',
        strokeWidth: 0.5,
        strokeOpacity: 0.6,
      }),
      Plot.text(text, { x: 'x', y: 'y', text: 'word', dy: -8, fill: 'currentColor', stroke: 'var(--surface, white)', strokeWidth: 3, paintOrder: 'stroke' }),
      legend(rows),
    ],
  };
}

/** One small chart over the steps: the held-out loss, or purity@5 with the chance level dashed. */
export function curveChart(history: readonly HistoryPoint[], metric: 'loss' | 'purity', layout?: FigureLayout, chance?: number): Plot.PlotOptions {
  const last = history.at(-1)?.step ?? 0;
  const points = metric === 'loss' ? history : history.filter((h) => h.purity !== null);
  const top = metric === 'loss' ? Math.max(0.5, ...history.map((h) => h.loss)) : 1;
  return {
    className: 'plot',
    width: sizesFor(layout).curves,
    height: 150,
    marginLeft: 40,
    marginRight: 12,
    marginBottom: 30,
    x: { label: 'steps', domain: [0, Math.max(100, last)], ticks: 3 },
    y: { label: metric === 'loss' ? 'held-out loss' : 'purity@5 (chance dashed)', domain: [0, top], ticks: 3, grid: true },
    marks: [
      ...(chance === undefined ? [] : [Plot.ruleY([chance], { stroke: 'currentColor', strokeOpacity: 0.6, strokeDasharray: '4 3' })]),
      Plot.line(points, { x: 'step', y: metric, stroke: metric === 'loss' ? LOSS_INK : PURITY_INK, strokeWidth: 2 }),
    ],
  };
}

/** The charts of the figure: the projection, then the loss curve and (on the grammar) the purity curve. */
export function windowCharts(view: WindowView, layout?: FigureLayout, chance?: number): { projection: Plot.PlotOptions; curves: Plot.PlotOptions[] } {
  const curves = [curveChart(view.history, 'loss', layout)];
  if (view.category) curves.push(curveChart(view.history, 'purity', layout, chance));
  return { projection: projectionChart(view, layout), curves };
}

/** The live figure's elements: the projection and a column holding the curves. */
export function drawFigure(view: WindowView, layout: FigureLayout, chance?: number): Element[] {
  const charts = windowCharts(view, layout, chance);
  const column = document.createElement('div');
  column.append(...charts.curves.map((o) => tidyPlot(Plot.plot(o))));
  return [tidyPlot(Plot.plot(charts.projection)), column];
}
