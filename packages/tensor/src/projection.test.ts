import { describe, expect, it } from 'vitest';
import * as T from './internal.ts';
import { Tensor, cosineSimilarity, gradcheck, nearest, pca2, rng, tensor, type Projection2D } from './internal.ts';
import { topK } from './projection.ts';

const r = rng(41);
const rand = (shape: number[]): Tensor =>
  new Tensor(
    Float64Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => r.uniform(-2, 2)),
    shape,
  );
const dot = (a: ArrayLike<number>, b: ArrayLike<number>): number => Array.from(a).reduce((s, v, i) => s + v * b[i]!, 0);

describe('cosine similarity and neighbours', () => {
  it('cosineSimilarity is aᵢ·bⱼ/(‖aᵢ‖‖bⱼ‖), scale-free, and 0 for a zero row', () => {
    const a = tensor([
      [1, 0],
      [3, 3],
      [0, 0],
    ]);
    const b = tensor([
      [2, 2],
      [0, -5],
    ]);
    const c = cosineSimilarity(a, b).toArray() as number[][];
    expect(c[0]![0]).toBeCloseTo(Math.SQRT1_2, 15);
    expect(c[0]![1]).toBeCloseTo(0, 15);
    expect(c[1]![0]).toBeCloseTo(1, 15);
    expect(c[1]![1]).toBeCloseTo(-Math.SQRT1_2, 15);
    expect(c[2]).toEqual([0, 0]);
    expect(() => cosineSimilarity(a, tensor([[1, 2, 3]]))).toThrow('cosineSimilarity: [3,2] vs [1,3] — expected [m,e] and [n,e]');
  });

  it('cosineSimilarity passes gradient checks on random shapes', () => {
    for (let trial = 0; trial < 4; trial++) {
      const [m, n, e] = [1 + r.int(4), 1 + r.int(4), 1 + r.int(5)];
      const W = rand([m, n]);
      const res = gradcheck((a, b) => T.sum(T.mul(cosineSimilarity(a, b), W)), [rand([m, e]), rand([n, e])]);
      expect(res.maxError, `[${m},${e}] x [${n},${e}]`).toBeLessThan(1e-6);
    }
  });

  it('topK returns the largest values first, ties to the lower index, per row', () => {
    const { values, indices } = topK(
      tensor([
        [0.1, 0.9, 0.5, 0.9, -1],
        [3, 2, 1, 0, 4],
      ]),
      3,
    );
    expect(values.toArray()).toEqual([
      [0.9, 0.9, 0.5],
      [4, 3, 2],
    ]);
    expect(indices.toArray()).toEqual([
      [1, 3, 2],
      [4, 0, 1],
    ]);
    expect(topK(tensor([2, 7, 1]), 1).indices.toArray()).toEqual([1]);
    expect(() => topK(tensor([1, 2]), 3)).toThrow('topK: k must be a whole number in [0, 2], got 3');
  });

  it('nearest leaves out the query row (optionally) and excluded rows, and answers an analogy', () => {
    // Rows: 0 king, 1 man, 2 woman, 3 queen, 4 apple; queen ≈ king − man + woman.
    const E = tensor([
      [0.9, 0.8, 0.1],
      [0.1, 0.9, 0.0],
      [0.1, 0.0, 0.9],
      [0.9, -0.1, 0.95],
      [-0.5, 0.1, -0.2],
    ]);
    const king = nearest(E, 0, 2);
    expect(king.map((h) => h.index)).toEqual([1, 3]);
    expect(king[0]!.similarity).toBeCloseTo(dot([0.9, 0.8, 0.1], [0.1, 0.9, 0]) / (Math.hypot(0.9, 0.8, 0.1) * Math.hypot(0.1, 0.9)), 12);
    expect(nearest(E, 0, 1, { excludeQuery: false })[0]).toEqual({ index: 0, similarity: expect.closeTo(1, 12) as number });
    const q = [0, 1, 2].map((j) => E.data[j]! - E.data[3 + j]! + E.data[6 + j]!);
    expect(nearest(E, q, 1, { exclude: [0, 1, 2] })[0]!.index).toBe(3);
    expect(nearest(E, q, 5, { exclude: [0, 1, 2] }).length).toBe(2);
    expect(() => nearest(E, 5, 1)).toThrow('nearest: index 5 out of range for table [5,3]');
    expect(() => nearest(E, [1, 2], 1)).toThrow("nearest: query has 2 values but the table's rows have 3");
  });
});

