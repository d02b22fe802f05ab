/**
 * What a learned table recovers of the grammar: the purity of each word's nearest neighbours (the share of the
 * same category), the same for random tables, and analogy accuracy@1. Cosine similarity throughout. Pure module.
 */
import { rng } from '@beyond-linear/tensor';
import type { Analogy } from './grammar';

/** Neighbours counted by `purity`. */
export const PURITY_K = 5;

/** Rows of a `[rows, e]` table scaled to unit length (a zero row stays zero). */
export function unitRows(table: Float64Array, e: number): Float64Array {
  const out = table.slice();
  for (let r = 0; r < out.length / e; r++) {
    let s = 0;
    for (let j = 0; j < e; j++) s += out[r * e + j]! ** 2;
    const k = s > 0 ? 1 / Math.sqrt(s) : 0;
    for (let j = 0; j < e; j++) out[r * e + j]! *= k;
  }
  return out;
}

/** Cosine similarity of (unit) row `i` with the unit vector `q`. */
function cos(unit: Float64Array, e: number, i: number, q: ArrayLike<number>, qOff = 0): number {
  let s = 0;
  for (let j = 0; j < e; j++) s += unit[i * e + j]! * q[qOff + j]!;
  return s;
}

/** The `k` rows most similar to `q` among the allowed ones, most similar first (ties to the lower index). */
function best(unit: Float64Array, e: number, q: ArrayLike<number>, qOff: number, k: number, allowed: (j: number) => boolean): number[] {
  const rows = unit.length / e;
  const top: Array<[number, number]> = [];
  for (let j = 0; j < rows; j++) {
    if (!allowed(j)) continue;
    const s = cos(unit, e, j, q, qOff);
    if (top.length === k && s <= top[k - 1]![1]) continue;
    let i = Math.min(top.length, k - 1);
    while (i > 0 && s > top[i - 1]![1]) i--;
    top.splice(i, 0, [j, s]);
    if (top.length > k) top.pop();
  }
  return top.map(([j]) => j);
}

/**
 * Purity@k: for every word with a category (`category[i] ≥ 0`), the share of its `k` nearest other words (cosine,
 * among all rows of the table, uncategorised words included) that share its category; averaged over those words.
 */
export function purity(table: Float64Array, e: number, category: readonly number[], k = PURITY_K): number {
  const unit = unitRows(table, e);
  let sum = 0;
  let words = 0;
  category.forEach((c, i) => {
    if (c < 0) return;
    const near = best(unit, e, unit, i * e, k, (j) => j !== i);
    sum += near.filter((j) => category[j] === c).length / k;
    words++;
  });
  return words === 0 ? 0 : sum / words;
}

/**
 * The purity a table with no knowledge scores, in expectation: a word's k neighbours are a uniform draw from the
 * other words, so each is of its category with probability `(n_c − 1)/(V − 1)`.
 */
export function chancePurity(category: readonly number[]): number {
  const v = category.length;
  const counts = new Map<number, number>();
  for (const c of category) counts.set(c, (counts.get(c) ?? 0) + 1);
  const scored = category.filter((c) => c >= 0);
  return scored.reduce((s, c) => s + (counts.get(c)! - 1) / (v - 1), 0) / scored.length;
}

/** Purity@k of `tables` random `N(0, 1)` tables of width `e` (seeded), averaged. */
export function randomPurity(category: readonly number[], e: number, seed: number, tables = 10, k = PURITY_K): number {
  const r = rng(seed);
  let s = 0;
  for (let t = 0; t < tables; t++)
    s += purity(
      Float64Array.from({ length: category.length * e }, () => r.normal()),
      e,
      category,
      k,
    );
  return s / tables;
}

/** The answer to `a − b + c`: the word whose row is most similar (cosine) to `E[a] − E[b] + E[c]`, a, b and c left out. */
export function solveAnalogy(table: Float64Array, e: number, x: Pick<Analogy, 'a' | 'b' | 'c'>, unit = unitRows(table, e)): number {
  const q = Float64Array.from({ length: e }, (_, j) => table[x.a * e + j]! - table[x.b * e + j]! + table[x.c * e + j]!);
  return best(unit, e, q, 0, 1, (j) => j !== x.a && j !== x.b && j !== x.c)[0] ?? -1;
}

/** Accuracy@1 over `analogies`: the share whose answer (a, b and c excluded from the candidates) is exactly d. */
export function analogyAccuracy(table: Float64Array, e: number, analogies: readonly Analogy[]): number {
  if (analogies.length === 0) return 0;
  const unit = unitRows(table, e);
  return analogies.filter((x) => solveAnalogy(table, e, x, unit) === x.d).length / analogies.length;
}
