import * as Plot from '@observablehq/plot';
import { chartWidth, type FigureLayout } from '../_shared/plot-dom';
import { textWidth } from '../_shared/legend';
import { fmt } from '../_shared/format';
import { probText, type SoftmaxReading, type SoftmaxValues } from './model';
import { explore } from './compute';

/** Blue for the other classes, orange for the true class (colour plus the outlined target bar). */
const OTHER = 'var(--series-a, #2563c9)';
const TRUE = 'var(--series-b, #c2410c)';
const MARGIN_LEFT = 48;
const MARGIN_RIGHT = 20;

type Row = { cls: string; value: number; isTrue: boolean; label: string };

/** One row per class: its label `1 … m`, the value shown, and whether it is the true class. */
function rows(r: SoftmaxReading, values: readonly number[], label: (x: number) => string): Row[] {
  return values.map((value, i) => ({ cls: String(i + 1), value, isTrue: i === r.y, label: label(value) }));
}

/** Whether a bar is wide enough for a label of `chars` characters. */
function fits(width: number, k: number, chars: number): boolean {
  return (width - MARGIN_LEFT - MARGIN_RIGHT) / k >= textWidth('0'.repeat(chars)) + 6;
}

/** Bars labelled with their values (above a positive bar, below a negative one), the true class in orange. */
function bars(data: Row[]): Plot.Markish[] {
  return [
    Plot.barY(data, { x: 'cls', y: 'value', fill: (d: Row) => (d.isTrue ? TRUE : OTHER) }),
    Plot.ruleY([0], { stroke: 'currentColor' }),
    Plot.text(
      data.filter((d) => d.value >= 0),
      { x: 'cls', y: 'value', text: 'label', dy: -9, fill: 'currentColor' },
    ),
    Plot.text(
      data.filter((d) => d.value < 0),
      { x: 'cls', y: 'value', text: 'label', dy: 11, fill: 'currentColor' },
    ),
  ];
}

/** Top chart: `o = softmax(z/τ)` as bars, the one-hot target `T` as a dashed outline on the true class. */
export function probabilityPanel(r: SoftmaxReading, layout?: FigureLayout): Plot.PlotOptions {
  const width = chartWidth(layout, 560, 280);
  const label = fits(width, r.probs.length, 6) ? probText : (p: number) => fmt(p, 2);
  const data = rows(r, r.probs, label);
  const target = data.filter((d) => d.isTrue);
  return {
    className: 'plot',
    width,
    height: 220,
    marginLeft: MARGIN_LEFT,
    marginRight: MARGIN_RIGHT,
    marginTop: 26,
    x: { label: 'class', domain: data.map((d) => d.cls) },
    y: { domain: [0, 1.12], label: '↑ probability oᵢ', ticks: [0, 0.5, 1], tickFormat: (d: number) => String(d), grid: true },
    marks: [
      Plot.barY(target, { x: 'cls', y1: 0, y2: 1, fill: 'none', stroke: TRUE, strokeWidth: 1.5, strokeDasharray: '4 3' }),
      Plot.text(target, { x: 'cls', y: 1, text: () => 'target T = 1', dy: -9, fill: 'currentColor' }),
      ...bars(data),
    ],
  };
}

/** Bottom chart: `oᵢ − Tᵢ`, the chapter's gradient (with respect to `z/τ`; at `τ = 1` it is `∂ℓ/∂z`), negative only at the true class. */
export function gradientPanel(r: SoftmaxReading, layout?: FigureLayout): Plot.PlotOptions {
  const width = chartWidth(layout, 560, 280);
  const data = rows(r, r.diff, (g) => fmt(g, fits(width, r.diff.length, 6) ? 3 : 2));
  return {
    className: 'plot',
    width,
    height: 210,
    marginLeft: MARGIN_LEFT,
    marginRight: MARGIN_RIGHT,
    x: { label: 'class', domain: data.map((d) => d.cls) },
    y: { domain: [-1.25, 1.25], label: '↑ oᵢ − Tᵢ', ticks: [-1, -0.5, 0, 0.5, 1], tickFormat: (d: number) => fmt(d, 1), grid: true },
    marks: bars(data),
  };
}

/** The explorer's two charts, probabilities above and `o − T` below, computed by the tensor package. */
export function softmaxFigure(v: SoftmaxValues, layout?: FigureLayout): Plot.PlotOptions[] {
  const r = explore(v);
  return [probabilityPanel(r, layout), gradientPanel(r, layout)];
}
