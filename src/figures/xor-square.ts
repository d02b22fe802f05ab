import * as Plot from '@observablehq/plot';
import { classDots } from '../widgets/_shared/marks';
import { legend, legendHeight, type LegendRow } from '../widgets/_shared/legend';
import { FIGURE_FONT } from '../widgets/_shared/plot-dom';
import { CLASS_COLORS, XOR_POINTS } from '../widgets/_shared/xor';

/**
 * Chapter 1's opening picture: the four XOR corners, the two diagonals joining the corners of each
 * class, and the midpoint (½, ½) that both diagonals share, the point the proof turns on.
 */

/** The segment joining the two corners of class `c`. */
export function diagonal(c: 0 | 1): Array<{ x: number; y: number }> {
  return XOR_POINTS.filter((p) => p.target === c).map(({ x, y }) => ({ x, y }));
}

/** The midpoint of the segment joining the corners of class `c`: (½, ½) for both classes. */
export function midpoint(c: 0 | 1): { x: number; y: number } {
  const [a, b] = diagonal(c);
  return { x: ((a?.x ?? 0) + (b?.x ?? 0)) / 2, y: ((a?.y ?? 0) + (b?.y ?? 0)) / 2 };
}

const KEY: LegendRow[] = [
  {
    kind: 'items',
    title: 'XOR',
    items: [
      { fill: CLASS_COLORS[0], label: '0 (circle)' },
      { fill: CLASS_COLORS[1], label: '1 (diamond)' },
    ],
  },
];

/** The square, its diagonals (dashed for class 0, solid for class 1) and their shared midpoint. */
export function xorSquareFigure(): Plot.PlotOptions {
  const mid = midpoint(0);
  const bottom = 40 + legendHeight(KEY);
  return {
    className: 'plot',
    width: 320,
    height: 300 + bottom - 40,
    marginLeft: 44,
    marginRight: 24,
    marginTop: 34,
    marginBottom: bottom,
    x: { domain: [-0.2, 1.2], label: 'x₁', ticks: [0, 0.5, 1], labelOffset: 34 },
    y: { domain: [-0.2, 1.2], label: 'x₂', ticks: [0, 0.5, 1] },
    marks: [
      Plot.line(diagonal(0), { x: 'x', y: 'y', stroke: CLASS_COLORS[0], strokeWidth: 2.5, strokeDasharray: '6 4' }),
      Plot.line(diagonal(1), { x: 'x', y: 'y', stroke: CLASS_COLORS[1], strokeWidth: 2.5 }),
      Plot.dot([mid], { x: 'x', y: 'y', r: 5, fill: 'currentColor' }),
      Plot.text([mid], { x: 'x', y: 'y', text: () => 'shared midpoint (½, ½)', dy: 18, fontSize: FIGURE_FONT, fill: 'currentColor' }),
      classDots(XOR_POINTS, { x: 'x', y: 'y', r: 9, label: (d) => d.target }),
      ...[1, 0].map((row) =>
        Plot.text(
          XOR_POINTS.filter((d) => d.y === row),
          {
            x: 'x',
            y: 'y',
            text: (d: (typeof XOR_POINTS)[number]) => `(${d.x}, ${d.y}) → ${d.target}`,
            dy: row === 1 ? -20 : 22,
            fontSize: FIGURE_FONT,
            fill: 'currentColor',
          },
        ),
      ),
      legend(KEY),
    ],
  };
}

/** The figure in words, for screen readers and for readers without the picture. */
export const xorSquareDescription =
  'The unit square with XOR’s four corners: (0, 0) and (1, 1) are class 0 (blue circles), joined by a dashed diagonal; (0, 1) and (1, 0) are class 1 (orange diamonds), joined by the other diagonal. Both diagonals pass through the midpoint (½, ½).';
