import * as Plot from '@observablehq/plot';
import { classDots } from '../_shared/marks';
import { heatBands, heatLegendHeight, heatLegendRow } from '../_shared/heat';
import { legend } from '../_shared/legend';
import { FIGURE_FONT, chartWidth, type FigureLayout } from '../_shared/plot-dom';
import { clipLine, type Box } from '../_shared/geometry';
import { HEAT_INK, XOR_POINTS } from '../_shared/xor';
import { predict, type XorFitValues } from './model';

const BOX: Box = { x: [-0.25, 1.25], y: [-0.25, 1.25] };

/** The XOR corners over a heatmap of the linear model's prediction (with its legend), and its 0.5 contour. */
export function xorFitFigure(v: XorFitValues, layout?: FigureLayout): Plot.PlotOptions {
  const cells = 32;
  const line = clipLine(v.w1, v.w2, 0.5 - v.b, BOX);
  const width = chartWidth(layout, 400);
  const bottom = 40 + heatLegendHeight();
  return {
    className: 'plot',
    width,
    height: width - 44 + bottom,
    marginLeft: 44,
    marginRight: 20,
    marginTop: 20,
    marginBottom: bottom,
    x: { domain: BOX.x, label: 'x₁', ticks: [0, 0.5, 1], labelOffset: 34 },
    y: { domain: BOX.y, label: 'x₂', ticks: [0, 0.5, 1] },
    marks: [
      heatBands((x, y) => predict(v, x, y), BOX, cells),
      legend([heatLegendRow('prediction ŷ')]),
      line ? Plot.line(line, { stroke: HEAT_INK, strokeWidth: 2, strokeDasharray: '6 4' }) : null,
      classDots(XOR_POINTS, { x: 'x', y: 'y', r: 9, label: (d) => d.target }),
      Plot.text(XOR_POINTS, {
        x: 'x',
        y: 'y',
        text: (d: (typeof XOR_POINTS)[number]) => `y=${d.target}  ŷ=${predict(v, d.x, d.y).toFixed(2)}`,
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
