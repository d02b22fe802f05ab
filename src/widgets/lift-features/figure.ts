import * as Plot from '@observablehq/plot';
import { classDots } from '../_shared/marks';
import { heatBands, heatLegendHeight, heatLegendRow } from '../_shared/heat';
import { legend } from '../_shared/legend';
import { FIGURE_FONT, chartWidth, type FigureLayout } from '../_shared/plot-dom';
import { clipLine, levelSegments, mergeLabels, type Box } from '../_shared/geometry';
import { HEAT_INK, XOR_POINTS } from '../_shared/xor';
import { liftedView, predict, type LiftValues } from './model';

const INPUT: Box = { x: [-0.25, 1.25], y: [-0.25, 1.25] };

/** Panel size: two panels side by side when both fit at 260 px or more, each at most 320 px; one above the other on a phone. */
function panel(layout?: FigureLayout): { width: number; height: number; marginTop: number; marginLeft: number; marginBottom: number } {
  const w = layout?.width ?? 0;
  const width = w >= 2 * 260 + 16 ? chartWidth({ width: (w - 16) / 2 }, 320) : chartWidth(layout, 320);
  const marginBottom = 36 + heatLegendHeight();
  return { width, height: width - 40 + marginBottom, marginTop: 20, marginLeft: 40, marginBottom };
}

/** Left panel: the lifted model's prediction over the input square, with its curved 0.5 boundary. */
export function inputPanel(v: LiftValues, layout?: FigureLayout): Plot.PlotOptions {
  const f = (x: number, y: number): number => predict(v, x, y);
  return {
    className: 'plot',
    ...panel(layout),
    marginRight: 20,
    x: { domain: INPUT.x, label: 'x₁', ticks: [0, 0.5, 1], labelOffset: 32 },
    y: { domain: INPUT.y, label: 'x₂', ticks: [0, 0.5, 1] },
    marks: [
      heatBands(f, INPUT, 30),
      legend([heatLegendRow('prediction ŷ')]),
      Plot.link(levelSegments(f, INPUT, 60, 0.5), { x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2', stroke: HEAT_INK, strokeWidth: 2 }),
      classDots(XOR_POINTS, { x: 'x', y: 'y', label: (d) => d.target }),
    ],
  };
}

/** Right panel: the corners in the lifted view `(w₁x₁ + w₂x₂, x₁x₂)`, where the boundary `s + w₃p + b = ½` is a straight line. */
export function liftedPanel(v: LiftValues, layout?: FigureLayout): Plot.PlotOptions {
  const pts = XOR_POINTS.map((c) => ({ ...c, x0: c.x, y0: c.y, ...liftedView(v, c.x, c.y) }));
  const ss = pts.map((p) => p.s);
  const pad = 0.5;
  const box: Box = { x: [Math.min(-0.5, ...ss) - pad, Math.max(1.5, ...ss) + pad], y: [-0.5, 1.5] };
  const line = clipLine(1, v.w3, 0.5 - v.b, box);
  return {
    className: 'plot',
    ...panel(layout),
    marginRight: 20,
    x: { domain: box.x, label: 'w₁x₁ + w₂x₂', ticks: 5, labelOffset: 32 },
    y: { domain: box.y, label: 'x₁x₂', ticks: [0, 0.5, 1] },
    marks: [
      Plot.frame({ stroke: 'currentColor', strokeOpacity: 0.3 }),
      line ? Plot.line(line, { stroke: 'currentColor', strokeWidth: 2, strokeDasharray: '6 4' }) : null,
      classDots(pts, { x: 's', y: 'p', label: (d) => d.target }),
      Plot.text(
        mergeLabels(
          pts.map((q) => ({ ...q, x: q.s, y: q.p })),
          (q) => `${q.x0}${q.y0}`,
        ),
        { x: 'x', y: 'y', text: 'text', dy: -16, fontSize: FIGURE_FONT, fill: 'currentColor' },
      ),
    ],
  };
}

/** Both panels, left to right. */
export function liftFigure(v: LiftValues, layout?: FigureLayout): Plot.PlotOptions[] {
  return [inputPanel(v, layout), liftedPanel(v, layout)];
}
