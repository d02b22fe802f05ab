import * as Plot from '@observablehq/plot';
import { chartWidth, type FigureLayout } from '../_shared/plot-dom';
import { N, correction, spread, theory, type Measurement, type Sampling } from './model';

/** Blue for theory, orange for measurement, as in the other Monte Carlo figures. */
const THEORY_COLOR = 'var(--series-a, #2563c9)';
const MEASURED_COLOR = 'var(--series-b, #c2410c)';

/** What the chart needs: `σ`, the scheme, the tallies so far and the `t` read out. */
export interface NoiseChart {
  sigma: number;
  sampling: Sampling;
  measurements: readonly Measurement[];
  t: number;
}

/** Points `(t, y)` of a theory curve on a fine log grid of `t ∈ [1, tMax]`. */
function curve(tMax: number, y: (t: number) => number): Array<{ t: number; y: number }> {
  const steps = 80;
  return Array.from({ length: steps + 1 }, (_, i) => {
    const t = tMax ** (i / steps);
    return { t, y: y(t) };
  });
}

/** The key in the bottom-left corner, below the falling curve, each entry in its series' colour. */
function key(sampling: Sampling): Plot.Markish[] {
  const lines: Array<[string, string]> = [['● measured RMS ‖g_t − g‖', MEASURED_COLOR]];
  if (sampling === 'without') lines.push(['╌╌ σ/√t', THEORY_COLOR], ['── σ/√t · √((N − t)/(N − 1))', THEORY_COLOR]);
  else lines.push(['── σ/√t', THEORY_COLOR]);
  return lines.map(([text, fill], i) =>
    Plot.text([text], { frameAnchor: 'bottom-left', dx: 8, dy: -6 - 16 * (lines.length - 1 - i), textAnchor: 'start', fill, fontWeight: 600 }),
  );
}

/** Tick labels for the log axes in plain decimals: `0.01`, `0.1`, `1`. */
const plain = (d: number): string => String(d);

/** Log–log chart of the minibatch gradient's spread against `t`: dots measured, lines theory, the chosen `t` marked. */
export function noiseFigure(c: NoiseChart, layout?: FigureLayout): Plot.PlotOptions {
  const floor = c.sigma / (2 * N);
  const dots = c.measurements.flatMap((m) => {
    const y = spread(m);
    return y !== undefined && y > floor ? [{ t: m.t, y }] : [];
  });
  const fpc = c.sampling === 'without';
  return {
    className: 'plot',
    width: chartWidth(layout, 640, 280),
    height: 320,
    marginLeft: 56,
    marginBottom: 40,
    x: {
      type: 'log',
      base: 2,
      domain: [0.8, N * 1.25],
      label: 'minibatch size t',
      labelAnchor: 'center',
      labelArrow: 'none',
      ticks: [1, 4, 16, 64, 256],
      tickFormat: plain,
    },
    y: {
      type: 'log',
      domain: [floor, c.sigma * 1.6],
      label: '↑ RMS ‖g_t − g‖',
      grid: true,
      ticks: [0.001, 0.01, 0.1, 1, 10, 100].filter((y) => y >= floor && y <= c.sigma * 1.6),
      tickFormat: plain,
    },
    marks: [
      Plot.ruleX([c.t], { stroke: 'currentColor', strokeOpacity: 0.5, strokeDasharray: '2 3' }),
      Plot.line(
        curve(N, (t) => theory(c.sigma, t, 'with')),
        { x: 't', y: 'y', stroke: THEORY_COLOR, strokeWidth: 2, strokeDasharray: fpc ? '6 4' : 'none' },
      ),
      fpc
        ? Plot.line(
            curve(N - 1, (t) => (c.sigma / Math.sqrt(t)) * correction(t, 'without')),
            { x: 't', y: 'y', stroke: THEORY_COLOR, strokeWidth: 2.5 },
          )
        : null,
      Plot.dot(dots, { x: 't', y: 'y', r: 4, fill: MEASURED_COLOR, stroke: 'var(--surface, white)', strokeWidth: 0.75 }),
      ...key(c.sampling),
    ],
  };
}
