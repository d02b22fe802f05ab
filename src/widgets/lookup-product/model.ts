import type { Values } from '../_shared/state';

/**
 * "A lookup is a product": a vocabulary of eight words, an embedding table E (|V| × e) small enough to print,
 * a window of n words looked up and concatenated, and what the lookup saves against multiplying one-hot rows.
 * Then "after a minibatch": which rows of E a backward pass reached. Pure module: no DOM, no tensor package.
 */

/** The vocabulary, in index order: word j (1-based, as in the notes) is `VOCAB[j − 1]`. */
export const VOCAB = ['the', 'a', 'cat', 'dog', 'salamander', 'fish', 'eats', 'sees'] as const;
export type Word = (typeof VOCAB)[number];

/** Embedding width e and hidden width v of the small window model. */
export const E_WIDTH = 3;
export const HIDDEN = 4;
export const MAX_N = 3;

/** The notes' scale: |V| = 50,000 with 'salamander' at index 48; e and v are our choices (the notes give none for e; v = 50 is chapter 3's). */
export const NOTES = { V: 50_000, index: 48, e: 100, v: 50 } as const;

/**
 * Settings: the window size n, its words, the word after it (the first item's target), the minibatch size t,
 * and the view (the lookup, or the gradient of E after one minibatch).
 */
export const props = {
  view: { kind: 'choice', default: 'lookup', options: ['lookup', 'gradient'] },
  n: { kind: 'number', default: 3, min: 1, max: MAX_N, step: 1 },
  w1: { kind: 'choice', default: 'the', options: VOCAB },
  w2: { kind: 'choice', default: 'cat', options: VOCAB },
  w3: { kind: 'choice', default: 'eats', options: VOCAB },
  next: { kind: 'choice', default: 'fish', options: VOCAB },
  t: { kind: 'number', default: 3, min: 1, max: 4, step: 1 },
} as const;

export type LookupValues = Values<typeof props>;

export const VIEW_LABELS = { lookup: 'The lookup', gradient: 'After a minibatch' } as const;

/** The other items of the minibatch: four-word fragments; the window is the first n words, the target the next one. */
export const FRAGMENTS: readonly (readonly Word[])[] = [
  ['the', 'dog', 'eats', 'a'],
  ['a', 'cat', 'sees', 'the'],
  ['the', 'salamander', 'sees', 'fish'],
];

/** 0-based row of a word in E. */
export const row = (w: Word): number => VOCAB.indexOf(w);

/** The reader's window: its first n words. */
export function windowWords(v: LookupValues): Word[] {
  return [v.w1, v.w2, v.w3].slice(0, v.n);
}

/** The minibatch: t windows of n words (0-based rows, window by window) and each window's target row. */
export function minibatch(v: LookupValues): { words: Word[][]; ids: number[]; targets: number[] } {
  const items: { window: Word[]; target: Word }[] = [{ window: windowWords(v), target: v.next }];
  for (const f of FRAGMENTS.slice(0, v.t - 1)) items.push({ window: f.slice(0, v.n), target: f[v.n] ?? 'the' });
  return { words: items.map((i) => i.window), ids: items.flatMap((i) => i.window.map(row)), targets: items.map((i) => row(i.target)) };
}

/** Where each row of E was used in a minibatch: `[item r, position k]` pairs (0-based), for the rows used at all. */
export function uses(ids: readonly number[], n: number): Map<number, [number, number][]> {
  const out = new Map<number, [number, number][]>();
  ids.forEach((j, i) => out.set(j, [...(out.get(j) ?? []), [Math.floor(i / n), i % n]]));
  return out;
}

/** What the lookup saves, for a window of n words, a vocabulary of |V|, width e and a hidden layer of v units. */
export interface Costs {
  /** Multiply-adds of the one-hot rows times E: n·|V|·e. */
  product: number;
  /** Of those, the ones that multiply by the single 1 of a one-hot row: n·e. */
  useful: number;
  /** Numbers the lookup copies (and multiply-adds it does: none): n·e. */
  copies: number;
  /** First-layer weights on an n·|V| one-hot input: n·|V|·v. */
  oneHotWeights: number;
  /** Table plus first layer: |V|·e + n·e·v. */
  tableWeights: number;
  /** Multiply-adds of the first layer per item on the one-hot input (n·|V|·v) and after the lookup (n·e·v). */
  oneHotLayer: number;
  tableLayer: number;
}

export function costs(n: number, V: number, e: number, v: number): Costs {
  return {
    product: n * V * e,
    useful: n * e,
    copies: n * e,
    oneHotWeights: n * V * v,
    tableWeights: V * e + n * e * v,
    oneHotLayer: n * V * v,
    tableLayer: n * e * v,
  };
}

/** A whole number with thin groups: 50000 → "50,000". */
export function fmtInt(x: number): string {
  return Math.round(x).toLocaleString('en-US');
}
