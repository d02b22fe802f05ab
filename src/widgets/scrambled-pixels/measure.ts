/**
 * The numbers the chapter quotes about scrambled pixels, from the widget's own run (`train.ts`) on a subset of the
 * digits, plus the same network trained on the raw digits of that subset for comparison. Used by
 * `scripts/measure-controls.ts` (which wrote `measured.ts`) and by `measured.test.ts` (which checks it).
 */
import { runToEnd } from '../_shared/run/contract';
import type { Digits } from '../_shared/data/mnist';
import { MnistRun } from '../_shared/mnist-net';
import { ScrambleRun } from './train';
import type { BlankName } from './model';

/** The subset measured: the first 2,000 training and 500 test digits, 3 epochs of training. */
export const SUBSET = { limit: { train: 2000, test: 500 }, epochs: 3 } as const;

export interface ScrambleMeasure {
  raw: number;
  scrambled: number;
  lookup: number;
  netScrambled: number;
  netRaw: number;
  blank: number;
}

/** The three probes only (the run's first three steps), for comparing where blank goes. */
export function measureProbes(digits: Digits, seed = 1, blank: BlankName = 'random'): Pick<ScrambleMeasure, 'raw' | 'scrambled' | 'lookup' | 'blank'> {
  const run = new ScrambleRun({ seed, blank, digits, ...SUBSET });
  for (let k = 0; k < 3; k++) run.step();
  const s = run.snapshot();
  return { raw: s.raw!, scrambled: s.scrambled!, lookup: s.lookup!, blank: s.pi[0]! };
}

/** One seed's measurements with `blank` sent where the setting says. */
export function measureScramble(digits: Digits, seed = 1, blank: BlankName = 'middle'): ScrambleMeasure {
  const run = new ScrambleRun({ seed, blank, digits, ...SUBSET });
  const s = runToEnd(run);
  const raw = new MnistRun({ depth: 3, width: 256, seed, digits, checkpoints: [], ...SUBSET });
  return { raw: s.raw!, scrambled: s.scrambled!, lookup: s.lookup!, netScrambled: s.net.accuracy!, netRaw: runToEnd(raw).testAccuracy, blank: s.pi[0]! };
}