/** `n` points whose covariance is exactly `Σₖ sₖ² wₖwₖᵀ` for the given orthonormal directions `w`. */
function cloud(z: Float64Array[], s: number[], w: Float64Array[]): Tensor {
  const n = z[0]!.length;
  const d = w[0]!.length;
  const x = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let k = 0; k < s.length; k++) for (let j = 0; j < d; j++) x[i * d + j]! += z[k]![i]! * s[k]! * w[k]![j]!;
  return new Tensor(x, [n, d]);
}

/** `count` orthonormal vectors of length `len` (centred first when `centre`), by Gram–Schmidt on seeded normals. */
function orthonormal(count: number, len: number, centre: boolean, seed: number): Float64Array[] {
  const g = rng(seed);
  const out: Float64Array[] = [];
  for (let k = 0; k < count; k++) {
    const v = Float64Array.from({ length: len }, () => g.normal());
    const m = centre ? v.reduce((a, b) => a + b, 0) / len : 0;
    v.forEach((x, i) => (v[i] = x - m));
    for (const u of out) {
      const p = dot(u, v);
      v.forEach((x, i) => (v[i] = x - p * u[i]!));
    }
    const nv = Math.hypot(...v);
    out.push(v.map((x) => x / nv));
  }
  return out;
}

describe('pca2', () => {
  const n = 80;
  const d = 6;
  const z = orthonormal(3, n, true, 1).map((v) => v.map((x) => x * Math.sqrt(n)));
  const P = orthonormal(3, d, false, 2);
  /** Frame t of 100: variances 2.5² → 1.5² and 1.5² → 2.5² cross between frames 49 and 50, and the axes turn slowly. */
  const frame = (t: number): { x: Tensor; w: Float64Array[] } => {
    const th = (0.4 * t) / 99;
    const w = [P[0]!.map((v, j) => Math.cos(th) * v + Math.sin(th) * P[2]![j]!), P[1]!, P[2]!.map((v, j) => -Math.sin(th) * P[0]![j]! + Math.cos(th) * v)];
    return { x: cloud(z, [2.5 - t / 99, 1.5 + t / 99, 0.5], w), w };
  };

  it('finds the principal axes and their variances', () => {
    const { x, w } = frame(10);
    const p = pca2(x);
    expect(p.variance[0]).toBeCloseTo((2.5 - 10 / 99) ** 2, 9);
    expect(p.variance[1]).toBeCloseTo((1.5 + 10 / 99) ** 2, 9);
    expect(Math.abs(dot(p.axes[0], w[0]!))).toBeCloseTo(1, 9);
    expect(Math.abs(dot(p.axes[1], w[1]!))).toBeCloseTo(1, 9);
    expect(p.points.shape).toEqual([n, 2]);
    expect(p.points.data[3 * 2 + 1]).toBeCloseTo(dot(x.data.subarray(3 * d, 4 * d), p.axes[1]), 12);
    expect(pca2(x).points.data).toEqual(p.points.data);
  });

  it('over 100 slowly changing snapshots, axes matched to the previous frame never flip or swap', () => {
    let prev: Projection2D | null = null;
    let naivePrev: Projection2D | null = null;
    let naiveJumps = 0;
    for (let t = 0; t < 100; t++) {
      const { x, w } = frame(t);
      const p: Projection2D = pca2(x, prev);
      const naive = pca2(x);
      if (prev && naivePrev) {
        for (const k of [0, 1]) {
          expect(dot(p.axes[k]!, prev.axes[k]!), `frame ${t} axis ${k}`).toBeGreaterThan(0.999);
          if (dot(naive.axes[k]!, naivePrev.axes[k]!) < 0.5) naiveJumps++;
        }
      }
      // Axis 0 keeps following direction w₀ through the crossing, even once it carries the smaller variance.
      expect(Math.abs(dot(p.axes[0], w[0]!)), `frame ${t}`).toBeCloseTo(1, 6);
      prev = p;
      naivePrev = naive;
    }
    expect(prev!.variance[0]).toBeLessThan(prev!.variance[1]);
    expect(naiveJumps).toBeGreaterThan(0); // ordering by variance alone swaps the axes at the crossing
  });

  it('gives finite zeros for constant data and validates shapes', () => {
    const p = pca2(
      tensor([
        [1, 2, 3],
        [1, 2, 3],
      ]),
    );
    expect(p.variance).toEqual([0, 0]);
    expect(Array.from(p.points.data)).toEqual([0, 0, 0, 0]);
    expect(p.axes.every((a) => a.every(Number.isFinite))).toBe(true);
    expect(() => pca2(tensor([[1], [2]]))).toThrow('pca2: expected [n,d] with d ≥ 2, got [2,1]');
    expect(() => pca2(tensor([[1, 2, 3, 4]]), p)).toThrow('pca2: the previous axes have 3 values but the rows have 4');
  });
});
