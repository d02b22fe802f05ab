import * as Plot from '@observablehq/plot';
import { classDots } from '../_shared/marks';
import { heatBands, heatLegendHeight, heatLegendRow } from '../_shared/heat';
import { legend } from '../_shared/legend';
import { FIGURE_FONT, chartWidth, type FigureLayout } from '../_shared/plot-dom';
import { clipLine, levelSegments, type Box } from '../_shared/geometry';
import { HEAT_INK, XOR_POINTS } from '../_shared/xor';
import { fmt } from '../_shared/format';
import type { GatingValues } from './model';
import { cornerOutputs, lattice } from './compute';

const BOX: Box = { x: [-0.25, 1.25], y: [-0.25, 1.25] };
/** Lines on the heatmap are dark in both themes: the heatmap's pale colours do not change with the theme. */

/** A dashed line where a linear part is zero, `a·x₁ + b·x₂ + c = 0`, labelled at its end; nothing when it misses the square. */
function zeroLine(a: number, b: number, c: number, text: string, dash: string): Plot.Markish[] {
  const seg = clipLine(a, b, -c, BOX);
  if (!seg) return [];
  const [p, q] = seg;
  const end = p[1] > q[1] || (p[1] === q[1] && p[0] > q[0]) ? p : q;
  return [
    Plot.line(seg, { stroke: HEAT_INK, strokeOpacity: 0.8, strokeWidth: 1.5, strokeDasharray: dash }),
    Plot.text([end], {
      x: (d: [number, number]) => d[0],
      y: (d: [number, number]) => d[1],
      text: () => text,
      dy: 8,
      dx: 4,
      textAnchor: 'start',
      fontSize: FIGURE_FONT,
      fill: HEAT_INK,
      stroke: 'white',
      strokeWidth: 3,
      paintOrder: 'stroke',
    }),
  ];
}

/** The gated unit's output over the square (pale blue 0, white ½, pale orange 1), its ½ level curve, the gate's and value's zero lines, and the XOR corners. */
export function gatingFigure(v: GatingValues, layout?: FigureLayout): Plot.PlotOptions {
  const outputs = cornerOutputs(v);
  const corners = XOR_POINTS.map((p, i) => ({ ...p, yhat: outputs[i] ?? 0 }));
  const width = chartWidth(layout, 420);
  const bottom = 40 + heatLegendHeight();
  return {
    className: 'plot',
    width,
    height: width - 68 + 24 + bottom,
    marginLeft: 44,
    marginBottom: bottom,
    marginTop: 24,
    marginRight: 24,
    x: { domain: BOX.x, label: 'x₁', ticks: [0, 0.5, 1], labelOffset: 34 },
    y: { domain: BOX.y, label: 'x₂', ticks: [0, 0.5, 1] },
    marks: [
      heatBands(lattice(v, BOX, 50, true), BOX, 50),
      legend([heatLegendRow('output ŷ')]),
      ...zeroLine(v.w1, v.w2, v.b, 'gate = 0', '6 4'),
      ...zeroLine(v.wp1, v.wp2, v.bp, 'value = 0', '2 3'),
      Plot.link(levelSegments(lattice(v, BOX, 80), BOX, 80, 0.5), { x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2', stroke: HEAT_INK, strokeWidth: 2.25 }),
      classDots(corners, { x: 'x', y: 'y', r: 9, label: (d) => d.target }),
      Plot.text(corners, {
        x: 'x',
        y: 'y',
        text: (d: (typeof corners)[number]) => `y=${d.target}  ŷ=${fmt(d.yhat)}`,
        dy: -18,
        fontSize: FIGURE_FONT,
        fill: 'black',
        stroke: 'white',
        strokeWidth: 3,
        paintOrder: 'stroke',
      }),
    ],
  };
}
