import * as Plot from '@observablehq/plot';
import { STATIC_WIDTH, tidyPlot, type FigureLayout } from '../_shared/plot-dom';
import { legend, legendHeight, type LegendRow } from '../_shared/legend';
import { HEAT_INK } from '../_shared/xor';
import { CLASS_COLORS, CLASS_SYMBOLS } from './network';
import { BANDS, REGIONS_CLASS, bandFill, fillRegions, regionsMark } from './regions';
import { BOX, type DataPoint, type HistoryPoint, type RunView } from './view';

/** Curve colours: training data solid blue, test data dashed vermillion (Okabe–Ito). */
const TRAIN_INK = '#0072B2';
const TEST_INK = '#D55E00';

/**
 * Chart sizes: the regions square and the curves column side by side when there is room, stacked otherwise.
 * `layout.width` is the figure container's content width; at build time the charts are laid out for a phone
 * (`STATIC_WIDTH`).
 */
export function sizesFor(layout?: FigureLayout): { square: number; curves: number } {
  const w = layout?.width ?? STATIC_WIDTH;
  if (w < 544) return { square: Math.max(240, Math.min(400, w)), curves: Math.max(240, Math.min(400, w)) };
  const square = Math.max(280, Math.min(400, w - 284));
  return { square, curves: Math.max(240, Math.min(300, w - square - 24)) };
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

/** The data and the decision regions (with their legend): training points with a white rim, test points (if shown) with a dark rim. */
export function regionsChart(view: RunView, layout?: FigureLayout, showTest = true): Plot.PlotOptions {
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
    marks: [
      regionsMark(view.regions, view.classes),
      dots(false),
      showTest ? dots(true) : null,
      Plot.frame({ stroke: 'currentColor', strokeOpacity: 0.3 }),
      legend(rows),
    ],
  };
}

/** A number rounded up to the next of 1, 2, 5 × 10ᵏ: axis ends that change rarely, so a live chart is rebuilt rarely. */
export function niceCeil(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  return ([1, 2, 5, 10].find((m) => m * p >= x - 1e-9 * p) ?? 10) * p;
}

type Metric = 'Loss' | 'Accuracy';
const KEYS = { Loss: ['trainLoss', 'testLoss'], Accuracy: ['trainAcc', 'testAcc'] } as const;
/** Class of a curve's `<path>`: `playground-curve-0` (training) or `-1` (test). */
const CURVE_CLASS = 'playground-curve';

/** The axis ends of a metric's chart: steps up to a round number, loss up to a round number, accuracy up to 1. */
export function curveDomain(history: readonly HistoryPoint[], metric: Metric): [number, number] {
  const [tr, te] = KEYS[metric];
  const top = metric === 'Loss' ? niceCeil(Math.max(0.1, ...history.map((h) => Math.max(h[tr], h[te])))) : 1;
  return [niceCeil(Math.max(100, history.at(-1)?.step ?? 0)), top];
}

/** A curve as SVG path data in pixels. */
export function curvePath(history: readonly HistoryPoint[], key: keyof HistoryPoint, sx: (x: number) => number, sy: (y: number) => number): string {
  return history.map((h, i) => `${i === 0 ? 'M' : 'L'}${sx(h.step).toFixed(1)},${sy(h[key]).toFixed(1)}`).join('');
}

/** A Plot render mark drawing both curves with the chart's scales, as `<path>`s a live chart can refill. */
function curvesMark(history: readonly HistoryPoint[], metric: Metric): Plot.RenderFunction {
  return (_index, scales, _values, _dim, context) => {
    const ns = 'http://www.w3.org/2000/svg';
    const g = context.document.createElementNS(ns, 'g');
    KEYS[metric].forEach((key, i) => {
      const path = context.document.createElementNS(ns, 'path');
      path.setAttribute('class', `${CURVE_CLASS}-${i}`);
      path.setAttribute('fill', 'none');
      path.setAttribute('stroke', i === 0 ? TRAIN_INK : TEST_INK);
      path.setAttribute('stroke-width', '2');
      if (i === 1) path.setAttribute('stroke-dasharray', '5 3');
      path.setAttribute(
        'd',
        curvePath(
          history,
          key,
          (x) => Number(scales.x?.(x)),
          (y) => Number(scales.y?.(y)),
        ),
      );
      g.append(path);
    });
    return g as unknown as SVGElement;
  };
}

/** One small chart of a metric over the steps: the training curve solid blue, the test curve dashed vermillion. */
export function curveChart(history: readonly HistoryPoint[], metric: Metric, layout?: FigureLayout): Plot.PlotOptions {
  const [steps, top] = curveDomain(history, metric);
  return {
    className: 'plot',
    width: sizesFor(layout).curves,
    height: 150,
    marginLeft: 40,
    marginRight: 12,
    marginBottom: 30,
    x: { label: 'steps', domain: [0, steps], ticks: 3 },
    y: { label: `${metric}: train ——, test – – –`, domain: [0, top], ticks: 3, grid: true },
    marks: [curvesMark(history, metric)],
  };
}

/** The charts of the figure: decision regions with the data, then the loss and the accuracy curves. */
export function playgroundCharts(view: RunView, layout?: FigureLayout, showTest = true): { regions: Plot.PlotOptions; curves: Plot.PlotOptions[] } {
  return { regions: regionsChart(view, layout, showTest), curves: [curveChart(view.history, 'Loss', layout), curveChart(view.history, 'Accuracy', layout)] };
}

/** A chart Plot drew, with the scales it kept. */
type Chart = Element & { scale?: (name: string) => { apply(v: number): number } | undefined };

/** Draw a chart live: Plot's element, tidied, with its axis ends noted for `refreshCurve`. */
export function drawChart(options: Plot.PlotOptions): Chart {
  return tidyPlot(Plot.plot(options)) as Chart;
}

/** The live curves chart of a metric, its axis ends noted so that `refreshCurve` can tell when it must be rebuilt. */
export function drawCurve(history: readonly HistoryPoint[], metric: Metric, layout: FigureLayout): Chart {
  const chart = drawChart(curveChart(history, metric, layout));
  chart.setAttribute('data-domain', curveDomain(history, metric).join(','));
  return chart;
}

/** Refill a live curves chart in place (two `d` attributes); false when its axes no longer fit and it must be rebuilt. */
export function refreshCurve(chart: Chart, history: readonly HistoryPoint[], metric: Metric): boolean {
  const [sx, sy] = [chart.scale?.('x'), chart.scale?.('y')];
  if (!sx || !sy || chart.getAttribute('data-domain') !== curveDomain(history, metric).join(',')) return false;
  KEYS[metric].forEach((key, i) => {
    chart.querySelector(`.${CURVE_CLASS}-${i}`)?.setAttribute(
      'd',
      curvePath(
        history,
        key,
        (x) => sx.apply(x),
        (y) => sy.apply(y),
      ),
    );
  });
  return true;
}

/** Refill the regions' paths of a live regions chart in place (axes and points stay). */
export function refreshRegions(chart: Chart, view: RunView): void {
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
}
