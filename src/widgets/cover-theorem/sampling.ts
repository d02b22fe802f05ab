import type { Rng } from '@beyond-linear/tensor';
import { separable } from './separable';

// The Monte Carlo side of the widget. Kept apart from model.ts so that the simplex solver in
// separable.ts is loaded with the estimator, when the widget starts, not with the page.

/** Hash the settings into the seed of the stream for one `N`: a 32-bit mix of `(seed, d, N)`. */
export function streamSeed(seed: number, d: number, N: number): number {
  let h = Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(d, 0x85ebca6b) ^ Math.imul(N, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0 || 1;
}

/** Draw `N` standard-normal points in `d` dimensions, flat and row-major: `xᵢₖ ~ 𝒩(0, 1)`. */
export function samplePoints(N: number, d: number, rng: Rng): Float64Array {
  const x = new Float64Array(N * d);
  for (let i = 0; i < x.length; i++) x[i] = rng.normal();
  return x;
}

/** Draw one fair random labelling and test it: `yᵢ = ±1` each with probability ½, then `∃w: yᵢ w·xᵢ > 0`. */
export function trialSeparable(points: Float64Array, N: number, d: number, rng: Rng, labels: Int8Array = new Int8Array(N)): boolean {
  for (let i = 0; i < N; i++) labels[i] = rng.next() < 0.5 ? -1 : 1;
  return separable(points, labels, d);
}

/** Monte Carlo estimate of `C(N, d)/2ᴺ` from one seeded point set and `trials` labellings: `#separable / trials`. */
export function estimateFraction(N: number, d: number, trials: number, rng: Rng): number {
  const points = samplePoints(N, d, rng);
  const labels = new Int8Array(N);
  let hits = 0;
  for (let t = 0; t < trials; t++) if (trialSeparable(points, N, d, rng, labels)) hits++;
  return trials > 0 ? hits / trials : 0;
}
