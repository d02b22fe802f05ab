import * as Plot from '@observablehq/plot';
import { classDots } from '../_shared/marks';
import { clipLine, levelSegments, mergeLabels, type Box } from '../_shared/geometry';
import { HEAT_INK, XOR_POINTS } from '../_shared/xor';
import { heatBands, heatLegendHeight, heatLegendRow } from '../_shared/heat';
import { legend } from '../_shared/legend';
import { FIGURE_FONT, chartWidth, type FigureLayout } from '../_shared/plot-dom';
import { hidden, predict, type XorNetValues } from './model';

const INPUT: Box = { x: [-0.25, 1.25], y: [-0.25, 1.25] };
/** Lines over the heatmap: dark in both themes, because the heatmap's colours are light in both. */
type Corner = (typeof XOR_POINTS)[number];

/** Panel size: two panels side by side when both fit at 260 px or more, each at most 320 px; one above the other on a phone. */
function panel(layout?: FigureLayout): { width: number; height: number; marginTop: number; marginLeft: number; marginRight: number; marginBottom: number } {
  const w = layout?.width ?? 0;
  const width = w >= 2 * 260 + 16 ? chartWidth({ width: (w - 16) / 2 }, 320) : chartWidth(layout, 320);
  const marginBottom = 36 + heatLegendHeight();
  return { width, height: width - 40 + marginBottom, marginTop: 20, marginLeft: 40, marginRight: 20, marginBottom };
}

/** Left panel: the output `ŷ(x₁, x₂)` as a heatmap over the input square, its ½ level curve, and the corners. */
export function inputPanel(v: XorNetValues, layout?: FigureLayout): Plot.PlotOptions {
  const f = (x: number, y: number): number => predict(v, x, y);
  return {
    className: 'plot',
    ...panel(layout),
    x: { domain: INPUT.x, label: 'x₁', ticks: [0, 0.5, 1], labelOffset: 32 },
    y: { domain: INPUT.y, label: 'x₂', ticks: [0, 0.5, 1] },
    marks: [
      heatBands(f, INPUT, 30),
      legend([heatLegendRow('output ŷ')]),
      Plot.link(levelSegments(f, INPUT, 40, 0.5), { x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2', stroke: HEAT_INK, strokeWidth: 2 }),
      classDots(XOR_POINTS, { x: 'x', y: 'y', label: (d) => d.target }),
      Plot.text(XOR_POINTS, {
        x: 'x',
        y: 'y',
        text: (d: Corner) => `ŷ=${predict(v, d.x, d.y).toFixed(2).replace('-', '−')}`,
        dy: -17,
        fontSize: FIGURE_FONT,
        fill: 'black',
        stroke: 'white',
        strokeWidth: 3,
        paintOrder: 'stroke',
      }),
    ],
  };
}

/** The hidden-space box: the corners' images `h` and the origin, padded. */
function hiddenBox(hs: ReadonlyArray<readonly [number, number]>): Box {
  const xs = hs.map((h) => h[0]);
  const ys = hs.map((h) => h[1]);
  const span = (a: number[]): [number, number] => {
    const lo = Math.min(0, ...a);
    const hi = Math.max(1, ...a);
    const pad = 0.15 * (hi - lo);
    return [lo - pad, hi + pad];
  };
  return { x: span(xs), y: span(ys) };
}

/** Right panel: the corners in the hidden space `(h₁, h₂)`, shaded by the output layer `u·h`, with its line `u·h = ½`. */
export function hiddenPanel(v: XorNetValues, layout?: FigureLayout): Plot.PlotOptions {
  const pts = XOR_POINTS.map((c) => {
    const [h1, h2] = hidden(v, c.x, c.y);
    return { ...c, name: `${c.x}${c.y}`, h1, h2 };
  });
  const box = hiddenBox(pts.map((p) => [p.h1, p.h2] as const));
  const line = clipLine(v.u1, v.u2, 0.5, box);
  return {
    className: 'plot',
    ...panel(layout),
    x: { domain: box.x, label: v.relu ? 'h₁ = ReLU(z₁)' : 'h₁ = z₁', ticks: 4, labelOffset: 32 },
    y: { domain: box.y, label: v.relu ? 'h₂ = ReLU(z₂)' : 'h₂ = z₂', ticks: 4 },
    marks: [
      heatBands((a, b) => v.u1 * a + v.u2 * b, box, 30),
      legend([heatLegendRow('output u·h')]),
      line ? Plot.line(line, { stroke: HEAT_INK, strokeWidth: 2, strokeDasharray: '6 4' }) : null,
      classDots(pts, { x: 'h1', y: 'h2', label: (d) => d.target }),
      Plot.text(
        mergeLabels(
          pts.map((p) => ({ ...p, x: p.h1, y: p.h2 })),
          (p) => p.name,
        ),
        { x: 'x', y: 'y', text: 'text', dy: -17, fontSize: FIGURE_FONT, fill: 'black', stroke: 'white', strokeWidth: 3, paintOrder: 'stroke' },
      ),
    ],
  };
}

/** Both panels: the input square and the hidden space, where the output layer is a straight line. */
export function xorReluFigure(v: XorNetValues, layout?: FigureLayout): Plot.PlotOptions[] {
  return [inputPanel(v, layout), hiddenPanel(v, layout)];
}
