/**
 * The numbers the chapter quotes about control tasks, from the widget's own run (`train.ts`, default settings: the digits `RUN` names):
 * for each probe capacity and layer, held-out accuracy on the real task and on the control task. Used by
 * `scripts/measure-controls.ts` (which wrote `measured.ts`) and by `measured.test.ts` (which checks part of it).
 */
import { runToEnd } from '../_shared/run/contract';
import type { Digits } from '../_shared/data/mnist';
import { ControlRun } from './train';
import type { CapacityName } from './model';

export interface ControlMeasure {
  netAccuracy: number;
  layers: string[];
  /** Per capacity: real and control held-out accuracy for each layer, pixels first. */
  capacities: Array<{ capacity: CapacityName; real: number[]; control: number[] }>;
}

/** One seed's measurements for `capacities` (default: all). */
export function measureControl(digits: Digits, seed = 1, capacities?: readonly CapacityName[]): ControlMeasure {
  const run = new ControlRun({ seed, digits, ...(capacities ? { capacities } : {}) });
  const s = runToEnd(run);
  return {
    netAccuracy: s.netAccuracy!,
    layers: s.layers,
    capacities: run.capacities.map((capacity) => {
      const mine = s.results.filter((r) => r.capacity === capacity);
      return { capacity, real: mine.map((r) => r.real), control: mine.map((r) => r.control!) };
    }),
  };
}

/** Only some (capacity, layer) pairs of one seed's run, fitted on demand (for tests): real and control held-out accuracy. */
export function measurePairs(
  digits: Digits,
  seed: number,
  pairs: ReadonlyArray<readonly [CapacityName, number]>,
): { netAccuracy: number; pairs: Array<{ real: number; control: number }> } {
  const run = new ControlRun({ seed, digits });
  const out = pairs.map(([c, i]) => run.pair(c, i));
  return { netAccuracy: run.snapshot().netAccuracy!, pairs: out };
}
