/**
 * The numbers the chapter quotes about scrambled pixels, from the widget's own default run (`train.ts`: the first 2,000
 * training and 500 test digits, the chapter's network trained for 3 epochs as in the control-task widget). Used by
 * `scripts/measure-controls.ts` (which wrote `measured.ts`) and by `measured.test.ts` (which checks it).
 */
import { runToEnd } from '../_shared/run/contract';
import type { Digits } from '../_shared/data/mnist';
import { ScrambleRun } from './train';
import { inkCounts, type BlankName, type NetName } from './model';

export interface ScrambleMeasure {
  raw: number;
  scrambled: number;
  lookup: number;
  /** Each network trained: test accuracy, and accuracy on its own training digits. */
  nets: Partial<Record<NetName, { test: number; train: number }>>;
  /**
   * How far the lookup network's learned table undid π: the correlation of E[π(v)] with v over the ink values, each
   * weighted by how often it occurs in the training digits (1 if E ∝ π⁻¹ up to a shift; about 0 for a random table).
   */
  tableR: number | null;
  /** That table, E[π(v)] for v = 0 … 255, to three decimals (the build-time figure). */
  table: number[] | null;
  blank: number;
  /** The commonest ink value of the training digits, its share of all ink pixels, and the value π makes of it. */
  ink: { value: number; share: number; becomes: number };
}

/** The two linear probes only (the run's first two steps, no network built), for comparing where blank goes. */
export function measureProbes(digits: Digits, seed = 1, blank: BlankName = 'random'): Pick<ScrambleMeasure, 'raw' | 'scrambled' | 'blank'> {
  const run = new ScrambleRun({ seed, blank, digits, nets: [] });
  run.step();
  run.step();
  const s = run.snapshot();
  return { raw: s.raw!, scrambled: s.scrambled!, blank: s.pi[0]! };
}

/** The commonest non-blank value of the training digits' pixels, its share of them, and what `pi` makes of it. */
export function commonestInk(d: Digits, pi: Uint8Array): ScrambleMeasure['ink'] {
  const counts = inkCounts(d);
  const value = counts.indexOf(Math.max(...counts));
  return { value, share: counts[value]! / counts.reduce((a, b) => a + b, 0), becomes: pi[value]! };
}

/** One seed's default run with `blank` sent where the setting says (`nets`: the networks trained, default all). */
export function measureScramble(digits: Digits, seed = 1, blank: BlankName = 'middle', nets?: readonly NetName[]): ScrambleMeasure {
  const run = new ScrambleRun({ seed, blank, digits, ...(nets && { nets }) });
  const s = runToEnd(run);
  const trained = Object.entries(s.nets).map(([name, n]) => [name, { test: n.accuracy!, train: n.trainAccuracy! }]);
  const ink = commonestInk(digits, s.pi);
  return {
    raw: s.raw!,
    scrambled: s.scrambled!,
    lookup: s.lookup!,
    nets: Object.fromEntries(trained),
    tableR: s.tableR,
    table: s.table && Array.from(s.table, (e) => Math.round(e * 1000) / 1000),
    blank: s.pi[0]!,
    ink,
  };
}
