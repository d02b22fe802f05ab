import { at, indexAt } from './kernels.ts';
import { rng as makeRng, type Rng } from './random.ts';
import { Tensor, takeRows } from './tensor.ts';
import { checkRange, positiveInt } from './validate.ts';

/** A labelled point set: inputs `x: [n, d]`, labels as floats `y: [n]` and as integers, and the class count. */
export interface Dataset {
  x: Tensor;
  y: Tensor;
  labels: Int32Array;
  classes: number;
}

/** Common generator options: point count, noise standard deviation and the seeded RNG. */
export interface GenOptions {
  n?: number;
  noise?: number;
  rng?: Rng;
}

/** Assembles a dataset from flat coordinates and labels. */
export function dataset(points: readonly number[] | Float64Array, labels: readonly number[] | Int32Array, dim = 2): Dataset {
  const lab = Int32Array.from(labels);
  const n = lab.length;
  return {
    x: new Tensor(Float64Array.from(points), [n, dim]),
    y: new Tensor(Float64Array.from(lab), [n]),
    labels: lab,
    classes: lab.reduce((m, v) => Math.max(m, v + 1), 0),
  };
}

/** Draws `n` labelled 2-D points `point(i) + N(0, noise²)` after validating the common options. */
function gen(op: string, o: GenOptions, n0: number, noise0: number, point: (i: number, r: Rng, n: number) => number[]): Dataset {
  const n = positiveInt(op, 'n', o.n ?? n0);
  const noise = checkRange(op, 'noise', o.noise ?? noise0, 0);
  const r = o.rng ?? makeRng(0);
  const p: number[] = [];
  const l: number[] = [];
  for (let i = 0; i < n; i++) {
    const [x, y, c] = point(i, r, n) as [number, number, number];
    p.push(x + r.normal(0, noise), y + r.normal(0, noise));
    l.push(c);
  }
  return dataset(p, l);
}

/** XOR: the four corners of `{0,1}²` (no `n` or `noise`), or `n` noisy copies of them; label `x₁ ⊕ x₂`. */
export function xor(o: GenOptions = {}): Dataset {
  if (o.n === undefined && !o.noise) return dataset([0, 0, 0, 1, 1, 0, 1, 1], [0, 1, 1, 0]);
  return gen('xor', o, 200, 0.1, (i) => [i & 1, (i >> 1) & 1, (i & 1) ^ ((i >> 1) & 1)]);
}

/** Two concentric circles, radius 1 (class 0) and `factor` (class 1): `(r cos θ, r sin θ) + noise`. */
export function circles(o: GenOptions & { factor?: number } = {}): Dataset {
  const factor = checkRange('circles', 'factor', o.factor ?? 0.5, 0, 1);
  return gen('circles', o, 200, 0.05, (i, r) => {
    const rad = i % 2 ? factor : 1;
    const t = r.uniform(0, 2 * Math.PI);
    return [rad * Math.cos(t), rad * Math.sin(t), i % 2];
  });
}

/**
 * Interleaved spirals with `arms` classes (2 or more): arm `j` is `r(cos θ, sin θ)` with `r = i/m`,
 * `θ = 2π(turns·r + j/arms)`, plus Gaussian noise.
 */
export function spirals(o: GenOptions & { arms?: number; turns?: number } = {}): Dataset {
  const arms = o.arms ?? 2;
  if (!(Number.isInteger(arms) && arms >= 2)) throw new Error(`spirals: arms must be an integer ≥ 2, got ${arms}`);
  const turns = checkRange('spirals', 'turns', o.turns ?? 1.5, 0);
  return gen('spirals', o, 400, 0.02, (i, _, n) => {
    const j = i % arms;
    const rad = (Math.floor(i / arms) + 1) / Math.ceil(n / arms);
    const t = 2 * Math.PI * (turns * rad + j / arms);
    return [rad * Math.cos(t), rad * Math.sin(t), j];
  });
}

