import * as Plot from '@observablehq/plot';
import { FIGURE_FONT, chartWidth, type FigureLayout } from '../_shared/plot-dom';
import { PARAM_LABELS, TOLERANCE } from './model';
import type { ParamCheck } from './compute';

const PASS = '#009E73';
const FAIL = '#D55E00';
/** Errors are drawn on a log scale from 10⁻¹⁶ (rounding) to 1. */
const FLOOR = 1e-16;

/** One bar per weight gradient: its largest relative error against central differences, with the pass line. */
export function bugFigure(checks: readonly ParamCheck[], layout?: FigureLayout): Plot.PlotOptions {
  // The widget sits inside an exercise box, narrower than the text column: the static chart is laid out for that.
  const width = chartWidth(layout ?? { width: 250 }, 420);
  const data = checks.map((c) => ({ label: PARAM_LABELS[c.name], error: Math.max(FLOOR, c.error), ok: c.ok }));
  return {
    className: 'plot',
    width,
    height: 240,
    marginLeft: 56,
    marginBottom: 40,
    x: { domain: data.map((d) => d.label), label: null, padding: 0.35 },
    y: {
      type: 'log',
      domain: [FLOOR, 1],
      label: 'relative error',
      ticks: [1e-16, 1e-12, 1e-8, 1e-4, 1],
      tickFormat: (x: number) => (x === 1 ? '1' : `1e${Math.round(Math.log10(x))}`),
    },
    marks: [
      Plot.barY(data, { x: 'label', y1: FLOOR, y2: 'error', fill: (d: (typeof data)[number]) => (d.ok ? PASS : FAIL) }),
      Plot.ruleY([TOLERANCE], { stroke: 'currentColor', strokeDasharray: '6 4' }),
      Plot.text([TOLERANCE], {
        x: PARAM_LABELS.dH,
        y: TOLERANCE,
        text: () => 'pass below this line',
        fontSize: FIGURE_FONT,
        dy: -8,
        textAnchor: 'start',
        dx: -30,
        fill: 'currentColor',
      }),
      Plot.text(data, {
        x: 'label',
        y: 'error',
        text: (d: (typeof data)[number]) => (d.ok ? 'pass' : 'FAIL'),
        fontSize: FIGURE_FONT,
        dy: -8,
        fill: 'currentColor',
      }),
    ],
  };
}
