/**
 * The numbers the chapter quotes about control tasks, from the widget's own run (`train.ts`) on a subset of the digits:
 * for each probe capacity and layer, held-out accuracy on the real task and on the control task. Used by
 * `scripts/measure-controls.ts` (which wrote `measured.ts`) and by `measured.test.ts` (which checks part of it).
 */
import { runToEnd } from '../_shared/run/contract';
import type { Digits } from '../_shared/data/mnist';
import { ControlRun } from './train';
import type { CapacityName } from './model';

/** The subset measured: the first 2,000 training and 500 test digits, 3 epochs of training. */
export const SUBSET = { limit: { train: 2000, test: 500 }, epochs: 3 } as const;

export interface ControlMeasure {
  netAccuracy: number;
  layers: string[];
  /** Per capacity: real and control held-out accuracy for each layer, pixels first. */
  capacities: Array<{ capacity: CapacityName; real: number[]; control: number[] }>;
}

/** One seed's measurements for `capacities` (default: all). */
export function measureControl(digits: Digits, seed = 1, capacities?: readonly CapacityName[]): ControlMeasure {
  const run = new ControlRun({ seed, digits, ...SUBSET, ...(capacities ? { capacities } : {}) });
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
