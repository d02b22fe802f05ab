/* k-means (chapter 5's control task): seeded k-means++ seeding, then Lloyd's iterations. Squared distances come from one
   matrix product, `‖x − c‖² = ‖x‖² − 2x·c + ‖c‖²`, so the zero-skipping blocked product (`mmNT`, x·cᵀ) does the heavy work. */
import { applyInPlace, at, indexAt, mmNT, rowDots } from './kernels.ts';
import { groups, rowLookup } from './ops-embedding.ts';
import { rng as makeRng } from './random.ts';
import { Tensor, takeRows } from './tensor.ts';
import { checkRange, matrixShape, positiveInt } from './validate.ts';

/** Options of `kmeans`. */
export interface KMeansOptions {
  /** Seed of the k-means++ draws; default 0. */
  seed?: number;
  /** Most Lloyd iterations; default 50. */
  iterations?: number;
  /** Stop when the within-cluster sum of squares falls by less than this share in an iteration; default 1e-4. */
  tolerance?: number;
}

/** A clustering: `centroids [k, d]`, each row's cluster, cluster sizes, the within-cluster sum of squares and iterations run. */
export interface KMeansResult {
  centroids: Tensor;
  assignments: Int32Array;
  sizes: Int32Array;
  inertia: number;
  iterations: number;
}

/** Squared distances `[n, k]` from every row of `x` to every row of `c`: `‖x‖² − 2x·cᵀ + ‖c‖²`, clamped at 0. */
export function squaredDistances(x: Tensor, c: Tensor): Float64Array {
  const [n, d] = x.shape as [number, number];
  const [k] = c.shape as [number, number];
  const dots = new Float64Array(n * k);
  mmNT(x.data, 0, c.data, 0, dots, 0, n, d, k); // x·cᵀ
  const xn = rowDots(x.data, x.data, d); // ‖xᵢ‖²
  const cn = rowDots(c.data, c.data, d);
  for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) dots[i * k + j] = Math.max(0, at(xn, i) - 2 * at(dots, i * k + j) + at(cn, j));
  return dots;
}

/**
 * k-means++ seeding (Arthur & Vassilvitskii, 2007): the first centre is a uniformly drawn row, each next one a row drawn
 * with probability `D(x)² / Σ D²`, `D(x)` the distance to the nearest centre so far. Returns the chosen row indices.
 */
export function kmeansPlusPlus(x: Tensor, k: number, seed = 0): number[] {
  const [n] = x.shape as [number, number];
  const r = makeRng(seed);
  const chosen = [r.int(n)];
  const nearest = new Float64Array(n).fill(Infinity);
  while (chosen.length < k) {
    const dist = squaredDistances(x, takeRows(x, chosen.slice(-1)));
    let total = 0;
    for (let i = 0; i < n; i++) total += nearest[i] = Math.min(at(nearest, i), at(dist, i));
    // All remaining rows coincide with a centre: take the next unchosen row so k stays k.
    if (total === 0) {
      let next = 0;
      while (chosen.includes(next)) next++;
      chosen.push(next);
      continue;
    }
    let u = r.next() * total;
    let pick = 0;
    while (pick < n - 1 && (u -= at(nearest, pick)) >= 0) pick++;
    chosen.push(pick);
  }
  return chosen;
}

/** Each row's nearest centre (ties to the lower index) and the sum of squared distances to it. */
function assign(x: Tensor, c: Tensor, out: Int32Array): number {
  const [k] = c.shape as [number, number];
  const dist = squaredDistances(x, c);
  let inertia = 0;
  for (let i = 0; i < out.length; i++) {
    let best = 0;
    for (let j = 1; j < k; j++) if (at(dist, i * k + j) < at(dist, i * k + best)) best = j;
    out[i] = best;
    inertia += at(dist, i * k + best);
  }
  return inertia;
}

/** Rows per cluster. */
function countSizes(assignments: Int32Array, k: number): Int32Array {
  const sizes = new Int32Array(k);
  for (const j of assignments) sizes[j] = indexAt(sizes, j) + 1;
  return sizes;
}

/** Centres as the means of their rows: `cⱼ = (1/|Sⱼ|) Σ_{i∈Sⱼ} xᵢ`; an empty cluster keeps its old centre. */
function means(x: Tensor, assignments: Int32Array, old: Tensor): Tensor {
  const [k, d] = old.shape as [number, number];
  // each cluster's sum of rows: row i of x added into row assignments[i], as the lookups' bag sum adds looked-up rows
  const sums = rowLookup.forward(x.data, groups(assignments.length, 1), assignments, k, d);
  countSizes(assignments, k).forEach((size, j) => {
    const row = sums.subarray(j * d, j * d + d);
    if (size > 0) applyInPlace(row, (v) => v / size);
    else row.set(old.data.subarray(j * d, j * d + d)); // an empty cluster keeps its centroid
  });
  return new Tensor(sums, [k, d]);
}

/**
 * Seeded k-means on the rows of `x: [n, d]`: k-means++ seeding, then Lloyd's iterations (assign each row to its nearest
 * centre, move each centre to the mean of its rows) until the within-cluster sum of squares stops falling. Same data,
 * `k` and seed: the same clusters.
 */
export function kmeans(x: Tensor, k: number, o: KMeansOptions = {}): KMeansResult {
  const [n] = matrixShape('kmeans', 'data', x);
  positiveInt('kmeans', 'k', k);
  if (k > n) throw new Error(`kmeans: k = ${k} clusters need at least ${k} rows, got ${n}`);
  const maxIter = positiveInt('kmeans', 'iterations', o.iterations ?? 50);
  const tol = checkRange('kmeans', 'tolerance', o.tolerance ?? 1e-4, 0);
  const data = x.detach();
  const seeds = kmeansPlusPlus(data, k, o.seed ?? 0);
  let centroids = takeRows(data, seeds);
  const assignments = new Int32Array(n);
  let inertia = assign(data, centroids, assignments);
  let iterations = 0;
  while (iterations < maxIter) {
    iterations++;
    centroids = means(data, assignments, centroids);
    const next = assign(data, centroids, assignments);
    const fell = inertia - next;
    inertia = next;
    if (fell <= tol * inertia) break;
  }
  return { centroids, assignments, sizes: countSizes(assignments, k), inertia, iterations };
}
