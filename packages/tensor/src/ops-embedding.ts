/* Embedding lookups: the row lookup `jE` (the product of a one-hot row with the table, without the multiplications),
   a window of n lookups concatenated into one input row, a bag of n lookups summed (a linear layer on n-hot inputs), and
   the bookkeeping that lets an optimiser update only the rows a minibatch used. */
import { at, indexAt } from './kernels.ts';
import { gradOf } from './autograd.ts';
import type { Indices } from './ops-loss.ts';
import { type Tensor, fmt, recordOp } from './tensor.ts';
import { matrixShape, positiveInt } from './validate.ts';

/**
 * Row lookup, summed into bags: `out[bag[i]] += E[ids[i]]` for `bags` output rows, the product of an n-hot row with E;
 * with `bag[i] = i` the plain lookup `out[i] = E[ids[i]]`, the same numbers as `onehot(ids)·E`.
 * `∂ℓ/∂E[j] = Σ_{i : ids[i] = j} G[bag[i]]`: a scatter-add into only the rows used (a repeated index accumulates).
 */
export const rowLookup = {
  forward(table: Float64Array, ids: Int32Array, bag: Int32Array, bags: number, w: number): Float64Array {
    const out = new Float64Array(bags * w);
    for (let i = 0; i < ids.length; i++) {
      for (let j = 0, src = indexAt(ids, i) * w, dst = indexAt(bag, i) * w; j < w; j++) out[dst + j] = at(out, dst + j) + at(table, src + j);
    }
    return out;
  },
  dTable(g: Float64Array, ids: Int32Array, bag: Int32Array, w: number, gTable: Float64Array): void {
    for (let i = 0; i < ids.length; i++) {
      for (let j = 0, dst = indexAt(ids, i) * w, src = indexAt(bag, i) * w; j < w; j++) gTable[dst + j] = at(gTable, dst + j) + at(g, src + j);
    }
  },
};

/** The bag of each of `count` indices in consecutive groups of `n`: `bag[i] = ⌊i/n⌋`. */
export function groups(count: number, n: number): Int32Array {
  return Int32Array.from({ length: count }, (_, i) => Math.floor(i / n));
}

/** Rows of a sparse table that received gradient since its gradient was last zeroed (each row listed once). */
interface Touched {
  flag: Uint8Array;
  rows: number[];
}
const sparse = new WeakMap<Tensor, Touched>();

/**
 * Declares that `table` receives gradient only through lookups (`gather`, `gatherWindow`, `gatherSum`), so an optimiser may update
 * and zero only the rows a backward pass touched. A table that also gets gradient from another op (a penalty on E,
 * weights shared with an output layer) must not be marked: its other rows would be skipped.
 */
export function markSparse(table: Tensor): Tensor {
  const rows = table.shape[0] ?? 1;
  if (!sparse.has(table)) sparse.set(table, { flag: new Uint8Array(rows), rows: [] });
  return table;
}

/** Rows of a sparse table touched since its gradient was last zeroed (ascending, read off the flags), or null for a dense tensor. */
export function touchedRows(table: Tensor): number[] | null {
  const t = sparse.get(table);
  if (!t) return null;
  const out: number[] = [];
  for (let row = 0; row < t.flag.length; row++) if (t.flag[row] === 1) out.push(row);
  return out;
}

/** Runs `f(lo, hi)` over a tensor's whole buffer, or, for a sparse table, over each touched row `[r·w, r·w + w)`. */
export function eachTouched(t: Tensor, f: (lo: number, hi: number) => void): void {
  const rows = touchedRows(t);
  if (!rows) return f(0, t.size);
  const w = t.size / Math.max(t.shape[0] ?? 1, 1);
  for (const r of rows) f(r * w, r * w + w);
}

/** Zeroes the gradient of a sparse table in its touched rows only and forgets them; false for a dense tensor. */
export function zeroTouched(table: Tensor): boolean {
  const t = sparse.get(table);
  if (!t) return false;
  const g = table.grad;
  const w = table.size / Math.max(t.flag.length, 1);
  for (const row of t.rows) {
    t.flag[row] = 0;
    g?.fill(0, row * w, row * w + w);
  }
  t.rows.length = 0;
  return true;
}

/** Notes rows `ids` of a sparse table as touched (a backward pass added gradient to them); nothing for a dense tensor. */
function remember(table: Tensor, ids: Int32Array): void {
  const t = sparse.get(table);
  if (!t) return;
  for (const row of ids) {
    if (t.flag[row] === 0) {
      t.flag[row] = 1;
      t.rows.push(row);
    }
  }
}

