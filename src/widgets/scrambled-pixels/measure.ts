/**
 * The numbers the chapter quotes about scrambled pixels, from the widget's own default run (`train.ts`: all 8,000
 * training and 2,000 test digits, the chapter's network trained for `EPOCHS` epochs exactly as in the layer-probes
 * widget). Used by `scripts/measure-controls.ts` (which wrote `measured.ts`) and by `measured.test.ts` (which checks it).
 */
import { noGrad } from '@beyond-linear/tensor';
import { runToEnd } from '../_shared/run/contract';
import type { Digits } from '../_shared/data/mnist';
import { readScores } from '../_shared/mnist-net';
import { ScrambleRun } from './train';
import type { BlankName } from './model';

export interface ScrambleMeasure {
  raw: number;
  scrambled: number;
  lookup: number;
  /** The network retrained on the scrambled digits: test accuracy, and accuracy on its own training digits. */
  netScrambled: number;
  netScrambledTrain: number;
  blank: number;
  /** The commonest ink value of the training digits, its share of all ink pixels, and the value π makes of it. */
  ink: { value: number; share: number; becomes: number };
}

/** The two linear probes only (the run's first two steps), for comparing where blank goes. */
export function measureProbes(digits: Digits, seed = 1, blank: BlankName = 'random'): Pick<ScrambleMeasure, 'raw' | 'scrambled' | 'blank'> {
  const run = new ScrambleRun({ seed, blank, digits });
  run.step();
  run.step();
  const s = run.snapshot();
  return { raw: s.raw!, scrambled: s.scrambled!, blank: s.pi[0]! };
}

/** The commonest non-blank value of the training digits' pixels, its share of them, and what `pi` makes of it. */
export function commonestInk(d: Digits, pi: Uint8Array): ScrambleMeasure['ink'] {
  const counts = new Float64Array(256);
  for (const v of d.pixels.subarray(0, d.trainCount * d.size)) counts[v]!++;
  counts[0] = 0;
  const value = counts.indexOf(Math.max(...counts));
  return { value, share: counts[value]! / counts.reduce((a, b) => a + b, 0), becomes: pi[value]! };
}

/** One seed's default run with `blank` sent where the setting says. */
export function measureScramble(digits: Digits, seed = 1, blank: BlankName = 'middle'): ScrambleMeasure {
  const run = new ScrambleRun({ seed, blank, digits });
  const s = runToEnd(run);
  const { train } = run.net.data;
  const fit = readScores(
    noGrad(() => run.net.net.forward(train.x)),
    train.labels,
  ).accuracy;
  const ink = commonestInk(digits, s.pi);
  return { raw: s.raw!, scrambled: s.scrambled!, lookup: s.lookup!, netScrambled: s.net.accuracy!, netScrambledTrain: fit, blank: s.pi[0]!, ink };
}
