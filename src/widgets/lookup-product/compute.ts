import { Tensor, manualWindowBackprop, rng, type Rng } from '@beyond-linear/tensor';
import { E_WIDTH, HIDDEN, MAX_N, VOCAB, minibatch, type LookupValues } from './model';

/**
 * The numbers behind the lookup widget, from the tensor package: a seeded table E (|V| × e), a seeded, untrained
 * window model on top of it (H is (n·e) × v, U is v × |V|: it predicts the next word), and its hand-derived
 * backward pass on the reader's minibatch (`manualWindowBackprop`), down to ∂𝓛/∂E. Loaded when the widget starts.
 */

const SEED = 4;

const draw = (r: Rng, shape: number[], scale: number): Tensor =>
  new Tensor(
    Float64Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => r.normal(0, scale)),
    shape,
  );

/** The table E: the same numbers whatever the settings, so a word's row never changes under the reader. */
export const TABLE: Tensor = draw(rng(SEED), [VOCAB.length, E_WIDTH], 1);

/** The network's weights for window size n: the first n·e rows of one seeded (MAX_N·e) × v matrix. */
export function network(n: number): { H: Tensor; bH: Tensor; U: Tensor; bU: Tensor } {
  const r = rng(SEED + 1);
  const full = draw(r, [MAX_N * E_WIDTH, HIDDEN], 0.8);
  const H = new Tensor(full.data.slice(0, n * E_WIDTH * HIDDEN), [n * E_WIDTH, HIDDEN]);
  return { H, bH: draw(r, [HIDDEN], 0.3), U: draw(r, [HIDDEN, VOCAB.length], 0.8), bU: draw(r, [VOCAB.length], 0.3) };
}

/** Row-major data as rows of `cols` numbers. */
export function rows(data: ArrayLike<number>, cols: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < data.length; i += cols) out.push(Array.from({ length: cols }, (_, j) => data[i + j] ?? 0));
  return out;
}

/** What the widget draws for the current settings. */
export interface LookupData {
  /** E, one row per word. */
  E: number[][];
  /** The reader's window x = [j₁E, …, jₙE] (1 × n·e). */
  x: number[];
  /** The minibatch: t windows (0-based rows) and their targets. */
  ids: number[];
  targets: number[];
  /** Per-item ∂ℓ/∂x (t × n·e) and ∂𝓛/∂E (|V| × e). */
  dx: number[][];
  dE: number[][];
  loss: number;
}

export function lookupData(v: LookupValues): LookupData {
  const { ids, targets } = minibatch(v);
  const hand = manualWindowBackprop({ ids, n: v.n, E: TABLE, targets, ...network(v.n) });
  return {
    E: rows(TABLE.data, E_WIDTH),
    x: Array.from(hand.x.data.subarray(0, v.n * E_WIDTH)),
    ids,
    targets,
    dx: rows(hand.df.data, v.n * E_WIDTH),
    dE: rows(hand.dE.data, E_WIDTH),
    loss: hand.loss,
  };
}
