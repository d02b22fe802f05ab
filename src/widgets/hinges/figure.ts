import * as Plot from '@observablehq/plot';
import { FIGURE_FONT, chartWidth, type FigureLayout } from '../_shared/plot-dom';
import { DOMAIN, TARGETS, hingeAt, hinges, sumAt, targetAt, type HingeValues } from './model';

/** Theme-aware colours: the target in the muted text colour, the sum in series blue, hinges in series orange. */
const TARGET_COLOR = 'var(--muted, #5a5f6b)';
const SUM_COLOR = 'var(--series-a, #2563c9)';
const HINGE_COLOR = 'var(--series-b, #c2410c)';

/** Sample points for drawing: an even grid plus every kink inside the interval, so corners are drawn sharp. */
function drawXs(v: HingeValues): number[] {
  const xs = Array.from({ length: 121 }, (_, j) => DOMAIN[0] + ((DOMAIN[1] - DOMAIN[0]) * j) / 120);
  for (const h of hinges(v)) if (h.k > DOMAIN[0] && h.k < DOMAIN[1]) xs.push(h.k);
  return xs.sort((a, b) => a - b);
}

/**
 * The target curve, the hinge sum `f(x) = c + Σᵢ aᵢ·ReLU(sᵢ(x − kᵢ))` over it, each hinge drawn faintly, and the
 * kinks marked on the sum with their unit numbers.
 */
export function hingesFigure(v: HingeValues, layout?: FigureLayout): Plot.PlotOptions {
  const xs = drawXs(v);
  const hs = hinges(v);
  const rows = hs.flatMap((h, i) => xs.map((x) => ({ unit: i + 1, x, y: hingeAt(h, x) })));
  const kinks = hs.map((h, i) => ({ unit: String(i + 1), x: h.k, y: sumAt(v, h.k) })).filter((k) => k.x >= DOMAIN[0] && k.x <= DOMAIN[1]);
  const width = chartWidth(layout, 640, 280);
  const [lo, hi] = TARGETS[v.target].y;
  return {
    className: 'plot',
    width,
    height: Math.round(width * 0.62),
    marginLeft: 40,
    marginBottom: 36,
    marginTop: 16,
    x: { domain: DOMAIN, label: 'x', ticks: [-3, -2, -1, 0, 1, 2, 3] },
    y: { domain: [lo, hi], label: 'y', ticks: 5, grid: true },
    marks: [
      Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.35 }),
      Plot.line(rows, { x: 'x', y: 'y', z: 'unit', stroke: HINGE_COLOR, strokeOpacity: 0.45, strokeWidth: 1.25, strokeDasharray: '4 3', clip: true }),
      Plot.line(xs, { x: (x: number) => x, y: (x: number) => targetAt(v, x), stroke: TARGET_COLOR, strokeWidth: 5, strokeOpacity: 0.45, clip: true }),
      Plot.line(xs, { x: (x: number) => x, y: (x: number) => sumAt(v, x), stroke: SUM_COLOR, strokeWidth: 2.5, clip: true }),
      Plot.dot(kinks, { x: 'x', y: 'y', r: 4.5, fill: SUM_COLOR, stroke: 'var(--bg, white)', strokeWidth: 1.5, clip: true }),
      Plot.text(kinks, {
        x: 'x',
        y: 'y',
        text: 'unit',
        dy: -12,
        fontSize: FIGURE_FONT,
        fill: 'currentColor',
        stroke: 'var(--bg, white)',
        strokeWidth: 3,
        paintOrder: 'stroke',
        clip: true,
      }),
    ],
  };
}
