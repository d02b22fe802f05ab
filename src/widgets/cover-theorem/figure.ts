import * as Plot from '@observablehq/plot';
import { chartWidth, type FigureLayout } from '../_shared/plot-dom';
import { coverFraction, halfWidth, maxPoints, measured, pointCounts, type Estimate } from './model';

/** The site's theme-aware series colours (blue for theory, orange for measurement): colour-blind safe, and line vs dots besides. */
export const THEORY_COLOR = 'var(--series-a, #0072B2)';
/** Orange for the Monte Carlo estimate, with an Okabe–Ito vermillion fallback. */
export const MEASURED_COLOR = 'var(--series-b, #D55E00)';

type Row = { N: number; p: number; lo: number; hi: number };

/** The measured rows with their 95% bars clipped to `[0, 1]`: `p̂ ± 1.96·√(p̂(1−p̂)/trials)`. */
function measuredRows(estimates: readonly Estimate[]): Row[] {
  const rows: Row[] = [];
  for (const e of estimates) {
    const p = measured(e);
    if (p === undefined) continue;
    const h = halfWidth(e);
    rows.push({ N: e.N, p, lo: Math.max(0, p - h), hi: Math.min(1, p + h) });
  }
  return rows;
}

/** A key drawn in pixel space in the top margin, at the left under the y axis label: a line sample for theory, a dot with a bar for measurement. */
function key(): Plot.RenderFunction {
  return (_index, _scales, _values, dim, context) => {
    const doc = context.document;
    const ns = 'http://www.w3.org/2000/svg';
    const g = doc.createElementNS(ns, 'g');
    const x = dim.marginLeft;
    const y = 32;
    const el = (tag: string, attrs: Record<string, string | number>): void => {
      const node = doc.createElementNS(ns, tag);
      for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
      g.append(node);
    };
    el('line', { x1: x, x2: x + 22, y1: y, y2: y, stroke: THEORY_COLOR, 'stroke-width': 2.5 });
    el('line', { x1: x + 11, x2: x + 11, y1: y + 13, y2: y + 27, stroke: MEASURED_COLOR, 'stroke-width': 1.5 });
    el('circle', { cx: x + 11, cy: y + 20, r: 3.5, fill: MEASURED_COLOR });
    const label = (dy: number, text: string): void => {
      const t = doc.createElementNS(ns, 'text');
      t.setAttribute('x', String(x + 30));
      t.setAttribute('y', String(y + dy));
      t.setAttribute('dy', '0.32em');
      t.setAttribute('text-anchor', 'start');
      t.setAttribute('fill', 'currentColor');
      t.textContent = text;
      g.append(t);
    };
    label(0, 'theory C(N, d) / 2ᴺ');
    label(20, 'measured, 95% bars');
    return g as unknown as SVGElement;
  };
}

/** The fraction of separable labellings against N: Cover's closed form as a line, estimates as dots with 95% bars. */
export function coverFigure(d: number, estimates: readonly Estimate[], layout?: FigureLayout): Plot.PlotOptions {
  const nMax = maxPoints(d);
  const theory = pointCounts(d).map((N) => ({ N, p: coverFraction(N, d) }));
  const rows = measuredRows(estimates);
  const half = 2 * d;
  const width = chartWidth(layout, 560);
  return {
    className: 'plot',
    width,
    height: 340,
    marginLeft: 44,
    marginBottom: 40,
    marginTop: 66,
    marginRight: 16,
    x: { domain: [0.5, nMax + 0.5], label: 'N, number of points →', labelAnchor: 'right', ticks: nMax <= 12 && width >= 400 ? nMax : 6 },
    y: { domain: [0, 1], label: '↑ fraction separable', ticks: 5, grid: true },
    marks: [
      Plot.ruleY([0.5], { stroke: 'currentColor', strokeOpacity: 0.35, strokeDasharray: '2 3' }),
      Plot.ruleX([half], { stroke: 'currentColor', strokeWidth: 1.25, strokeDasharray: '5 4' }),
      Plot.text([half], { x: (n: number) => n, frameAnchor: 'top', text: () => 'N = 2d', textAnchor: 'start', dx: 5, dy: 4, fill: 'currentColor' }),
      Plot.line(theory, { x: 'N', y: 'p', stroke: THEORY_COLOR, strokeWidth: 2.5 }),
      Plot.ruleX(rows, { x: 'N', y1: 'lo', y2: 'hi', stroke: MEASURED_COLOR, strokeWidth: 1.5 }),
      Plot.dot(rows, { x: 'N', y: 'p', r: 3.5, fill: MEASURED_COLOR, stroke: 'var(--surface, white)', strokeWidth: 0.75 }),
      key(),
    ],
  };
}
