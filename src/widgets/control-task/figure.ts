/**
 * The control-task figure: selectivity (real-task minus control-task held-out accuracy) against the probed layer, one
 * line per probe capacity, the selected one bold; and the selected capacity's two accuracies. The same functions draw
 * the build-time figure (from `measured.ts`) and the live one (from the run's snapshots).
 */
import * as Plot from '@observablehq/plot';
import { chartWidth, type FigureLayout } from '../_shared/plot-dom';
import { lineKey, type KeyEntry } from '../activation-explorer/key';
import { capacityText, type CapacityName } from './model';

/** One capacity's held-out accuracies per layer (pixels first), as far as measured. */
export interface CapacityCurve {
  capacity: CapacityName;
  real: readonly number[];
  control: readonly number[];
}

/** Okabe–Ito colours, least to most capacity. */
const COLORS: Readonly<Record<CapacityName, string>> = { linear: '#0072B2', 'mlp-16': '#009E73', 'mlp-64': '#E69F00', 'mlp-256': '#D55E00' };

/** Short axis names of the probed layers: `pixels`, `h⁽¹⁾`, …, `output`. */
function ticks(count: number): string[] {
  const sup = (n: number): string => String(n).replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]!);
  return Array.from({ length: count }, (_, i) => (i === 0 ? 'pixels' : i === count - 1 ? 'output' : `h⁽${sup(i)}⁾`));
}

const KEY_Y = 34;

function frame(layers: number, layout: FigureLayout | undefined, top: number, y: Plot.ScaleOptions): Plot.PlotOptions {
  const names = ticks(layers);
  return {
    className: 'plot',
    width: chartWidth(layout, 640, 260),
    height: 230 + top,
    marginLeft: 44,
    marginRight: 16,
    marginTop: top,
    marginBottom: 40,
    x: {
      domain: [-0.3, layers - 0.7],
      ticks: names.map((_, i) => i),
      tickFormat: (i: number) => names[i] ?? '',
      label: 'layer probed (depth →)',
      labelAnchor: 'right',
    },
    y,
  };
}

/** Selectivity (%) against the layer, one line per capacity measured so far; `selected` bold, the others thin. */
export function selectivityFigure(curves: readonly CapacityCurve[], layers: number, selected: CapacityName, layout?: FigureLayout): Plot.PlotOptions {
  const shown = curves.filter((c) => c.control.length > 0);
  const rows = shown.flatMap((c) => c.control.map((ctl, layer) => ({ layer, sel: (c.real[layer]! - ctl) * 100, capacity: c.capacity })));
  const key: KeyEntry[] = shown.map((c) => ({
    label: capacityText(c.capacity),
    color: COLORS[c.capacity],
    dash: 'none',
    width: c.capacity === selected ? 4 : 1.5,
  }));
  const top = KEY_Y + 18 * Math.max(1, key.length);
  const marks = shown.flatMap((c) => {
    const mine = rows.filter((r) => r.capacity === c.capacity);
    const bold = c.capacity === selected;
    return [
      Plot.line(mine, { x: 'layer', y: 'sel', stroke: COLORS[c.capacity], strokeWidth: bold ? 4 : 1.5 }),
      Plot.dot(mine, { x: 'layer', y: 'sel', r: bold ? 4 : 2.5, fill: COLORS[c.capacity] }),
    ];
  });
  return {
    ...frame(layers, layout, top, {
      domain: [Math.min(0, ...rows.map((r) => r.sel)), Math.max(60, ...rows.map((r) => r.sel))],
      grid: true,
      label: '↑ selectivity: real − control accuracy (points)',
    }),
    marks: [Plot.ruleY([0]), ...marks, lineKey(key, { dx: 8, dy: KEY_Y - top })],
  };
}

/** The selected capacity's held-out accuracy (%) on the real task (solid) and on the control task (dashed), per layer. */
export function accuracyFigure(curve: CapacityCurve | undefined, layers: number, layout?: FigureLayout): Plot.PlotOptions {
  const color = curve ? COLORS[curve.capacity] : 'currentColor';
  const real = (curve?.real ?? []).map((a, layer) => ({ layer, acc: a * 100 }));
  const control = (curve?.control ?? []).map((a, layer) => ({ layer, acc: a * 100 }));
  const key: KeyEntry[] = [
    { label: 'real task (digit labels)', color, dash: 'none' },
    { label: 'control task (random label per cluster)', color, dash: '6 4' },
  ];
  const top = KEY_Y + 18 * key.length;
  return {
    ...frame(layers, layout, top, { domain: [0, 100], grid: true, label: `↑ held-out accuracy (%)${curve ? `, ${capacityText(curve.capacity)}` : ''}` }),
    marks: [
      Plot.line(real, { x: 'layer', y: 'acc', stroke: color, strokeWidth: 2.5 }),
      Plot.dot(real, { x: 'layer', y: 'acc', r: 3.5, fill: color }),
      Plot.line(control, { x: 'layer', y: 'acc', stroke: color, strokeWidth: 2.5, strokeDasharray: '6 4' }),
      Plot.dot(control, { x: 'layer', y: 'acc', r: 3.5, fill: 'var(--bg, white)', stroke: color }),
      lineKey(key, { dx: 8, dy: KEY_Y - top }),
    ],
  };
}
