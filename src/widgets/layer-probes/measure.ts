/**
 * The figures chapter 5 quotes, computed by the widget's own run: one seed's network and probe accuracies at each
 * checkpoint, with the time each part took. Used by `measured.test.ts` (seed 1) and `scripts/measure-probes.ts`
 * (seeds 1–5). Pure; the digits come in as an argument.
 */
import type { Digits } from '../_shared/data/mnist';
import { CHECKPOINTS, MnistRun } from '../_shared/mnist-net/run';
import { DEFAULT_NET } from '../_shared/mnist-net/net';

/** One seed's outcome: the network's final test accuracy, and each checkpoint's network and per-layer probe accuracies. */
export interface SeedMeasure {
  seed: number;
  architecture: string;
  netAccuracy: number;
  checkpoints: Array<{ epoch: number; netAccuracy: number; probes: number[] }>;
  /** Wall-clock milliseconds: all the training steps, and each sweep (activations and probes). */
  trainMs: number;
  sweepMs: number[];
  /** Milliseconds from the first step until the network's test accuracy first reached 95 %, sweeps included (or `null`). */
  to95Ms: number | null;
}

/** Run the default network for `seed` to the end, probing at `checkpoints`. */
export function measureSeed(digits: Digits, seed: number, checkpoints: readonly number[] = CHECKPOINTS): SeedMeasure {
  const run = new MnistRun({ ...DEFAULT_NET, seed, digits, checkpoints });
  let trainMs = 0;
  const sweepMs: number[] = [];
  let to95Ms: number | null = null;
  const t0 = performance.now();
  while (!run.done) {
    const probing = run.progress().phase === 'probing';
    const t = performance.now();
    run.step();
    const dt = performance.now() - t;
    if (!probing) trainMs += dt;
    else if (run.swept.length > sweepMs.length) sweepMs.push(dt);
    else sweepMs[sweepMs.length - 1]! += dt;
    if (to95Ms === null && run.snapshot().testAccuracy >= 0.95) to95Ms = performance.now() - t0;
  }
  const s = run.snapshot();
  if (s.phase !== 'finished') throw new Error(`seed ${seed}: the run stopped (${run.error ?? s.phase})`);
  return {
    seed,
    architecture: s.architecture,
    netAccuracy: s.testAccuracy,
    checkpoints: s.checkpoints.map((c) => ({ epoch: c.epoch, netAccuracy: c.netAccuracy, probes: c.layers.map((l) => l.accuracy) })),
    trainMs,
    sweepMs,
    to95Ms,
  };
}
