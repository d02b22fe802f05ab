import type { Values } from '../_shared/state';
import { fmt } from '../_shared/format';

/** The settings of the Cover's-theorem widget: dimension `d`, labellings per `N`, and the random seed. */
export const props = {
  d: { kind: 'number', default: 2, min: 1, max: 10, step: 1 },
  trials: { kind: 'number', default: 200, min: 50, max: 1000, step: 50 },
  seed: { kind: 'number', default: 1, min: 1, max: 9999, step: 1 },
} as const;

/** The current settings, one value per prop: `{ d, trials, seed }`. */
export type CoverValues = Values<typeof props>;

/** One Monte Carlo estimate: `separable` of `trials` random labellings of `N` points. */
export interface Estimate {
  N: number;
  trials: number;
  separable: number;
}

/** The largest number of points shown for dimension `d`: `min(60, max(4d, 12))`. */
export function maxPoints(d: number): number {
  return Math.min(60, Math.max(4 * d, 12));
}

/** The point counts on the x axis: `N = 1, 2, …, maxPoints(d)`. */
export function pointCounts(d: number): number[] {
  return Array.from({ length: maxPoints(d) }, (_, i) => i + 1);
}

/** The binomial coefficient as an exact integer: `binom(n, k) = n! / (k!·(n−k)!)`. */
export function binomial(n: number, k: number): bigint {
  if (k < 0 || k > n) return 0n;
  let c = 1n;
  for (let i = 1; i <= k; i++) c = (c * BigInt(n - k + i)) / BigInt(i);
  return c;
}

/** Cover's count of homogeneously separable labellings, exactly: `C(N, d) = 2·Σ_{k<d} binom(N−1, k)`. */
export function coverCount(N: number, d: number): bigint {
  let s = 0n;
  for (let k = 0; k < d; k++) s += binomial(N - 1, k);
  return 2n * s;
}

/** The fraction of the `2ᴺ` labellings that a hyperplane through the origin separates: `C(N, d) / 2ᴺ`. */
export function coverFraction(N: number, d: number): number {
  if (N < 1) return 1;
  const count = coverCount(N, d);
  const all = 1n << BigInt(N);
  // Scale before converting so the quotient keeps ~52 significant bits even for N far beyond 60.
  const scaled = (count << 60n) / all;
  return Number(scaled) / 2 ** 60;
}

/** The measured fraction, or `undefined` before any trial: `p̂ = separable / trials`. */
export function measured(e: Estimate | undefined): number | undefined {
  return e && e.trials > 0 ? e.separable / e.trials : undefined;
}

/** The 95% half-width of a measured fraction: `1.96·√(p̂(1−p̂)/trials)`. */
export function halfWidth(e: Estimate): number {
  const p = measured(e) ?? 0;
  return e.trials > 0 ? 1.96 * Math.sqrt((p * (1 - p)) / e.trials) : 0;
}

/** The largest gap between estimate and theory, and where: `max_N |p̂(N) − C(N, d)/2ᴺ|`. */
export function maxDeviation(estimates: readonly Estimate[], d: number): { N: number; gap: number } | undefined {
  let best: { N: number; gap: number } | undefined;
  for (const e of estimates) {
    const p = measured(e);
    if (p === undefined) continue;
    const gap = Math.abs(p - coverFraction(e.N, d));
    if (!best || gap > best.gap) best = { N: e.N, gap };
  }
  return best;
}

/** A percentage for the description: `100·p` with 0 or 1 decimals, or one significant digit below 1%. */
function percent(p: number): string {
  const x = 100 * p;
  if (x >= 10) return `${fmt(x, 0)}%`;
  if (x >= 1) return `${fmt(x, 1)}%`;
  if (x >= 0.01) return `${x.toPrecision(1)}%`;
  return x > 0 ? 'less than 0.01%' : '0%';
}

/** The plural noun for `n` points: `1 point`, `n points`. */
function points(n: number): string {
  return n === 1 ? '1 point' : `${n} points`;
}

/** A sentence saying what the chart shows, for readers who cannot see it; `estimates` may still be running. */
export function describe(v: CoverValues, estimates: readonly Estimate[], done: boolean): string {
  const { d } = v;
  const half = 2 * d;
  const last = maxPoints(d);
  const at = (n: number): number | undefined => measured(estimates.find((e) => e.N === n));
  const dims = d === 1 ? '1 dimension' : `${d} dimensions`;
  const mHalf = at(half);
  const mLast = at(last);
  const first = `In ${dims} every labelling of up to ${points(d)} is separable by a hyperplane through the origin;`;
  const middle = `at N = ${half} exactly half are${done && mHalf !== undefined ? ` (measured ${fmt(mHalf, 2)})` : ''};`;
  const end = `by N = ${last} only ${percent(coverFraction(last, d))} are${done && mLast !== undefined ? ` (measured ${percent(mLast)})` : ''}.`;
  const tail = done
    ? ` The dots are Monte Carlo estimates from ${v.trials} random labellings per N; the line is Cover's formula, C(N, d) divided by 2 to the power N.`
    : ' The Monte Carlo estimate is still running.';
  return `${first} ${middle} ${end}${tail}`;
}
