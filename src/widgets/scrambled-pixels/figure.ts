/**
 * The scrambled-pixels figure: held-out accuracy of each reader of the digits (linear probe on raw and on scrambled
 * pixels, lookup probe, the network trained on raw digits, on scrambled ones, and on scrambled ones behind a learned
 * lookup) as bars, the permutation π itself, and the lookup network's learned table. The same functions draw the
 * build-time figure (from `measured.ts`) and the live one (from the run's snapshots).
 */
import * as Plot from '@observablehq/plot';
import { chartWidth, type FigureLayout } from '../_shared/plot-dom';
import { sheet } from '../_shared/data/sheet';
import { READERS, type Readings } from './model';
import { measured } from './measured';

export type { Readings } from './model';

export { rgba as rgbaOf } from '../digits/figure';

/** The build-time bars: seed 1's default run (`measured.ts`). */
export const BUILT: Readings = {
  raw: measured.raw,
  scrambled: measured.scrambled,
  lookup: measured.lookup,
  netRaw: measured.nets.raw.test,
  netPlain: measured.nets.plain.test,
  netLookup: measured.nets.lookup.test,
};

/** The build-time table and its correlation with v: the lookup network of seed 1's default run. */
export const BUILT_TABLE: readonly number[] = measured.table;
export const BUILT_R: number = measured.tableR;

/** Held-out accuracy (%) of each reader as a horizontal bar with its value; a reader not yet measured says so. */
export function accuracyFigure(r: Readings, layout?: FigureLayout): Plot.PlotOptions {
  const rows = READERS.map((d) => ({ ...d, acc: r[d.key] === null ? null : r[d.key]! * 100 }));
  const done = rows.filter((d) => d.acc !== null);
  return {
    className: 'plot',
    width: chartWidth(layout, 640, 260),
    height: 250,
    marginLeft: 200,
    marginRight: 56,
    x: { domain: [0, 100], grid: true, label: 'held-out accuracy on the test digits (%) →' },
    y: { domain: READERS.map((d) => d.label), label: null },
    marks: [
      Plot.barX(done, { x: 'acc', y: 'label', fill: 'color' }),
      Plot.text(rows, {
        x: (d: (typeof rows)[number]) => d.acc ?? 0,
        y: 'label',
        text: (d: (typeof rows)[number]) => (d.acc === null ? 'not yet measured' : `${d.acc.toFixed(1)} %`),
        textAnchor: 'start',
        dx: 4,
      }),
      Plot.ruleX([10], { stroke: 'currentColor', strokeDasharray: '3 3' }),
      Plot.text([10], { x: (v: number) => v, frameAnchor: 'top', text: () => 'chance', dy: -2, dx: 4, textAnchor: 'start' }),
    ],
  };
}

/** What the two charts over the pixel values share: size, margins, and the x axis of values 0 (blank) to 255. */
function overValues(layout?: FigureLayout): Plot.PlotOptions {
  return {
    className: 'plot',
    width: chartWidth(layout, 640, 260),
    height: 220,
    marginLeft: 44,
    marginRight: 24,
    x: { domain: [0, 255], label: 'pixel value v (0 blank … 255 full ink) →', ticks: [0, 64, 128, 192, 255] },
  };
}

/** The permutation: each value v (0 = blank … 255 = full ink) against the value π(v) it becomes; blank's new value marked. */
export function permutationFigure(pi: Uint8Array, layout?: FigureLayout): Plot.PlotOptions {
  const points = Array.from(pi, (p, v) => ({ v, p }));
  return {
    ...overValues(layout),
    y: { domain: [0, 255], label: '↑ scrambled value π(v)', ticks: [0, 64, 128, 192, 255] },
    marks: [
      Plot.dot(points, { x: 'v', y: 'p', r: 1.6, fill: 'currentColor' }),
      Plot.dot([points[0]!], { x: 'v', y: 'p', r: 5, stroke: '#D55E00', strokeWidth: 2 }),
      Plot.text([points[0]!], { x: 'v', y: 'p', text: (d: { p: number }) => `blank → ${d.p}`, dx: 8, textAnchor: 'start', fill: '#D55E00' }),
    ],
  };
}

/**
 * The lookup network's learned table read by original value: the number E[π(v)] that a pixel of value v feeds the
 * network, against v. Blank feeds 0 by construction; if the network undid π, the ink values rise with v. `null` (no
 * lookup network trained yet): an empty frame that says so.
 */
export function tableFigure(table: ArrayLike<number> | null, layout?: FigureLayout): Plot.PlotOptions {
  const points = table ? Array.from(table, (e, v) => ({ v, e })) : [];
  return {
    ...overValues(layout),
    y: { label: '↑ learned number E[π(v)]', grid: true, ...(table ? {} : { domain: [0, 1] }) },
    marks: table
      ? [
          Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.4 }),
          Plot.dot(points.slice(1), { x: 'v', y: 'e', r: 1.8, fill: '#009E73' }),
          Plot.dot([points[0]!], { x: 'v', y: 'e', r: 5, stroke: '#D55E00', strokeWidth: 2 }),
          Plot.text([points[0]!], { x: 'v', y: 'e', text: () => 'blank: 0', dx: 8, dy: -8, textAnchor: 'start', fill: '#D55E00' }),
        ]
      : [Plot.text(['the table appears once the lookup network trains'], { frameAnchor: 'middle', text: (d: string) => d })],
  };
}

/** One digit before and after scrambling, side by side as a grayscale sheet (ink dark on white) for a canvas. */
export function beforeAfter(raw: Uint8Array, scrambled: Uint8Array): ReturnType<typeof sheet> {
  const both = new Uint8Array(raw.length * 2);
  both.set(raw);
  both.set(scrambled, raw.length);
  return sheet(both, Math.round(Math.sqrt(raw.length)), [0, 1], 2);
}
