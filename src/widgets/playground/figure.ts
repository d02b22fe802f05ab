import * as Plot from '@observablehq/plot';
import { STATIC_WIDTH, tidyPlot, type FigureLayout } from '../_shared/plot-dom';
import { legend, legendHeight, type LegendRow } from '../_shared/legend';
import { HEAT_INK } from '../_shared/xor';
import { CLASS_COLORS, CLASS_SYMBOLS } from './model';
import { BANDS, REGIONS_CLASS, bandFill, fillRegions, regionsMark } from './regions';
import { BOX, type DataPoint, type HistoryPoint, type RunView } from './view';

/** Curve colours: training data solid blue, test data dashed vermillion (Okabe–Ito). */
const TRAIN_INK = '#0072B2';
const TEST_INK = '#D55E00';

/**
 * Chart sizes: the regions square and the curves column side by side when there is room, stacked otherwise.
 * `layout.width` is the figure container's `clientWidth`, padding (16 px) included; at build time the charts are
 * laid out for a phone (`STATIC_WIDTH`).
 */
export function sizesFor(layout?: FigureLayout): { square: number; curves: number } {
  const w = layout?.width ?? STATIC_WIDTH + 16;
  if (w < 560) return { square: Math.max(240, Math.min(400, w - 16)), curves: Math.max(240, Math.min(400, w - 16)) };
  const square = Math.max(280, Math.min(400, w - 300));
  return { square, curves: Math.max(240, Math.min(300, w - square - 40)) };
}

/** The regions' legend: each class's colour where the network is sure, and how the colour pales as it grows unsure. */
export function regionsLegend(classes: number): LegendRow[] {
  const items = Array.from({ length: classes }, (_, c) => ({ fill: bandFill(c, BANDS - 1), label: String(c + 1) }));
  const fills = Array.from({ length: BANDS }, (_, b) => bandFill(0, b));
  return [
    { kind: 'items', title: 'class', items },
    {
      kind: 'ramp',
      title: 'top probability',
      fills,
      labels: [
        { at: 0, text: `1/${classes}` },
        { at: BANDS - 1, text: '1' },
      ],
    },
  ];
}

/** The data and the decision regions (with their legend): training points with a white rim, test points with a dark rim. */
export function regionsChart(view: RunView, layout?: FigureLayout): Plot.PlotOptions {
  const size = sizesFor(layout).square;
  const rows = regionsLegend(view.classes);
  const bottom = 32 + legendHeight(rows);
  const dots = (test: boolean): Plot.Dot =>
    Plot.dot(
      view.points.filter((p) => p.test === test),
      {
        x: 'x',
        y: 'y',
        r: 3,
        symbol: (p: DataPoint) => CLASS_SYMBOLS[p.label] ?? 'circle',
        fill: (p: DataPoint) => CLASS_COLORS[p.label] ?? '#777777',
        stroke: test ? HEAT_INK : 'white',
        strokeWidth: test ? 1.3 : 0.8,
      },
    );
  return {
    className: 'plot',
    width: size,
    height: size - 32 + bottom,
    marginLeft: 36,
    marginBottom: bottom,
    x: { domain: [...BOX], label: 'x₁', ticks: [-1, 0, 1], labelOffset: 28 },
    y: { domain: [...BOX], label: 'x₂', ticks: [-1, 0, 1] },
    marks: [regionsMark(view.regions, view.classes), dots(false), dots(true), Plot.frame({ stroke: 'currentColor', strokeOpacity: 0.3 }), legend(rows)],
  };
}

/** One small chart of a metric over the steps: the training curve solid blue, the test curve dashed vermillion. */
export function curveChart(history: readonly HistoryPoint[], metric: 'Loss' | 'Accuracy', layout?: FigureLayout): Plot.PlotOptions {
  const [tr, te] = metric === 'Loss' ? (['trainLoss', 'testLoss'] as const) : (['trainAcc', 'testAcc'] as const);
  const top = metric === 'Loss' ? Math.max(0.1, ...history.map((h) => Math.max(h[tr], h[te]))) : 1;
  const last = history.at(-1)?.step ?? 0;
  return {
    className: 'plot',
    width: sizesFor(layout).curves,
    height: 150,
    marginLeft: 40,
    marginRight: 12,
    marginBottom: 30,
    x: { label: 'steps', domain: [0, Math.max(10, last)], ticks: 3 },
    y: { label: `${metric}: train ——, test – – –`, domain: [0, top], ticks: 3, grid: true },
    marks: [
      Plot.line(history, { x: 'step', y: tr, stroke: TRAIN_INK, strokeWidth: 2 }),
      Plot.line(history, { x: 'step', y: te, stroke: TEST_INK, strokeWidth: 2, strokeDasharray: '5 3' }),
    ],
  };
}

/** The charts of the figure: decision regions with the data, then the loss and the accuracy curves. */
export function playgroundCharts(view: RunView, layout?: FigureLayout): { regions: Plot.PlotOptions; curves: Plot.PlotOptions[] } {
  return { regions: regionsChart(view, layout), curves: [curveChart(view.history, 'Loss', layout), curveChart(view.history, 'Accuracy', layout)] };
}

/** The live figure's elements: the regions chart and a column holding the two curve charts. */
export function drawFigure(view: RunView, layout: FigureLayout): { regions: SVGSVGElement | HTMLElement; curves: HTMLDivElement } {
  const charts = playgroundCharts(view, layout);
  const curves = document.createElement('div');
  curves.append(...charts.curves.map((o) => tidyPlot(Plot.plot(o))));
  return { regions: tidyPlot(Plot.plot(charts.regions)), curves };
}

/** Redraw only the moving parts: refill the regions' paths in place (axes and points stay) and, if asked, the curves. */
export function refreshFigure(drawn: { regions: Element; curves: HTMLDivElement }, view: RunView, layout: FigureLayout, curves = true): void {
  const chart = drawn.regions as Element & { scale?: (name: string) => { apply(v: number): number } | undefined };
  const g = chart.querySelector(`.${REGIONS_CLASS}`);
  const [sx, sy] = [chart.scale?.('x'), chart.scale?.('y')];
  if (g && sx && sy)
    fillRegions(
      g,
      view.regions,
      view.classes,
      (x) => sx.apply(x),
      (y) => sy.apply(y),
    );
  if (curves) drawn.curves.replaceChildren(...playgroundCharts(view, layout).curves.map((o) => tidyPlot(Plot.plot(o))));
}
