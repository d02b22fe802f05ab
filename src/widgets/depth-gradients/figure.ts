import * as Plot from '@observablehq/plot';
import { chartWidth, type FigureLayout } from '../_shared/plot-dom';
import { ACTIVATION_STYLE } from '../_shared/activations';
import { lineKey } from '../activation-explorer/key';
import { CEILING, FLOOR, powerOfTen, type ChainResult, type DepthValues } from './model';
import { allChains } from './chain';

type Row = { layer: number; norm: number };

/** Layer ticks: every layer up to 12, else layer 1 and every fifth: `1, 5, 10, …`. */
function layerTicks(depth: number): number[] {
  const all = Array.from({ length: depth }, (_, i) => i + 1);
  return depth <= 12 ? all : all.filter((l) => l === 1 || l % 5 === 0);
}

/** A norm made drawable on a log axis: non-finite or huge → `CEILING`, zero or tiny → `FLOOR`. */
export function clampNorm(n: number): number {
  if (!Number.isFinite(n) || n > CEILING) return CEILING;
  return n < FLOOR ? FLOOR : n;
}

/** The log axis: whole decades around every norm and 1, at least `[10⁻¹, 10¹]`, with at most about 7 ticks, always including `10⁰ = 1`. */
export function logAxis(results: readonly ChainResult[]): { domain: [number, number]; ticks: number[] } {
  const all = results.flatMap((r) => r.norms.map(clampNorm));
  const lo = Math.floor(Math.log10(Math.min(0.1, ...all)));
  const hi = Math.ceil(Math.log10(Math.max(10, ...all)));
  const step = Math.max(1, Math.ceil((hi - lo) / 6));
  const ticks: number[] = [];
  for (let e = hi; e >= lo; e--) if (e % step === 0) ticks.push(10 ** e);
  return { domain: [10 ** lo, 10 ** hi], ticks };
}

/** One activation's series: a line with a dot per layer, bold for the chosen activation, thin and dashed for the others. */
function series(r: ChainResult, main: boolean): Plot.Markish[] {
  const s = ACTIVATION_STYLE[r.activation];
  const rows: Row[] = r.norms.map((n, i) => ({ layer: i + 1, norm: clampNorm(n) }));
  return [
    Plot.line(rows, { x: 'layer', y: 'norm', stroke: s.color, strokeWidth: main ? 2.75 : 1.5, strokeDasharray: main ? 'none' : s.dash }),
    Plot.dot(rows, { x: 'layer', y: 'norm', r: main ? 4 : 2.5, fill: s.color, stroke: 'var(--bg, white)', strokeWidth: 1 }),
  ];
}

/** The gradient norm reaching each layer on a log axis: the chosen activation bold, the others (same weights) thin. */
export function depthFigure(v: DepthValues, layout?: FigureLayout, results: readonly ChainResult[] = allChains(v)): Plot.PlotOptions {
  const shown = v.compare ? results : results.filter((r) => r.activation === v.activation);
  const ordered = [...shown.filter((r) => r.activation !== v.activation), ...shown.filter((r) => r.activation === v.activation)];
  const axis = logAxis(shown);
  const key = ordered
    .slice()
    .reverse()
    .map((r) => {
      const s = ACTIVATION_STYLE[r.activation];
      const main = r.activation === v.activation;
      return { label: main ? `${s.label} (chosen)` : `${s.label}, same weights`, color: s.color, dash: main ? 'none' : s.dash, width: main ? 2.75 : 1.5 };
    });
  const width = chartWidth(layout, 720, 280);
  const top = 24 + 18 * key.length;
  return {
    className: 'plot',
    width,
    height: 320 + top - 24,
    marginLeft: 52,
    marginTop: top,
    marginBottom: 40,
    marginRight: 16,
    x: { domain: [0.5, v.depth + 0.5], label: 'layer l (1 = next to the input) →', labelAnchor: 'right', ticks: layerTicks(v.depth), tickFormat: 'd' },
    y: {
      type: 'log',
      domain: axis.domain,
      ticks: axis.ticks,
      tickFormat: (d: number) => powerOfTen(Math.round(Math.log10(d))),
      label: '↑ ‖∂ℓ/∂h⁽ˡ⁾‖',
      grid: true,
    },
    marks: [
      Plot.ruleY([1], { stroke: 'currentColor', strokeOpacity: 0.6, strokeDasharray: '4 3' }),
      ...ordered.flatMap((r) => series(r, r.activation === v.activation)),
      lineKey(key, { dx: Math.max(40, width / 2 - 160), dy: 12 - top }),
    ],
  };
}
