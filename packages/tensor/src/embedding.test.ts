import { describe, expect, it } from 'vitest';
import * as T from './internal.ts';
import { Embedding, Tensor, adam, concat, gather, gatherWindow, gradcheck, linear, matmul, rng, sgd, softmaxCrossEntropy, sum } from './internal.ts';
import { gatherSum, markSparse, touchedRows } from './ops-embedding.ts';

const r = rng(11);
const rand = (shape: number[]): Tensor =>
  new Tensor(
    Float64Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => r.uniform(-2, 2)),
    shape,
  );
const dims = (): number => 1 + r.int(5);
const rowsOf = (t: Tensor, w: number): number[][] => Array.from({ length: t.size / w }, (_, i) => Array.from(t.data.subarray(i * w, i * w + w)));

/** `[k, rows]` one-hot matrix with a 1 at `(i, ids[i])`. */
function oneHot(ids: readonly number[], rows: number): Tensor {
  const m = new Float64Array(ids.length * rows);
  ids.forEach((j, i) => (m[i * rows + j] = 1));
  return new Tensor(m, [ids.length, rows]);
}

/** Bag offsets `[0, n, 2n, …]` of `t` windows of `n` indices. */
const windows = (t: number, n: number): number[] => Array.from({ length: t }, (_, i) => i * n);