/** Two interleaving half circles: class 0 `(cos t, sin t)`, class 1 `(1 − cos t, ½ − sin t)`, `t ∈ [0, π]`. */
export function moons(o: GenOptions = {}): Dataset {
  return gen('moons', o, 200, 0.1, (i, r) => {
    const t = r.uniform(0, Math.PI);
    return i % 2 ? [1 - Math.cos(t), 0.5 - Math.sin(t), 1] : [Math.cos(t), Math.sin(t), 0];
  });
}

/**
 * `k` Gaussian blobs in `dim` dimensions, points `centre + N(0, std²)`; in 2-D the centres sit evenly on a circle of
 * radius `spread` (`θ_c = θ₀ + 2πc/k`), in higher dimensions they are drawn `~ U(−spread, spread)`.
 */
export function blobs(o: GenOptions & { k?: number; dim?: number; std?: number; spread?: number } = {}): Dataset {
  const n = positiveInt('blobs', 'n', o.n ?? 300);
  const r = o.rng ?? makeRng(0);
  const k = positiveInt('blobs', 'k', o.k ?? 3);
  const dim = positiveInt('blobs', 'dim', o.dim ?? 2);
  const std = checkRange('blobs', 'std', o.std ?? 0.5, 0);
  const spread = checkRange('blobs', 'spread', o.spread ?? 3, 0);
  const t0 = r.uniform(0, 2 * Math.PI);
  const centres = Array.from({ length: k * dim }, (_, i) =>
    dim === 2 ? spread * Math[i % 2 ? 'sin' : 'cos'](t0 + (2 * Math.PI * Math.floor(i / 2)) / k) : r.uniform(-spread, spread),
  );
  const p: number[] = [];
  const l: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = i % k;
    for (let d = 0; d < dim; d++) p.push(centres[c * dim + d]! + r.normal(0, std));
    l.push(c);
  }
  return dataset(p, l, dim);
}

/** The rows `idx` of a dataset, in that order. */
export function subset(ds: Dataset, idx: readonly number[] | Int32Array): Dataset {
  const out = dataset(
    takeRows(ds.x, idx).data,
    Array.from(idx, (row) => indexAt(ds.labels, row)),
    ds.x.shape[1] ?? 1,
  );
  out.classes = ds.classes;
  return out;
}

/** Shuffled train/test split with a `test` fraction: `|test| = round(n·test)`. */
export function split(ds: Dataset, { test = 0.2, rng = makeRng(0) }: { test?: number; rng?: Rng } = {}): { train: Dataset; test: Dataset } {
  checkRange('split', 'test', test, 0, 1, true);
  const n = ds.labels.length;
  const idx = rng.shuffle(Array.from({ length: n }, (_, i) => i));
  const k = Math.round(n * test);
  return { train: subset(ds, idx.slice(k)), test: subset(ds, idx.slice(0, k)) };
}

/** Shuffled minibatches of at most `batchSize` rows covering the dataset once (one epoch). */
export function minibatches(ds: Dataset, { batchSize = 32, rng = makeRng(0) }: { batchSize?: number; rng?: Rng } = {}): Dataset[] {
  positiveInt('minibatches', 'batchSize', batchSize);
  const idx = rng.shuffle(Array.from({ length: ds.labels.length }, (_, i) => i));
  const out: Dataset[] = [];
  for (let i = 0; i < idx.length; i += batchSize) out.push(subset(ds, idx.slice(i, i + batchSize)));
  return out;
}

/** Fraction of rows whose highest score is the label: `(1/n) Σᵢ [argmax zᵢ = yᵢ]`. */
export function accuracy(scores: Tensor, labels: ArrayLike<number>): number {
  const n = labels.length;
  const k = scores.size / n;
  let hit = 0;
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let j = 1; j < k; j++) if (at(scores.data, i * k + j) > at(scores.data, i * k + best)) best = j;
    if (best === labels[i]) hit++;
  }
  return hit / n;
}
