/* What a learned table holds (chapter 4): cosine similarity, nearest rows, and a 2-D principal-component projection
   that stays put from one animation frame to the next. */
import { applyInPlace, at, mm, mmTN, rowDots } from './kernels.ts';
import { noGrad } from './autograd.ts';
import { add, div, mul, pow } from './ops-elementwise.ts';
import { matmul, transpose } from './ops-matrix.ts';
import { sum } from './ops-reduce.ts';
import { rng } from './random.ts';
import { Tensor, fmt } from './tensor.ts';
import { matrixShape, positiveInt } from './validate.ts';
import { rowIds } from './ops-embedding.ts';

/** Squared norms below this count as zero vectors, whose cosine with anything is 0 instead of 0/0. */
const TINY = 1e-300;

/** Rows scaled to unit length: `a / √(Σ a² + ε)` with a negligible `ε` so a zero row stays zero (composed; differentiable). */
function unitRows(a: Tensor): Tensor {
  return div(a, pow(add(sum(mul(a, a), 1, true), TINY), 0.5));
}

/**
 * Cosine similarity of every row of `a: [m, e]` with every row of `b: [n, e]`: `[m, n]` with
 * `cos(aᵢ, bⱼ) = aᵢ·bⱼ / (‖aᵢ‖ ‖bⱼ‖)`, in `[−1, 1]`; 0 for a zero row. Composed from differentiable ops.
 */
export function cosineSimilarity(a: Tensor, b: Tensor): Tensor {
  if (a.shape.length !== 2 || b.shape.length !== 2 || a.shape[1] !== b.shape[1]) {
    throw new Error(`cosineSimilarity: ${fmt(a.shape)} vs ${fmt(b.shape)} — expected [m,e] and [n,e]`);
  }
  return matmul(unitRows(a), transpose(unitRows(b)));
}

/**
 * The `k` largest values of each row (of a rank-1 or rank-2 tensor), largest first, with their column indices; ties go to
 * the lower index. Values `[…, k]`, indices as whole numbers `[…, k]`; no gradient.
 */
export function topK(x: Tensor, k: number): { values: Tensor; indices: Tensor } {
  if (x.shape.length < 1 || x.shape.length > 2) throw new Error(`topK: expected rank 1 or 2, got ${fmt(x.shape)}`);
  const n = x.shape.at(-1)!;
  if (!(Number.isInteger(k) && k >= 0 && k <= n)) throw new Error(`topK: k must be a whole number in [0, ${n}], got ${k}`);
  const rows = x.size / Math.max(n, 1);
  const values = new Float64Array(rows * k);
  const indices = new Float64Array(rows * k);
  for (let r = 0; r < rows; r++) {
    const best = bestOf(x.data.subarray(r * n, r * n + n), k, () => true);
    best.forEach((j, i) => {
      values[r * k + i] = at(x.data, r * n + j);
      indices[r * k + i] = j;
    });
  }
  const shape = [...x.shape.slice(0, -1), k];
  return { values: new Tensor(values, shape), indices: new Tensor(indices, shape.slice()) };
}

/** Indices of the `k` largest allowed entries of `v`, largest first (insertion into a sorted list of at most k). */
function bestOf(v: Float64Array, k: number, allowed: (j: number) => boolean): number[] {
  const best: number[] = [];
  v.forEach((x, j) => {
    if (k === 0 || !allowed(j) || (best.length === k && x <= at(v, best[k - 1]!))) return;
    let i = Math.min(best.length, k - 1);
    while (i > 0 && x > at(v, best[i - 1]!)) i--;
    best.splice(i, 0, j);
    if (best.length > k) best.pop();
  });
  return best;
}

/** A row found by `nearest`: its index and its cosine similarity to the query. */
export interface Neighbour {
  index: number;
  similarity: number;
}

/**
 * The `k` rows of `table: [V, e]` most similar (cosine) to a query: a row index, or a vector such as the analogy
 * `E[a] − E[b] + E[c]`. A row-index query is left out of its own neighbours unless `excludeQuery` is false; `exclude`
 * leaves out more rows (for an analogy: a, b and c).
 */
