import type { NumberProp, Values } from '../_shared/state';

const num = (d: number, min: number, max: number, step: number): NumberProp => ({ kind: 'number', default: d, min, max, step });

/**
 * Settings, all in the URL: the seed (data, initialisation, minibatch order and probes), the trunk's hidden layers and
 * their width, and how many pure-noise input bits hide the informative ones.
 */
export const props = {
  seed: num(1, 0, 99, 1),
  layers: num(4, 2, 6, 1),
  width: num(32, 8, 64, 8),
  noise: num(12, 0, 24, 1),
} as const;

/** The widget's values: one per setting in `props`. */
export type ConceptValues = Values<typeof props>;

/** The concepts, by complexity: concept `k` is the parity of `k` input bits of its own (one bit, XOR of two, parity of three). */
export const COMPLEXITIES = [1, 2, 3] as const;
/** A concept counts as decodable at a layer when its probe's held-out accuracy reaches this. */
export const DECODABLE = 0.9;
/** Training and held-out rows. */
export const TRAIN_ROWS = 2000;
export const TEST_ROWS = 1000;
/** Adam steps of the network (minibatches of 64 rows, learning rate 0.003). */
export const TRAIN_STEPS = 1500;

/** Concept names in words, for the legend and the descriptions. */
export const CONCEPT_NAMES = ['one bit', 'XOR of two bits', 'parity of three bits'] as const;
/** Short names for the legend. */
export const CONCEPT_SHORT = ['one bit', 'XOR of 2', 'parity of 3'] as const;

/** The informative bits: concept `c` reads bits `first(c) … first(c) + k − 1`; the noise bits come after all of them. */
export function firstBit(c: number): number {
  return COMPLEXITIES.slice(0, c).reduce<number>((s, k) => s + k, 0);
}

/** Input width: every concept's bits plus the noise bits. */
export function inputWidth(v: Pick<ConceptValues, 'noise'>): number {
  return firstBit(COMPLEXITIES.length) + v.noise;
}

/**
 * Concept `c`'s label for one input row of ±1 bits: 1 when the product of its `k` bits is −1 (an odd number of −1s),
 * else 0. For `k = 1` that is the bit itself, for `k = 2` XOR.
 */
export function conceptLabel(row: ArrayLike<number>, c: number): 0 | 1 {
  const k = COMPLEXITIES[c] ?? 1;
  let p = 1;
  for (let i = firstBit(c); i < firstBit(c) + k; i++) p *= row[i]! < 0 ? -1 : 1;
  return p < 0 ? 1 : 0;
}

/** The layer sizes of the trunk, input first, then one two-class head per concept on top: `[d, v, …, v, 2C]`. */
export function sizes(v: ConceptValues): number[] {
  return [inputWidth(v), ...Array.from({ length: v.layers }, () => v.width), 2 * COMPLEXITIES.length];
}

/** The first layer (0 = the raw input) whose accuracy reaches `DECODABLE`, or `null` when none does. */
export function firstDecodable(accuracies: ReadonlyArray<number | null>): number | null {
  const i = accuracies.findIndex((a) => a !== null && a >= DECODABLE);
  return i < 0 ? null : i;
}

/** Names of layer `l` for axes and readouts: `input` for layer 0, else `h⁽ˡ⁾`. */
export function layerName(l: number): string {
  const sup = '⁰¹²³⁴⁵⁶⁷⁸⁹';
  return l === 0 ? 'input' : `h⁽${String(l).replace(/\d/g, (d) => sup[Number(d)]!)}⁾`;
}

/** What the figure and readouts draw: probe accuracies per layer and concept, at initialisation and after training. */
export interface ConceptSnapshot {
  steps: number;
  /** Training loss (mean over the heads) every 25 steps. */
  loss: number[];
  /** The network's own held-out accuracy per concept head (measured every 25 steps). */
  heads: number[];
  /** Probe fits done, of `total` (at initialisation and after training). */
  probes: number;
  totalProbes: number;
  /** `init[l][c]`, `trained[l][c]`: held-out accuracy of concept `c`'s probe on layer `l` (0 = input); `null` until fitted. */
  init: Array<Array<number | null>>;
  trained: Array<Array<number | null>>;
  phase: 'probing at initialisation' | 'training' | 'probing after training' | 'finished';
}

/** An empty probe grid: one row per layer (input included), one `null` per concept. */
export function grid(layers: number): Array<Array<number | null>> {
  return Array.from({ length: layers + 1 }, () => COMPLEXITIES.map(() => null));
}

/** What the figure shows before a run has started: nothing measured yet. */
export function emptySnapshot(v: Pick<ConceptValues, 'layers'>): ConceptSnapshot {
  const n = (v.layers + 1) * COMPLEXITIES.length;
  return {
    steps: 0,
    loss: [],
    heads: COMPLEXITIES.map(() => 0.5),
    probes: 0,
    totalProbes: 2 * n,
    init: grid(v.layers),
    trained: grid(v.layers),
    phase: 'probing at initialisation',
  };
}
