/**
 * Held-out perplexity and its two baselines, on ids of a cut vocabulary (`0 … |V|−1`, `<unk>` included). Perplexity is
 * `exp((1/N) Σᵢ −log p(wᵢ | context))` over the N predicted tokens: the number of equally likely words the model is, on
 * average, choosing among. Pure module.
 */

/** Positions `from … to−1` as a typed array (the tokens to predict). */
export function span(from: number, to: number): Int32Array {
  return Int32Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}

/** Windows (`t·n` ids, `ids[i−n … i−1]` for each position `i`) and targets (`ids[i]`); every position must be ≥ n. */
export function contexts(ids: ArrayLike<number>, n: number, positions: ArrayLike<number>): { windows: Int32Array; targets: Int32Array } {
  const windows = new Int32Array(positions.length * n);
  const targets = new Int32Array(positions.length);
  for (let r = 0; r < positions.length; r++) {
    const i = positions[r]!;
    if (i < n) throw new Error(`contexts: position ${i} has fewer than ${n} words before it`);
    for (let k = 0; k < n; k++) windows[r * n + k] = ids[i - n + k]!;
    targets[r] = ids[i]!;
  }
  return { windows, targets };
}

/** `exp(nll / count)`. */
export function perplexity(nll: number, count: number): number {
  return Math.exp(nll / count);
}

/** Counts of each id in `ids[from, to)`. */
export function unigramCounts(ids: ArrayLike<number>, vocab: number, from: number, to: number): Float64Array {
  const c = new Float64Array(vocab);
  for (let i = from; i < to; i++) c[ids[i]!]!++;
  return c;
}

/** Unigram model `p(w) = c(w) / N` from counts (every id of a cut vocabulary occurs in training, `<unk>` included): total −log p over the positions. */
export function unigramNll(counts: Float64Array, ids: ArrayLike<number>, positions: ArrayLike<number>): number {
  const total = counts.reduce((s, c) => s + c, 0);
  let nll = 0;
  for (let r = 0; r < positions.length; r++) {
    const c = counts[ids[positions[r]!]!]!;
    if (!(c > 0)) throw new Error(`unigramNll: word ${ids[positions[r]!]} never occurs in training, so its probability is 0`);
    nll -= Math.log(c / total);
  }
  return nll;
}

/** Bigram counts of `ids[from, to)`: `pairs` keyed `u·|V| + w`, and `c(u)`, the bigrams that start with u. */
export interface BigramCounts {
  vocab: number;
  pairs: Map<number, number>;
  first: Float64Array;
}

export function bigramCounts(ids: ArrayLike<number>, vocab: number, from: number, to: number): BigramCounts {
  const pairs = new Map<number, number>();
  const first = new Float64Array(vocab);
  for (let i = from + 1; i < to; i++) {
    const key = ids[i - 1]! * vocab + ids[i]!;
    pairs.set(key, (pairs.get(key) ?? 0) + 1);
    first[ids[i - 1]!]!++;
  }
  return { vocab, pairs, first };
}

/** Add-k bigram `p(w | u) = (c(u,w) + k) / (c(u) + k·|V|)`: total −log p over the positions (each reads the word before it). */
export function bigramNll(b: BigramCounts, k: number, ids: ArrayLike<number>, positions: ArrayLike<number>): number {
  let nll = 0;
  for (let r = 0; r < positions.length; r++) {
    const i = positions[r]!;
    const u = ids[i - 1]!;
    nll -= Math.log(((b.pairs.get(u * b.vocab + ids[i]!) ?? 0) + k) / (b.first[u]! + k * b.vocab));
  }
  return nll;
}

/** The k values `chooseK` tries. */
export const K_GRID = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1] as const;

/**
 * k for the add-k bigram, chosen without the held-out part: count bigrams on the first 90 % of the training part and
 * take the k of `K_GRID` with the lowest perplexity on its last 10 %.
 */
export function chooseK(ids: ArrayLike<number>, vocab: number, trainEnd: number): { k: number; tried: { k: number; perplexity: number }[] } {
  const cut = Math.round(trainEnd * 0.9);
  const counts = bigramCounts(ids, vocab, 0, cut);
  const positions = span(cut, trainEnd);
  const tried = K_GRID.map((k) => ({ k, perplexity: perplexity(bigramNll(counts, k, ids, positions), positions.length) }));
  const best = tried.reduce((a, b) => (b.perplexity < a.perplexity ? b : a));
  return { k: best.k, tried };
}

export interface Baselines {
  unigram: number;
  bigram: number;
  k: number;
  tokens: number;
}

/** Held-out perplexities of the unigram and add-k bigram baselines, trained on `ids[0, trainEnd)`, tested on `ids[trainEnd, end)`. */
export function baselines(ids: ArrayLike<number>, vocab: number, trainEnd: number): Baselines {
  const positions = span(trainEnd, ids.length);
  const { k } = chooseK(ids, vocab, trainEnd);
  const uni = unigramNll(unigramCounts(ids, vocab, 0, trainEnd), ids, positions);
  const bi = bigramNll(bigramCounts(ids, vocab, 0, trainEnd), k, ids, positions);
  return { unigram: perplexity(uni, positions.length), bigram: perplexity(bi, positions.length), k, tokens: positions.length };
}