export function nearest(
  table: Tensor,
  query: number | ArrayLike<number>,
  k: number,
  o: { exclude?: readonly number[]; excludeQuery?: boolean } = {},
): Neighbour[] {
  const [, e] = matrixShape('nearest', 'a table', table);
  positiveInt('nearest', 'k', k);
  let q: Float64Array;
  const skip = new Set(o.exclude ?? []);
  if (typeof query === 'number') {
    rowIds('nearest', table, [query]);
    q = table.data.slice(query * e, query * e + e);
    if (o.excludeQuery ?? true) skip.add(query);
  } else {
    q = Float64Array.from(query);
    if (q.length !== e) throw new Error(`nearest: query has ${q.length} values but the table's rows have ${e}`);
  }
  const sims = noGrad(() => cosineSimilarity(new Tensor(q, [1, e]), table)).data;
  return bestOf(sims, k, (j) => !skip.has(j)).map((index) => ({ index, similarity: at(sims, index) }));
}

/** A 2-D principal-component projection: unit axes in the row space, the mean, the variance along each axis and the points. */
export interface Projection2D {
  /** Two orthonormal axes of length `d`, ordered and signed to match the previous frame's (see `pca2`). */
  axes: [Float64Array, Float64Array];
  /** Column means `x̄` subtracted before projecting. */
  mean: Float64Array;
  /** Variance of the data along each axis: `(1/n) Σᵢ ((xᵢ − x̄)·aₖ)²`. */
  variance: [number, number];
  /** Coordinates `[(xᵢ − x̄)·a₁, (xᵢ − x̄)·a₂]`, shape `[n, 2]`. */
  points: Tensor;
}

/** Centred data `Xc = X − x̄`, its covariance `C = (1/n) XcᵀXc` (formed once, so each iteration below costs `d²`, not `n·d`). */
interface Centred {
  mean: Float64Array;
  /** Coordinates `Xc·v` of every row along `v`. */
  project(v: Float64Array): Float64Array;
  /** `C·v`. */
  cov(v: Float64Array): Float64Array;
}

function centre(x: Tensor, n: number, d: number): Centred {
  const mean = new Float64Array(d);
  x.data.forEach((v, i) => (mean[i % d] = at(mean, i % d) + v / n));
  const xc = x.data.map((v, i) => v - at(mean, i % d));
  const c = new Float64Array(d * d);
  mmTN(xc, 0, xc, 0, c, 0, n, d, d); // XcᵀXc, symmetric to the last bit (each entry sums the same products in order)
  applyInPlace(c, (v) => v / n);
  const times = (m: Float64Array, rows: number, v: Float64Array): Float64Array => {
    const out = new Float64Array(rows);
    mm(m, 0, v, 0, out, 0, rows, d, 1); // m·v
    return out;
  };
  return { mean, project: (v) => times(xc, n, v), cov: (v) => times(c, d, v) };
}

/** `a·b = Σᵢ aᵢbᵢ`. */
function dot(a: Float64Array, b: Float64Array): number {
  return at(rowDots(a, b, a.length), 0);
}

/** Gram–Schmidt on two vectors; false when one has (numerically) no length left. */
function orthonormalise(u: Float64Array, v: Float64Array): boolean {
  const nu = Math.sqrt(dot(u, u));
  if (!(nu > 1e-150)) return false;
  u.forEach((x, i) => (u[i] = x / nu));
  const p = dot(u, v);
  v.forEach((x, i) => (v[i] = x - p * at(u, i)));
  const nv = Math.sqrt(dot(v, v));
  if (!(nv > 1e-150)) return false;
  v.forEach((x, i) => (v[i] = x / nv));
  return true;
}