describe('embedding lookup', () => {
  it('the gradient of E is exactly zero on untouched rows, and a repeated index accumulates', () => {
    const E = rand([6, 3]).requireGrad();
    const G = rand([4, 3]);
    sum(T.mul(gather(E, [4, 1, 4, 4]), G)).backward();
    const g = rowsOf(new Tensor(E.grad!, [6, 3]), 3);
    for (const row of [0, 2, 3, 5]) expect(g[row]).toEqual([0, 0, 0]);
    expect(g[1]).toEqual(Array.from(G.data.subarray(3, 6)));
    const rep = [0, 1, 2].map((j) => G.data[j]! + G.data[6 + j]! + G.data[9 + j]!);
    expect(g[4]).toEqual(rep);
  });

  it('equals multiplication by a one-hot matrix, values and gradients', () => {
    for (let trial = 0; trial < 3; trial++) {
      const rows = 2 + dims();
      const E = rand([rows, dims()]);
      const ids = Array.from({ length: 2 + dims() }, () => r.int(rows));
      const G = rand([ids.length, E.shape[1]!]);
      const E1 = E.detach().requireGrad();
      const E2 = E.detach();
      E2.data = E.data.slice();
      E2.requireGrad();
      const looked = gather(E1, ids);
      const product = matmul(oneHot(ids, rows), E2);
      expect(looked.data).toEqual(product.data);
      sum(T.mul(looked, G)).backward();
      sum(T.mul(product, G)).backward();
      E1.grad!.forEach((v, i) => expect(v).toBeCloseTo(E2.grad![i]!, 14));
    }
  });

  it('a window of n lookups is the concatenation of n gathers, [t, n·e], with its gradient split back', () => {
    const E = rand([7, 4]);
    const ids = [3, 0, 3, 6, 6, 1];
    const w = gatherWindow(E, ids, 3);
    expect(w.shape).toEqual([2, 12]);
    const cat = concat(
      [0, 1, 2].map((k) => gather(E, [ids[k]!, ids[3 + k]!])),
      1,
    );
    expect(w.data).toEqual(cat.data);
    expect(Array.from(w.data.subarray(0, 4))).toEqual(Array.from(E.data.subarray(12, 16)));
    expect(() => gatherWindow(E, [1, 2], 3)).toThrow('gatherWindow: 2 indices do not split into windows of 3');
    expect(() => gatherWindow(E, [1, 9, 2], 3)).toThrow('gatherWindow: index 9 out of range for table [7,4]');
    expect(() => gather(E, [0.5])).toThrow('gather: index 0.5 out of range for table [7,4]');
  });

  it('a bag of n lookups sums the rows, the product of an n-hot row with E', () => {
    const E = rand([5, 3]);
    const ids = [4, 0, 4, 1, 1, 2];
    const bag = gatherSum(E, ids, [0, 3]);
    expect(bag.shape).toEqual([2, 3]);
    const nHot = new Tensor(Float64Array.from([1, 0, 0, 0, 2, 0, 2, 1, 0, 0]), [2, 5]);
    bag.data.forEach((v, i) => expect(v).toBeCloseTo(matmul(nHot, E).data[i]!, 14));
  });

  it('bags of any size (offsets, as EmbeddingBag) sum their rows; an empty bag is a row of zeros', () => {
    const E = rand([5, 3]);
    const bag = gatherSum(E, [4, 0, 4, 1, 2], [0, 3, 3]);
    expect(bag.shape).toEqual([3, 3]);
    const nHot = new Tensor(Float64Array.from([1, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0]), [3, 5]);
    bag.data.forEach((v, i) => expect(v).toBeCloseTo(matmul(nHot, E).data[i]!, 14));
    expect(Array.from(bag.data.subarray(3, 6))).toEqual([0, 0, 0]);
    expect(() => gatherSum(E, [1, 2], [1, 2])).toThrow('gatherSum: bag offsets must be whole numbers rising from 0 to at most 2, got 1 at bag 0');
    expect(() => gatherSum(E, [1, 2], [0, 3])).toThrow(/got 3 at bag 1/);
    const ids = [3, 1, 1, 0, 4, 4, 2];
    const W = rand([4, 3]);
    const g = gradcheck((T5) => sum(T.mul(gatherSum(T5, ids, [0, 2, 2, 5]), W)), [rand([5, 3])]);
    expect(g.maxError).toBeLessThan(1e-6);
  });

  it('gather, gatherWindow and gatherSum pass gradient checks on random shapes', () => {
    for (let trial = 0; trial < 4; trial++) {
      const rows = 1 + dims();
      const e = dims();
      const n = dims();
      const t = dims();
      const ids = Array.from({ length: t * n }, () => r.int(rows));
      const W = rand([t, e]);
      const H = rand([n * e, 2]);
      const f = (E: Tensor): Tensor => sum(T.tanh(linear(gatherWindow(E, ids, n), H)));
      const res = gradcheck(f, [rand([rows, e])]);
      expect(res.maxError, `window [${rows},${e}] n=${n} t=${t}`).toBeLessThan(1e-6);
      const bag = gradcheck((E) => sum(T.mul(gatherSum(E, ids, windows(t, n)), W)), [rand([rows, e])]);
      expect(bag.maxError, `bag [${rows},${e}] n=${n} t=${t}`).toBeLessThan(1e-6);
      const g = gradcheck((E) => sum(T.mul(gather(E, ids.slice(0, t)), W)), [rand([rows, e])]);
      expect(g.maxError).toBeLessThan(1e-6);
    }
  });
});

