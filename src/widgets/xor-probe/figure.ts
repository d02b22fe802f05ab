import * as Plot from '@observablehq/plot';
import { classDots } from '../_shared/marks';
import { clipLine, mergeLabels, type Box } from '../_shared/geometry';
import { HEAT_INK, XOR_POINTS } from '../_shared/xor';
import { heatBands, heatLegendHeight, heatLegendRow } from '../_shared/heat';
import { legend } from '../_shared/legend';
import { FIGURE_FONT, chartWidth, type FigureLayout } from '../_shared/plot-dom';
import { probeXor, type ProbeFit, type Pt, type XorProbeResult } from './compute';
import type { XorProbeValues } from './model';

const INPUT: Box = { x: [-0.25, 1.25], y: [-0.25, 1.25] };
const LABEL = { dy: -17, fontSize: FIGURE_FONT, fill: 'black', stroke: 'white', strokeWidth: 3, paintOrder: 'stroke' } as const;

/** Panel size: side by side when both fit at 260 px or more (each at most 320 px), else one above the other. */
function panel(layout?: FigureLayout): { width: number; height: number; marginTop: number; marginLeft: number; marginRight: number; marginBottom: number } {
  const w = layout?.width ?? 0;
  const width = w >= 2 * 260 + 16 ? chartWidth({ width: (w - 16) / 2 }, 320) : chartWidth(layout, 320);
  const marginBottom = 36 + heatLegendHeight();
  return { width, height: width - 40 + marginBottom + 20, marginTop: 34, marginLeft: 52, marginRight: 20, marginBottom };
}

/** The box around the hidden images and the origin, padded by 15 %. */
function hiddenBox(hs: readonly Pt[]): Box {
  const span = (a: number[]): [number, number] => {
    const [lo, hi] = [Math.min(0, ...a), Math.max(1, ...a)];
    const pad = 0.15 * (hi - lo);
    return [lo - pad, hi + pad];
  };
  return { x: span(hs.map((h) => h[0])), y: span(hs.map((h) => h[1])) };
}

/** The probe's heatmap, its switching line (solid) or a note that it has none, and the title with its accuracy. */
function probeMarks(fit: ProbeFit, box: Box, title: string): Plot.Markish[] {
  const line = clipLine(fit.a, fit.b, -fit.c0, box);
  const what = fit.kind === 'regression' ? 'probe ŷ' : 'probe P(class 1)';
  return [
    heatBands(fit.value, box, 30),
    legend([heatLegendRow(what)]),
    line
      ? Plot.line(line, { stroke: HEAT_INK, strokeWidth: 2.5 })
      : Plot.text([`no line: the probe gives ${fit.values[0]!.toFixed(2)} everywhere`], {
          frameAnchor: 'bottom',
          dy: -4,
          fontSize: FIGURE_FONT,
          fill: 'black',
        }),
    Plot.text([`${title}: ${fit.correct} of 4 right`], {
      frameAnchor: 'top-left',
      dx: -48,
      dy: -24,
      textAnchor: 'start',
      fontSize: FIGURE_FONT,
      fontWeight: 'bold',
      fill: 'currentColor',
    }),
  ];
}

/** Left: the probe fitted on the raw inputs `(x₁, x₂)`. */
export function inputPanel(r: XorProbeResult, layout?: FigureLayout): Plot.PlotOptions {
  return {
    className: 'plot',
    ...panel(layout),
    x: { domain: INPUT.x, label: 'x₁', ticks: [0, 0.5, 1], labelOffset: 32 },
    y: { domain: INPUT.y, label: 'x₂', labelAnchor: 'center', labelArrow: 'none', labelOffset: 40, ticks: [0, 0.5, 1] },
    marks: [
      ...probeMarks(r.input, INPUT, 'Probe on the input'),
      classDots(XOR_POINTS, { x: 'x', y: 'y', label: (d) => d.target }),
      Plot.text(XOR_POINTS, { x: 'x', y: 'y', text: (d: (typeof XOR_POINTS)[number]) => `${d.x}${d.y}`, ...LABEL }),
    ],
  };
}

/** Right: the probe fitted on the hidden layer `h = ReLU(xW)`, with the network's own output line `u·h = ½` dashed. */
export function hiddenPanel(r: XorProbeResult, relu: boolean, layout?: FigureLayout): Plot.PlotOptions {
  const pts = XOR_POINTS.map((c, i) => ({ ...c, name: `${c.x}${c.y}`, h1: r.hidden[i]![0], h2: r.hidden[i]![1] }));
  const box = hiddenBox(r.hidden);
  const own = clipLine(r.u[0], r.u[1], 0.5, box);
  return {
    className: 'plot',
    ...panel(layout),
    x: { domain: box.x, label: relu ? 'h₁ = ReLU(k₁)' : 'h₁ = k₁', ticks: 4, labelOffset: 32 },
    y: { domain: box.y, label: relu ? 'h₂ = ReLU(k₂)' : 'h₂ = k₂', labelAnchor: 'center', labelArrow: 'none', labelOffset: 40, ticks: 4 },
    marks: [
      ...probeMarks(r.hiddenFit, box, 'Probe on the hidden layer'),
      own ? Plot.line(own, { stroke: HEAT_INK, strokeWidth: 1.5, strokeDasharray: '6 4' }) : null,
      classDots(pts, { x: 'h1', y: 'h2', label: (d) => d.target }),
      Plot.text(
        mergeLabels(
          pts.map((p) => ({ ...p, x: p.h1, y: p.h2 })),
          (p) => p.name,
        ),
        { x: 'x', y: 'y', text: 'text', ...LABEL },
      ),
    ],
  };
}

/** Both panels: the probe on the input square, and on the hidden space. */
export function xorProbeFigure(v: XorProbeValues, layout?: FigureLayout): Plot.PlotOptions[] {
  const r = probeXor(v);
  return [inputPanel(r, layout), hiddenPanel(r, v.relu, layout)];
}
