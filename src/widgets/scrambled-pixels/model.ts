/* Information versus usability (chapter 5): each pixel value v becomes π(v) for one fixed random permutation π of
   0–255. Nothing is lost (π is invertible), yet a linear probe can no longer read the digits. Pure module, no DOM. */
import { rng } from '@beyond-linear/tensor';
import type { ChoiceProp, NumberProp, Values } from '../_shared/state';
import type { Digits } from '../_shared/data/mnist';

/** Where the permutation sends the blank value 0. */
export type BlankName = 'middle' | 'random';

/**
 * Settings, all in the URL. `seed` draws π; `blank` says whether π also sends 0 (blank, 81 % of MNIST's pixels) to the
 * middle of the range, 128 (default), or wherever the draw puts it (see `permutation`).
 */
export const props = {
  seed: { kind: 'number', default: 1, min: 0, max: 99, step: 1 } as NumberProp,
  blank: { kind: 'choice', default: 'middle', options: ['middle', 'random'] } as ChoiceProp<BlankName>,
} as const;

export type ScrambleValues = Values<typeof props>;

/** Pixel values 0 … 255. */
export const LEVELS = 256;
/** The middle of the range, where `blank: 'middle'` sends 0. */
export const MIDDLE = 128;

/**
 * The permutation π of 0–255 as a table `π[v]`: a seeded Fisher–Yates shuffle, so neighbouring intensities land far
 * apart. With `blank: 'middle'`, 0 then swaps places with whichever value the shuffle sent to 128, so π(0) = 128.
 * Why: a linear probe reads a pixel along a straight line in its value. Whatever π is, blank is one value and ink the
 * others; if π(0) sits at an end of the range, "more than π(0)" still means "ink" and the probe reads the strokes. With
 * π(0) in the middle, ink lies on both sides of blank and no straight line separates them.
 */
export function permutation(seed: number, blank: BlankName = 'middle'): Uint8Array {
  const pi = rng(seed).shuffle(Uint8Array.from({ length: LEVELS }, (_, v) => v));
  if (blank === 'middle') {
    const at = pi.indexOf(MIDDLE);
    [pi[0], pi[at]] = [MIDDLE, pi[0]!];
  }
  return pi;
}

/** Every pixel value through π: `out[i] = π[pixels[i]]` (a new array; the input is not changed). */
export function scramble(pixels: Uint8Array, pi: Uint8Array): Uint8Array {
  return pixels.map((v) => pi[v]!);
}

/** The inverse permutation, `π⁻¹[π[v]] = v`: scrambling loses nothing. */
export function inverse(pi: Uint8Array): Uint8Array {
  const inv = new Uint8Array(pi.length);
  pi.forEach((p, v) => (inv[p] = v));
  return inv;
}

/** How often each pixel value occurs in the training digits, blank (0) counted as 0. */
export function inkCounts(d: Pick<Digits, 'pixels' | 'trainCount' | 'size'>): Float64Array {
  const counts = new Float64Array(256);
  for (const v of d.pixels.subarray(0, d.trainCount * d.size)) counts[v]!++;
  counts[0] = 0;
  return counts;
}

/** Pearson's correlation of `y[v]` with `v`, each `v` weighted by `w[v]`. */
export function weightedCorrelation(y: ArrayLike<number>, w: ArrayLike<number>): number {
  let [sw, mx, my] = [0, 0, 0];
  for (let v = 0; v < y.length; v++) [sw, mx, my] = [sw + w[v]!, mx + w[v]! * v, my + w[v]! * y[v]!];
  [mx, my] = [mx / sw, my / sw];
  let [sxy, sxx, syy] = [0, 0, 0];
  for (let v = 0; v < y.length; v++) {
    const [dx, dy] = [v - mx, y[v]! - my];
    [sxy, sxx, syy] = [sxy + w[v]! * dx * dy, sxx + w[v]! * dx * dx, syy + w[v]! * dy * dy];
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** The permutation's treatment of blank in words, for readouts. */
export function blankText(pi: Uint8Array): string {
  return `blank (0) becomes ${pi[0]}, full ink (255) becomes ${pi[255]}`;
}

/** The three networks a run trains: on the raw digits, on the scrambled ones, and on the scrambled ones behind a learned lookup. */
export type NetName = 'raw' | 'plain' | 'lookup';
export const NETS: readonly NetName[] = ['raw', 'plain', 'lookup'];

/** The six held-out accuracies, `null` while not yet measured. */
export interface Readings {
  raw: number | null;
  scrambled: number | null;
  lookup: number | null;
  netRaw: number | null;
  netPlain: number | null;
  netLookup: number | null;
}

/** The bars, top to bottom: what reads the digits, and on which values. */
export const READERS: ReadonlyArray<{ key: keyof Readings; label: string; color: string }> = [
  { key: 'raw', label: 'linear probe, raw', color: '#0072B2' },
  { key: 'scrambled', label: 'linear probe, scrambled', color: '#D55E00' },
  { key: 'lookup', label: 'lookup probe, scrambled', color: '#009E73' },
  { key: 'netRaw', label: 'network, raw', color: '#0072B2' },
  { key: 'netPlain', label: 'network, scrambled', color: '#D55E00' },
  { key: 'netLookup', label: 'lookup + network, scrambled', color: '#009E73' },
];
