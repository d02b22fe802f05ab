/* Bench row: one linear probe fitted on chapter 5's scale of frozen features (8,000 × 256, 10 classes) with the default
   options (minibatch Adam, early stopping on a 10 % validation split). Target: at most 2 s in Node. */
import { blobs, probe, rng } from '../src/index.ts';
import type { BenchRow } from './row.ts';

/**
 * Times `probe` on 8,000 noisy 256-dimensional points from 10 Gaussian blobs (overlapping, so the probe is neither
 * trivial nor hopeless: ≈ 88 % validation accuracy), keeping the fastest of `fits` runs as the bench does elsewhere.
 */
export function probeRow(fits = 3): BenchRow {
  const ds = blobs({ n: 8000, k: 10, dim: 256, std: 3, spread: 1, rng: rng(1) });
  let best = Infinity;
  for (let i = 0; i < fits; i++) {
    const t0 = performance.now();
    const p = probe(ds.x, ds.labels, { seed: 1 });
    best = Math.min(best, performance.now() - t0);
    if (!(p.validation!.accuracy > 0.8)) throw new Error(`bench probe: validation accuracy ${p.validation!.accuracy} — the workload changed`);
  }
  return {
    workload: 'probe fit, 8000x256 features, 10 classes',
    unit: 'ms',
    ours: best,
    hand: NaN,
    tfjs: NaN,
    vsTf: NaN,
    vsHand: NaN,
    target: '<= 2000 ms',
    pass: best <= 2000,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const row = probeRow();
  console.log(`${row.workload}: ${row.ours.toFixed(0)} ms (target ${row.target}) ${row.pass ? 'ok' : 'MISSED'}`);
}
