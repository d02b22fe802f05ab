import * as Plot from '@observablehq/plot';
import type { FigureLayout } from '../_shared/plot-widget';
import { fmt } from '../_shared/format';
import { probText, type SoftmaxReading, type SoftmaxValues } from './model';
import { explore } from './compute';

/** Blue for the other classes, orange for the true class (colour plus the outlined target bar). */
const OTHER = 'var(--series-a, #2563c9)';
const TRUE = 'var(--series-b, #c2410c)';

type Row = { cls: string; value: number; isTrue: boolean; label: string };

/** One row per class: its label `1 … K`, the value shown, and whether it is the true class. */
function rows(r: SoftmaxReading, values: readonly number[], label: (x: number) => string): Row[] {
  return values.map((value, i) => ({ cls: String(i + 1), value, isTrue: i === r.y, label: label(value) }));
}

/** The panel's width: the container's, less padding, between 280 and 560 pixels. */
function panelWidth(layout: FigureLayout): number {
  return Math.round(Math.max(280, Math.min(560, layout.width - 24)));
}

/** Bars labelled with their values (above a positive bar, below a negative one), the true class in orange. */
function bars(data: Row[]): Plot.Markish[] {
  return [
    Plot.barY(data, { x: 'cls', y: 'value', fill: (d: Row) => (d.isTrue ? TRUE : OTHER) }),
    Plot.ruleY([0], { stroke: 'currentColor' }),
    Plot.text(
      data.filter((d) => d.value >= 0),
      { x: 'cls', y: 'value', text: 'label', dy: -8, fill: 'currentColor' },
    ),
    Plot.text(
      data.filter((d) => d.value < 0),
      { x: 'cls', y: 'value', text: 'label', dy: 10, fill: 'currentColor' },
    ),
  ];
}

/** Top chart: `o = softmax(z/T)` as bars, the one-hot target `T` as a dashed outline on the true class. */
export function probabilityPanel(r: SoftmaxReading, layout: FigureLayout): Plot.PlotOptions {
  const data = rows(r, r.probs, probText);
  const target = data.filter((d) => d.isTrue);
  return {
    className: 'plot',
    width: panelWidth(layout),
    height: 220,
    marginLeft: 48,
    marginTop: 24,
    x: { label: 'class', domain: data.map((d) => d.cls) },
    y: { domain: [0, 1.12], label: '↑ probability oᵢ', ticks: [0, 0.25, 0.5, 0.75, 1], tickFormat: (d: number) => String(d), grid: true },
    marks: [
      Plot.barY(target, { x: 'cls', y1: 0, y2: 1, fill: 'none', stroke: TRUE, strokeWidth: 1.5, strokeDasharray: '4 3' }),
      Plot.text(target, { x: 'cls', y: 1, text: () => 'target 1', dy: -8, fill: 'currentColor' }),
      ...bars(data),
    ],
  };
}

/** Bottom chart: the gradient `∂ℓ/∂zᵢ = (oᵢ − [i = y])/T`, negative only at the true class. */
export function gradientPanel(r: SoftmaxReading, temp: number, layout: FigureLayout): Plot.PlotOptions {
  const data = rows(r, r.grad, (g) => fmt(g, 3));
  const m = Math.max(1, ...r.grad.map(Math.abs)) * 1.25;
  return {
    className: 'plot',
    width: panelWidth(layout),
    height: 200,
    marginLeft: 48,
    x: { label: 'class', domain: data.map((d) => d.cls) },
    y: { domain: [-m, m], label: `↑ ∂ℓ/∂zᵢ = (oᵢ − [i = y]) / ${fmt(temp)}`, ticks: 5, grid: true },
    marks: bars(data),
  };
}

/** The explorer's two charts, probabilities above and the gradient below, computed by the tensor package. */
export function softmaxFigure(v: SoftmaxValues, layout: FigureLayout = { width: 480 }): Plot.PlotOptions[] {
  const r = explore(v);
  return [probabilityPanel(r, layout), gradientPanel(r, v.temp, layout)];
}
