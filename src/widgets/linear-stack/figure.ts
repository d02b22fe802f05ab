import * as Plot from '@observablehq/plot';
import { classDots } from '../_shared/marks';
import { FIGURE_FONT, chartWidth, type FigureLayout } from '../_shared/plot-dom';
import { clipLine, mergeLabels, type Box } from '../_shared/geometry';
import { separability, stages, type LinearStackValues, type StagePoint } from './model';

const STAGES = ['input x', 'hidden h', 'output'] as const;

/** A square box around every point, at least `[−1.5, 1.5]²`, so all panels share honest scales. */
function boxFor(points: readonly StagePoint[]): Box {
  const extent = Math.max(1.5, ...points.map((p) => Math.max(Math.abs(p.x), Math.abs(p.y)) + 0.5));
  const r = Math.min(extent, 60);
  return { x: [-r, r], y: [-r, r] };
}

/** The XOR corners at the input, after the first layer, and at the output, with a separating line where one exists. */
export function linearStackFigure(v: LinearStackValues, layout?: FigureLayout): Plot.PlotOptions {
  // Side by side when there is room; stacked on phones so the axis labels stay legible.
  const stacked = (layout?.width ?? 0) < 560;
  const facet = stacked ? 'fy' : 'fx';
  const points = stages(v);
  const box = boxFor(points);
  const lines = separability(points);
  const segments = STAGES.flatMap((stage) => {
    const l = lines[stage];
    const seg = l ? clipLine(l.nx, l.ny, l.c, box) : null;
    return seg ? seg.map(([x, y]) => ({ stage, x, y })) : [];
  });
  return {
    className: 'plot',
    width: stacked ? chartWidth(layout, 340) : chartWidth(layout, 720),
    height: stacked ? 3 * 230 : 250,
    marginLeft: 40,
    marginTop: 28,
    marginRight: stacked ? 72 : 20,
    marginBottom: 36,
    x: { domain: box.x, label: 'first coordinate', ticks: 5 },
    y: { domain: box.y, label: 'second coordinate', ticks: 5 },
    [facet]: { domain: [...STAGES], label: null, padding: 0.12 },
    marks: [
      Plot.frame({ stroke: 'currentColor', strokeOpacity: 0.3 }),
      Plot.ruleX([0], { stroke: 'currentColor', strokeOpacity: 0.2 }),
      Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.2 }),
      Plot.line(segments, { [facet]: 'stage', x: 'x', y: 'y', z: 'stage', stroke: 'currentColor', strokeWidth: 2, strokeDasharray: '6 4' }),
      classDots(points, { [facet]: 'stage', x: 'x', y: 'y', r: 7, strokeWidth: 1.5, label: (d) => d.label }),
      Plot.text(
        mergeLabels(
          points,
          (p) => p.name,
          (p) => p.stage,
        ),
        { [facet]: 'stage', x: 'x', y: 'y', text: 'text', dy: -14, fontSize: FIGURE_FONT, fill: 'currentColor' },
      ),
    ],
  };
}
