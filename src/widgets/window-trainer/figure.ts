import * as Plot from '@observablehq/plot';
import { STATIC_WIDTH, tidyPlot, type FigureLayout } from '../_shared/plot-dom';
import { legend, legendHeight, type LegendRow } from '../_shared/legend';
import { categoryColor, categorySymbol } from '../_shared/palette';
import { CATEGORIES } from './grammar';
import type { HistoryPoint, WindowView } from './view';

/** Grammar words always labelled in the projection: pairs of the analogies and a few of every category. */
export const LABELLED = new Set([
  ...['cat', 'cats', 'dog', 'dogs', 'king', 'queen', 'man', 'woman', 'eats', 'eat', 'runs', 'run'],
  ...['bread', 'grass', 'field', 'river', 'the', 'these', 'big', 'happy', 'to', 'through'],
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
  const items = CATEGORIES.map((c, i) => ({ fill: categoryColor(i), label: c }));
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

/** Points lie in `[−1, 1]²`: each frame's coordinates are divided by their largest magnitude, so the axes stay put. */
const DOMAIN: [number, number] = [-1.12, 1.12];
const DOTS_CLASS = 'window-dots';
const LABELS_CLASS = 'window-labels';

/** The drawn words with their coordinates (scaled into `[−1, 1]`; principal coordinates are centred) and categories. */
export function dots(view: WindowView): Dot[] {
  const m = Math.max(1e-12, ...Array.from(view.points, Math.abs));
  return view.words.map((word, i) => ({ x: (view.points[2 * i] ?? 0) / m, y: (view.points[2 * i + 1] ?? 0) / m, word, c: view.category?.[i] ?? -1 }));
}

function labelled(view: WindowView, d: Dot, i: number): boolean {
  return view.category ? LABELLED.has(d.word) : i < TEXT_LABELS || TEXT_WORDS.has(d.word);
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
    x: { domain: DOMAIN, label: 'principal component 1', ticks: [], labelAnchor: 'center', labelOffset: 22 },
    y: { domain: DOMAIN, label: 'component 2', ticks: [], labelAnchor: 'center' },
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
        className: DOTS_CLASS,
      }),
      Plot.text(text, {
        x: 'x',
        y: 'y',
        text: 'word',
        dy: -8,
        fill: 'currentColor',
        stroke: 'var(--surface, white)',
        strokeWidth: 3,
        paintOrder: 'stroke',
        className: LABELS_CLASS,
      }),
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
export function drawFigure(view: WindowView, layout: FigureLayout, chance?: number): { projection: Element; curves: HTMLDivElement } {
  const charts = windowCharts(view, layout, chance);
  const curves = document.createElement('div');
  curves.append(...charts.curves.map((o) => tidyPlot(Plot.plot(o))));
  return { projection: tidyPlot(Plot.plot(charts.projection)), curves };
}

type Scaled = Element & { scale?: (name: string) => { apply(v: number): number } | undefined };

/**
 * Move the drawn words to a new snapshot in place (same run, so the same words in the same order): only the
 * `transform` of each symbol and label changes, far cheaper than drawing the chart again. Redraws the curves if asked.
 */
export function refreshFigure(
  drawn: { projection: Element; curves: HTMLDivElement },
  view: WindowView,
  layout: FigureLayout,
  curves: boolean,
  chance?: number,
): void {
  const chart = drawn.projection as Scaled;
  const [sx, sy] = [chart.scale?.('x'), chart.scale?.('y')];
  if (sx && sy) {
    const data = dots(view);
    const at = (d: Dot): string => `translate(${sx.apply(d.x)},${sy.apply(d.y)})`;
    chart.querySelectorAll(`.${DOTS_CLASS} > *`).forEach((el, i) => {
      const d = data[i];
      if (d) el.setAttribute('transform', at(d));
    });
    const text = data.filter((d, i) => labelled(view, d, i));
    chart.querySelectorAll(`.${LABELS_CLASS} > text`).forEach((el, i) => {
      const d = text[i];
      if (d) el.setAttribute('transform', at(d));
    });
  }
  if (curves) drawn.curves.replaceChildren(...windowCharts(view, layout, chance).curves.map((o) => tidyPlot(Plot.plot(o))));
}