/** Orthogonal iteration `Q ← orth(C·Q)` from `Q₀` until the span stops moving: the top-2 principal subspace. */
function topSubspace(c: Centred, u0: Float64Array, v0: Float64Array): [Float64Array, Float64Array] {
  let u: Float64Array = u0.slice();
  let v: Float64Array = v0.slice();
  if (!orthonormalise(u, v)) return [u0, v0];
  for (let it = 0; it < 1000; it++) {
    const [cu, cv] = [c.cov(u), c.cov(v)];
    if (!orthonormalise(cu, cv)) break;
    const moved = (w: Float64Array): number => 1 - dot(w, u) ** 2 - dot(w, v) ** 2;
    const done = moved(cu) < 1e-13 && moved(cv) < 1e-13;
    [u, v] = [cu, cv];
    if (done) break;
  }
  return [u, v];
}

/** Principal axes within span{u, v}: the eigenvectors of the 2 × 2 matrix `[u v]ᵀ C [u v]`, largest variance first. */
function ritz(c: Centred, u: Float64Array, v: Float64Array): { axes: [Float64Array, Float64Array]; variance: [number, number] } {
  const [cu, cv] = [c.cov(u), c.cov(v)];
  const [a, b, d] = [dot(u, cu), dot(u, cv), dot(v, cv)];
  const phi = 0.5 * Math.atan2(2 * b, a - d);
  const [cs, sn] = [Math.cos(phi), Math.sin(phi)];
  const e1 = u.map((x, i) => cs * x + sn * at(v, i));
  const e2 = u.map((x, i) => -sn * x + cs * at(v, i));
  const l1 = a * cs * cs + 2 * b * cs * sn + d * sn * sn;
  const l2 = a * sn * sn - 2 * b * cs * sn + d * cs * cs;
  return l1 >= l2 ? { axes: [e1, e2], variance: [l1, l2] } : { axes: [e2, e1], variance: [l2, l1] };
}

/** Orders and signs `axes` like `prev` (swap if the crossed overlaps are larger; flip an axis pointing away). */
function match(axes: [Float64Array, Float64Array], variance: [number, number], prev: readonly Float64Array[] | null): void {
  if (prev) {
    const [p, q] = prev as [Float64Array, Float64Array];
    if (Math.abs(dot(axes[0], q)) + Math.abs(dot(axes[1], p)) > Math.abs(dot(axes[0], p)) + Math.abs(dot(axes[1], q))) {
      axes.reverse();
      variance.reverse();
    }
  }
  axes.forEach((a, k) => {
    // Without a previous frame, the entry of largest magnitude is made positive.
    const ref = prev ? dot(a, prev[k]!) : a.reduce((m, x) => (Math.abs(x) > Math.abs(m) ? x : m), 0);
    if (ref < 0) a.forEach((x, i) => (a[i] = -x));
  });
}

/**
 * Projects the rows of `x: [n, d]` onto their two principal axes. Pass the previous frame's projection and the axes come
 * back in the same order and with the same signs, and the iteration starts from them (a few steps when the data moved a
 * little), so an animated projection never flips or swaps. Deterministic: a first frame starts from seeded vectors.
 */
export function pca2(x: Tensor, previous: Projection2D | null = null): Projection2D {
  if (x.shape.length !== 2 || x.shape[0]! < 1 || x.shape[1]! < 2) throw new Error(`pca2: expected [n,d] with d ≥ 2, got ${fmt(x.shape)}`);
  const [n, d] = x.shape as [number, number];
  if (previous && previous.axes[0].length !== d) throw new Error(`pca2: the previous axes have ${previous.axes[0].length} values but the rows have ${d}`);
  const c = centre(x, n, d);
  const r = rng(0);
  const start = previous ? previous.axes : [0, 1].map(() => Float64Array.from({ length: d }, () => r.normal()));
  const [u, v] = topSubspace(c, start[0]!, start[1]!);
  const { axes, variance } = ritz(c, u, v);
  match(axes, variance, previous ? previous.axes : null);
  const [p1, p2] = [c.project(axes[0]), c.project(axes[1])];
  const points = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) [points[2 * i], points[2 * i + 1]] = [at(p1, i), at(p2, i)];
  return { axes, mean: c.mean, variance, points: new Tensor(points, [n, 2]) };
}