/** Validated row indices: whole numbers in `[0, rows)`, the message naming the op and the table's shape. */
export function rowIds(op: string, table: Tensor, indices: Indices): Int32Array {
  const rows = table.shape[0] ?? 0;
  const ids = new Int32Array(indices.length);
  for (let i = 0; i < indices.length; i++) {
    const row = indices[i]!;
    if (!Number.isInteger(row) || row < 0 || row >= rows) throw new Error(`${op}: index ${row} out of range for table ${fmt(table.shape)}`);
    ids[i] = row;
  }
  return ids;
}

/** Validated indices of windows of `n` rows of a `[rows, e]` table. */
export function windowIds(op: string, table: Tensor, indices: Indices, n: number): Int32Array {
  matrixShape(op, 'a table', table);
  positiveInt(op, 'n', n);
  const ids = rowIds(op, table, indices);
  if (ids.length % n !== 0) throw new Error(`${op}: ${ids.length} indices do not split into windows of ${n}`);
  return ids;
}

/** Records `rowLookup` on the tape with output `shape`; its backward also remembers the rows a sparse table used. */
function lookup(op: string, table: Tensor, ids: Int32Array, bag: Int32Array, shape: number[]): Tensor {
  const w = table.size / Math.max(table.shape[0] ?? 1, 1);
  const bags = shape.reduce((a, b) => a * b, 1) / w;
  return recordOp(op, rowLookup.forward(table.data, ids, bag, bags, w), shape, [table], (g) => {
    if (!table.requiresGrad) return;
    rowLookup.dTable(g, ids, bag, w, gradOf(table));
    remember(table, ids);
  });
}

/** Embedding lookup of rows of `table` by index: `out[i] = table[idx[i]]`, shape `[k, …table.shape[1:]]`; see `rowLookup`. */
export function gather(table: Tensor, indices: Indices): Tensor {
  const ids = rowIds('gather', table, indices);
  return lookup('gather', table, ids, groups(ids.length, 1), [ids.length, ...table.shape.slice(1)]);
}

/**
 * A window of `n` lookups per row concatenated into one input: `ids` holds `t·n` indices, window by window, and row `r`
 * of the `[t, n·e]` result is `[E[ids[r,0]] | … | E[ids[r,n−1]]]`. Its gradient splits into `n` blocks of width `e`,
 * each scatter-added into its row (`rowLookup` with one index per bag).
 */
export function gatherWindow(table: Tensor, indices: Indices, n: number): Tensor {
  const ids = windowIds('gatherWindow', table, indices, n);
  return lookup('gatherWindow', table, ids, groups(ids.length, 1), [ids.length / n, n * table.shape[1]!]);
}

/** Bag of each index from bag start offsets (whole numbers rising from 0, each at most the number of indices). */
function bagsFrom(op: string, count: number, starts: ArrayLike<number>): Int32Array {
  const bag = new Int32Array(count);
  if (starts.length === 0 && count > 0) throw new Error(`${op}: ${count} indices but no bags`);
  for (let b = 0; b < starts.length; b++) {
    const lo = starts[b]!;
    if (!(Number.isInteger(lo) && lo <= count && lo >= (b > 0 ? starts[b - 1]! : 0) && (b > 0 || lo === 0)))
      throw new Error(`${op}: bag offsets must be whole numbers rising from 0 to at most ${count}, got ${lo} at bag ${b}`);
    bag.fill(b, lo, b + 1 < starts.length ? Math.min(count, Math.max(lo, starts[b + 1]!)) : count);
  }
  return bag;
}

/**
 * A bag of lookups per row, summed: row `r` is `E[j₁] + … + E[jₙ]` over its indices, the product of an n-hot row with E
 * (a linear layer on one-hot inputs, without the one-hot matrix); `rowLookup` with bags. `bags` holds each bag's first
 * index (bags of any size, an empty bag giving a row of zeros, as PyTorch's `EmbeddingBag` offsets): `[0, n, 2n, …]`
 * sums windows of `n`.
 */
export function gatherSum(table: Tensor, indices: Indices, bags: ArrayLike<number>): Tensor {
  matrixShape('gatherSum', 'a table', table);
  const ids = rowIds('gatherSum', table, indices);
  return lookup('gatherSum', table, ids, bagsFrom('gatherSum', ids.length, bags), [bags.length, table.shape[1]!]);
}
