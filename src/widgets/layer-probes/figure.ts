/**
 * The layer-probes figure: held-out probe accuracy against depth, one curve per checkpoint (as in Alain & Bengio's
 * figure), drawn by the same function at build time (from `measured.ts`) and live (from the run's snapshots); and the
 * sheets of digits each probe reads wrongly.
 */
import * as Plot from '@observablehq/plot';
import { chartWidth, type FigureLayout } from '../_shared/plot-dom';
import { sheet } from '../_shared/data/sheet';
import { lineKey, type KeyEntry } from '../activation-explorer/key';
import type { Checkpoint } from '../_shared/mnist-net/run';
import { checkpointLabel, layerTicks } from './text';
import { measured } from './measured';

export { rgba as rgbaOf } from '../digits/figure';

/** One curve: the checkpoint's epoch, and the probe accuracy of the layers fitted so far (pixels first). */
export interface Curve {
  epoch: number;
  accuracies: readonly number[];
}

/** The curves of a run's checkpoints (a checkpoint still being probed gives a partial curve). */
export function curvesOf(checkpoints: readonly Checkpoint[]): Curve[] {
  return checkpoints.map((c) => ({ epoch: c.epoch, accuracies: c.layers.map((l) => l.accuracy) }));
}

/** Okabe–Ito colours for the trained checkpoints, in order; initialisation is grey and dashed. */
const TRAINED = ['#E69F00', '#009E73', '#0072B2', '#CC79A7', '#D55E00', '#56B4E9'] as const;
const INIT = { color: '#888888', dash: '5 4' } as const;

function style(curves: readonly Curve[], i: number): { color: string; dash: string } {
  const c = curves[i]!;
  if (c.epoch === 0) return INIT;
  const k = curves.slice(0, i).filter((x) => x.epoch !== 0).length;
  return { color: TRAINED[k % TRAINED.length]!, dash: 'none' };
}

/** The y domain in percent: from a whole ten below the lowest accuracy (at most 80) to 100. */
function yDomain(curves: readonly Curve[]): [number, number] {
  const low = Math.min(80, ...curves.flatMap((c) => c.accuracies.map((a) => a * 100)));
  return [Math.max(0, Math.floor(low / 10) * 10), 100];
}

/** Where the key's first row sits, below the y axis's label. */
const KEY_Y = 34;

/** Held-out probe accuracy (%) against the probed layer, one line with dots per checkpoint, and a key. */
export function probeFigure(all: readonly Curve[], layers: number, layout?: FigureLayout): Plot.PlotOptions {
  const curves = all.filter((c) => c.accuracies.length > 0);
  const names = layerTicks(layers);
  const rows = curves.flatMap((c, i) => c.accuracies.map((a, layer) => ({ layer, acc: a * 100, curve: i })));
  const key: KeyEntry[] = curves.map((c, i) => ({ label: checkpointLabel(c.epoch), ...style(curves, i) }));
  // The y axis's label at the very top, the key's rows under it, then the frame.
  const top = KEY_Y + 18 * Math.max(1, key.length);
  const marks: Plot.Markish[] = curves.flatMap((_, i) => {
    const s = style(curves, i);
    const mine = rows.filter((r) => r.curve === i);
    return [
      Plot.line(mine, { x: 'layer', y: 'acc', stroke: s.color, strokeWidth: 2.5, strokeDasharray: s.dash }),
      Plot.dot(mine, { x: 'layer', y: 'acc', r: 3.5, fill: s.color, stroke: 'var(--bg, white)', strokeWidth: 1 }),
    ];
  });
  const width = chartWidth(layout, 640, 260);
  return {
    className: 'plot',
    width,
    height: 260 + top,
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
    y: { domain: yDomain(curves), grid: true, label: '↑ held-out probe accuracy (%)' },
    marks: [...marks, lineKey(key, { dx: 8, dy: KEY_Y - top })],
  };
}

/** The build-time figure: seed 1's checkpoints with the default settings (`measured.ts`). */
export function builtFigure(layout?: FigureLayout): Plot.PlotOptions {
  const curves = measured.checkpoints.map((c) => ({ epoch: c.epoch, accuracies: c.probes }));
  return probeFigure(curves, measured.layers.length, layout);
}

/** One layer's misread digits as a grayscale strip (ink dark on white), for a canvas. */
export function wrongStrip(pixels: Uint8Array, indices: readonly number[]): ReturnType<typeof sheet> {
  return sheet(pixels, 28, indices, Math.max(1, indices.length));
}