describe('sparse optimiser path', () => {
  /** A tiny window model: E → [t, n·e] → linear → softmax cross-entropy over the vocabulary. */
  function model(sparse: boolean): { emb: Embedding; H: Tensor; loss: (ids: number[], y: number[]) => Tensor } {
    const emb = new Embedding({ count: 9, dim: 3, sparse, rng: rng(3) });
    const H = rand([6, 9]).requireGrad();
    H.data.set(rng(4).shuffle(Array.from({ length: 54 }, (_, i) => Math.sin(i))));
    return { emb, H, loss: (ids, y) => softmaxCrossEntropy(linear(emb.window(ids, 2), H), y) };
  }
  const batches: [number[], number[]][] = [
    [
      [1, 4, 4, 2],
      [3, 5],
    ],
    [
      [7, 1, 0, 0],
      [1, 8],
    ],
    [
      [2, 2, 2, 2],
      [2, 4],
    ],
  ];

  it('plain SGD on a sparse table updates only the touched rows and matches the dense update bit for bit', () => {
    const a = model(true);
    const b = model(false);
    const oa = sgd([a.emb.weight, a.H], { lr: 0.3 });
    const ob = sgd([b.emb.weight, b.H], { lr: 0.3 });
    for (const [ids, y] of batches) {
      const before = a.emb.weight.data.slice();
      oa.zeroGrad();
      ob.zeroGrad();
      a.loss(ids, y).backward();
      b.loss(ids, y).backward();
      expect(touchedRows(a.emb.weight)).toEqual([...new Set(ids)].sort((p, q) => p - q));
      expect(touchedRows(b.emb.weight)).toBeNull();
      oa.step();
      ob.step();
      expect(a.emb.weight.data).toEqual(b.emb.weight.data);
      for (let row = 0; row < 9; row++) {
        const same = a.emb.weight.data.subarray(row * 3, row * 3 + 3).every((v, j) => v === before[row * 3 + j]);
        expect(same, `row ${row}`).toBe(!ids.includes(row));
      }
    }
    oa.zeroGrad();
    expect(touchedRows(a.emb.weight)).toEqual([]);
    expect(a.emb.weight.grad!.every((v) => v === 0)).toBe(true);
  });

  it('gradients accumulate over two backward passes until zeroGrad, touched rows included', () => {
    const table = markSparse(rand([5, 2]).requireGrad());
    sum(gather(table, [1])).backward();
    sum(gather(table, [3, 1])).backward();
    expect(touchedRows(table)).toEqual([1, 3]);
    expect(Array.from(table.grad!)).toEqual([0, 0, 2, 2, 0, 0, 1, 1, 0, 0]);
    const opt = sgd([table], { lr: 1 });
    const before = table.data.slice();
    opt.step();
    expect(table.data[2]).toBe(before[2]! - 2);
    expect(table.data[0]).toBe(before[0]);
  });

  it('Adam stays dense on embedding tables: a row not in the second batch still moves on its momentum', () => {
    const a = model(true);
    const opt = adam([a.emb.weight, a.H], { lr: 0.1 });
    for (const [ids, y] of batches.slice(0, 2)) {
      opt.zeroGrad();
      a.loss(ids, y).backward();
      const row4 = a.emb.weight.data.slice(12, 15);
      opt.step();
      const moved = a.emb.weight.data.subarray(12, 15).some((v, j) => v !== row4[j]);
      expect(moved, ids.join()).toBe(true); // row 4 is in batch 1 only
      expect(a.emb.weight.grad!.subarray(12, 15).every((v) => v === 0)).toBe(!ids.includes(4));
    }
  });

  it('lazy Adam moves only the rows a batch used, and those exactly as dense Adam would on its first step', () => {
    const a = model(true);
    const b = model(true);
    const lazy = adam([a.emb.weight, a.H], { lr: 0.1, lazy: true });
    const dense = adam([b.emb.weight, b.H], { lr: 0.1 });
    for (const [k, [ids, y]] of batches.slice(0, 2).entries()) {
      const before = a.emb.weight.data.slice();
      for (const [m, o] of [
        [a, lazy],
        [b, dense],
      ] as const) {
        o.zeroGrad();
        m.loss(ids, y).backward();
        o.step();
      }
      for (let row = 0; row < 9; row++) {
        const moved = a.emb.weight.data.subarray(row * 3, row * 3 + 3).some((v, j) => v !== before[row * 3 + j]);
        expect(moved, `batch ${k} row ${row}`).toBe(ids.includes(row));
      }
      if (k === 0) expect(a.emb.weight.data).toEqual(b.emb.weight.data);
    }
    // Row 4 was in batch 1 only: dense Adam kept moving it on its momentum in batch 2, lazy Adam did not.
    expect(a.emb.weight.data.subarray(12, 15)).not.toEqual(b.emb.weight.data.subarray(12, 15));
  });
});
