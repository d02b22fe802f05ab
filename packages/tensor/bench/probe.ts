/* Bench rows: one linear probe fitted on chapter 5's scale of frozen features (8,000 × 256, 10 classes), and one lookup
   probe on 8,000 MNIST digits' pixel values (chapter 5's "information versus usability"), each with the default
   options (minibatch Adam, early stopping on a 10 % validation split). Targets: at most 2 s and 5 s in Node. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { blobs, probe, rng, Tensor } from '../src/internal.ts';
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

/** The first `perDigit` digits of each class from the `mnist` package as 0–255 values `[10·perDigit, 784]`, with labels. */
function mnistBytes(perDigit: number): { x: Tensor; labels: number[] } {
  const require = createRequire(import.meta.url);
  const x = new Float64Array(perDigit * 10 * 784);
  const labels: number[] = [];
  for (let d = 0; d < 10; d++) {
    const data = (JSON.parse(readFileSync(require.resolve(`mnist/src/digits/${d}.json`), 'utf8')) as { data: number[] }).data;
    for (let s = 0; s < perDigit; s++) {
      const k = s * 10 + d;
      for (let p = 0; p < 784; p++) x[k * 784 + p] = Math.round(data[s * 784 + p]! * 255);
      labels[k] = d;
    }
  }
  return { x: new Tensor(x, [perDigit * 10, 784]), labels };
}

/** CPU time of this thread in ms: on a shared machine the wall clock mostly measures the other processes. */
function cpuMs(): number {
  const u = process.threadCpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * CPU time of the lookup probe (linear on one-hot pixel values, up to 784 × 256 rows) on 8,000 MNIST digits; fastest of
 * `fits` runs. With a dense Adam step over the whole table and all 784 lookups per digit it took 9.7 s of CPU (29 s of
 * wall clock on the loaded 2-core machine); with two lookups per non-blank pixel and lazy Adam, 5.2–6 s; with each data
 * set's lookups listed once (not per minibatch, and its values checked once), the same numbers to the last bit,
 * 3.1–3.9 s at load 9–13.
 */
export function lookupProbeRow(fits = 2): BenchRow {
  const ds = mnistBytes(800);
  let best = Infinity;
  for (let i = 0; i < fits; i++) {
    const t0 = cpuMs();
    const p = probe(ds.x, ds.labels, { kind: 'lookup', values: 256, seed: 1 });
    best = Math.min(best, cpuMs() - t0);
    if (!(p.validation!.accuracy > 0.8)) throw new Error(`bench lookup probe: validation accuracy ${p.validation!.accuracy} — the workload changed`);
  }
  return {
    workload: 'lookup probe fit, 8000 MNIST digits x 784 pixel values (CPU time)',
    unit: 'ms',
    ours: best,
    hand: NaN,
    tfjs: NaN,
    vsTf: NaN,
    vsHand: NaN,
    target: '<= 5000 ms',
    pass: best <= 5000,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of [probeRow(), lookupProbeRow()]) {
    console.log(`${row.workload}: ${row.ours.toFixed(0)} ms (target ${row.target}) ${row.pass ? 'ok' : 'MISSED'}`);
  }
}
