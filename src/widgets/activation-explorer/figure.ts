import * as Plot from '@observablehq/plot';
import { chartWidth, type FigureLayout } from '../_shared/plot-dom';
import { ACTIVATION_STYLE, type ActivationName } from '../_shared/activations';
import { lineKey } from './key';
import { FLAT, X_RANGE, labelOf, visible, type ExplorerValues } from './model';
import { evaluate, flatRanges, sampleXs } from './curves';

type Point = { x: number; y: number };

/** Sampled curve of a function or of its slope (autograd): `(xᵢ, f(xᵢ))` or `(xᵢ, f′(xᵢ))`. */
function curve(name: ActivationName, v: ExplorerValues, which: 'value' | 'slope'): Point[] {
  const xs = sampleXs();
  const r = evaluate(name, xs, v)[which];
  return xs.map((x, i) => ({ x, y: r[i] ?? 0 }));
}

/** The panel's width: the container's, between 280 and 720 pixels. */
function panelWidth(layout?: FigureLayout): number {
  return chartWidth(layout, 720, 280);
}

/** Ticks on `x`: every integer when there is room, every other one on a phone. */
function xTicks(layout?: FigureLayout): number {
  return panelWidth(layout) >= 440 ? 10 : 5;
}

/** The shaded flat stretches, the probe line, each visible curve and its dot at the probe. */
function marks(v: ExplorerValues, which: 'value' | 'slope', y: readonly [number, number]): Plot.Markish[] {
  const names = visible(v);
  const flat = flatRanges(v.focus, v);
  const probe = names.map((name) => {
    const r = evaluate(name, [v.x], v)[which][0] ?? 0;
    return { name, x: v.x, y: Math.max(y[0], Math.min(y[1], r)) };
  });
  return [
    Plot.rect(flat, { x1: (d: [number, number]) => d[0], x2: (d: [number, number]) => d[1], y1: y[0], y2: y[1], fill: 'currentColor', fillOpacity: 0.09 }),
    Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.3 }),
    Plot.ruleX([0], { stroke: 'currentColor', strokeOpacity: 0.3 }),
    Plot.ruleX([v.x], { stroke: 'currentColor', strokeOpacity: 0.6, strokeDasharray: '3 3' }),
    ...names.map((name) => {
      const s = ACTIVATION_STYLE[name];
      return Plot.line(curve(name, v, which), { x: 'x', y: 'y', stroke: s.color, strokeWidth: 2.25, strokeDasharray: s.dash, clip: true });
    }),
    ...probe.map((p) => Plot.dot([p], { x: 'x', y: 'y', r: 4.5, fill: ACTIVATION_STYLE[p.name].color, stroke: 'var(--bg, white)', strokeWidth: 1.5 })),
  ];
}

/** Top chart: the ticked functions over `[−5, 5]`, a key, the probe `x`, and the focus function's flat stretches shaded. */
export function valuePanel(v: ExplorerValues, layout?: FigureLayout): Plot.PlotOptions {
  const y = [-2, 3] as const;
  const key = visible(v).map((name) => ({ ...ACTIVATION_STYLE[name], label: labelOf(name, v) }));
  return {
    className: 'plot',
    width: panelWidth(layout),
    height: 300,
    marginLeft: 44,
    marginBottom: 36,
    x: { domain: X_RANGE, label: 'x', ticks: xTicks(layout) },
    y: { domain: y, label: 'f(x)', ticks: 5, grid: true },
    marks: [...marks(v, 'value', y), lineKey(key)],
  };
}

/** Bottom chart: the slopes `f′(x)` by autograd, with the `±0.05` band that counts as flat. */
export function slopePanel(v: ExplorerValues, layout?: FigureLayout): Plot.PlotOptions {
  const y = [-0.2, 1.2] as const;
  const focus = ACTIVATION_STYLE[v.focus].label;
  return {
    className: 'plot',
    width: panelWidth(layout),
    height: 210,
    marginLeft: 44,
    marginBottom: 36,
    x: { domain: X_RANGE, label: 'x', ticks: xTicks(layout) },
    y: { domain: y, label: 'slope f′(x)', ticks: [0, 0.25, 0.5, 0.75, 1], tickFormat: (d: number) => String(d) },
    marks: [
      ...marks(v, 'slope', y),
      Plot.ruleY([FLAT, -FLAT], { stroke: 'currentColor', strokeOpacity: 0.5, strokeDasharray: '1 3' }),
      Plot.text([`shaded: |${focus} slope| < ${FLAT}`], {
        frameAnchor: 'top-right',
        dy: 4,
        dx: -4,
        fill: 'currentColor',
        stroke: 'var(--bg, white)',
        strokeWidth: 3,
        paintOrder: 'stroke',
      }),
    ],
  };
}

/** The explorer's charts: the functions, and (when `derivatives` is on) their slopes below. */
export function explorerFigure(v: ExplorerValues, layout?: FigureLayout): Plot.PlotOptions[] {
  return v.derivatives ? [valuePanel(v, layout), slopePanel(v, layout)] : [valuePanel(v, layout)];
}
