import { add, blobs, matmul, param, rng, softmaxCrossEntropy, tensor, type Rng } from '@beyond-linear/tensor';
import { clockOf, type Budget, type Progress, type Run } from '../_shared/run/contract';
import { N, batchSizes, type Measurement, type NoiseValues, type Sampling } from './model';

/** The fixed problem: 3 seeded 2-D blobs, softmax regression `z = xW + b` at a seeded random point. */
export const PROBLEM_SEED = 3;
const CLASSES = 3;
const DIM = 2;

/** The fixed problem's gradients: one row of `P = DIM·CLASSES + CLASSES` entries per item, and their mean `g`. */
export interface Problem {
  /** Per-item gradients `∂ℓᵢ/∂(W, b)`, flat `N × P`. */
  perItem: Float64Array;
  /** The full-batch gradient `g = (1/N) Σᵢ gᵢ`. */
  full: Float64Array;
  /** Entries per gradient, `P`. */
  size: number;
  /** The exact spread at `t = 1`: `σ = √((1/N) Σᵢ ‖gᵢ − g‖²)`. */
  sigma: number;
}

type Setup = { x: Float64Array; labels: Int32Array; W: Float64Array; b: Float64Array };
let fixed: Setup | undefined;

/** The dataset and the parameters `(W, b)` the gradients are taken at, both seeded (built once). */
export function setup(): Setup {
  if (fixed) return fixed;
  const data = blobs({ n: N, k: CLASSES, std: 1, spread: 1.5, rng: rng(PROBLEM_SEED) });
  const r = rng(PROBLEM_SEED + 1);
  const W = Float64Array.from({ length: DIM * CLASSES }, () => r.normal(0, 0.8));
  const b = Float64Array.from({ length: CLASSES }, () => r.normal(0, 0.5));
  fixed = { x: data.x.data, labels: data.labels, W, b };
  return fixed;
}

/** Autograd gradient of the mean cross-entropy over `rows`: `∂/∂(W, b) of −(1/|rows|) Σ log softmax(xᵢW + b)_{yᵢ}`. */
export function batchGradient(rows: readonly number[]): Float64Array {
  const { x, labels, W, b } = setup();
  const xs = tensor(Float64Array.from(rows.flatMap((i) => [x[i * DIM] ?? 0, x[i * DIM + 1] ?? 0])), [rows.length, DIM]);
  const Wt = param(W.slice(), [DIM, CLASSES]);
  const bt = param(b.slice(), [CLASSES]);
  softmaxCrossEntropy(
    add(matmul(xs, Wt), bt),
    Array.from(rows, (i) => labels[i] ?? 0),
  ).backward();
  const out = new Float64Array(DIM * CLASSES + CLASSES);
  out.set(Wt.grad ?? []);
  out.set(bt.grad ?? [], DIM * CLASSES);
  return out;
}

let cached: Problem | undefined;

/** Every item's gradient by autograd (one backward pass each), their mean and `σ`; computed once and cached. */
export function problem(): Problem {
  if (cached) return cached;
  const size = DIM * CLASSES + CLASSES;
  const perItem = new Float64Array(N * size);
  const full = new Float64Array(size);
  for (let i = 0; i < N; i++) {
    const g = batchGradient([i]);
    perItem.set(g, i * size);
    for (let p = 0; p < size; p++) full[p] = (full[p] ?? 0) + (g[p] ?? 0) / N;
  }
  let ss = 0;
  for (let i = 0; i < N * size; i++) ss += ((perItem[i] ?? 0) - (full[i % size] ?? 0)) ** 2;
  cached = { perItem, full, size, sigma: Math.sqrt(ss / N) };
  return cached;
}

/** Hash `(seed, t, sampling)` into the seed of one size's stream, so each `t` draws the same whatever else is measured. */
export function streamSeed(seed: number, t: number, sampling: Sampling): number {
  let h = Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(t, 0x85ebca6b) ^ (sampling === 'with' ? 0x27d4eb2f : 0);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0 || 1;
}

/** Draw `t` item indices into `perm[0 … t)`: a partial Fisher–Yates shuffle (without replacement) or `t` uniform picks. */
export function drawRows(perm: Int32Array, t: number, r: Rng, sampling: Sampling): void {
  for (let j = 0; j < t; j++) {
    if (sampling === 'with') {
      perm[j] = r.int(N);
      continue;
    }
    const k = j + r.int(N - j);
    const tmp = perm[j] ?? 0;
    perm[j] = perm[k] ?? 0;
    perm[k] = tmp;
  }
}

/** One minibatch's squared error `‖g_t − g‖²`, with `g_t = (1/t) Σ_{i ∈ batch} gᵢ` (the mean of per-item gradients). */
export function squaredError(pb: Problem, perm: Int32Array, t: number, acc: Float64Array): number {
  acc.fill(0);
  const P = pb.size;
  for (let j = 0; j < t; j++) {
    const off = (perm[j] ?? 0) * P;
    for (let p = 0; p < P; p++) acc[p] = (acc[p] ?? 0) + (pb.perItem[off + p] ?? 0);
  }
  let s = 0;
  for (let p = 0; p < P; p++) s += ((acc[p] ?? 0) / t - (pb.full[p] ?? 0)) ** 2;
  return s;
}

/** One size's stream: its generator, its index permutation and its tally. */
interface Stream {
  rng: Rng;
  perm: Int32Array;
  m: Measurement;
}

/** What the widget draws: the tallies so far, the exact spread σ, the full-batch gradient's size, and progress. */
export interface NoiseSnapshot {
  measurements: Measurement[];
  sigma: number;
  gnorm: number;
  completed: number;
  total: number;
}

/**
 * A resumable measurement over the charted sizes plus the chosen `t`, each size from its own
 * seeded stream, so the result is bit-identical however the work is chunked.
 */
export class NoiseRun implements Run<NoiseSnapshot> {
  readonly draws: number;
  readonly sampling: Sampling;
  readonly problem = problem();
  /** Minibatches drawn so far, over all sizes. */
  completed = 0;
  /** Never set: every draw gives a finite number. */
  readonly error = null;
  readonly total: number;
  private readonly streams: Stream[];
  private readonly acc: Float64Array;

  constructor(v: NoiseValues) {
    this.draws = v.draws;
    this.sampling = v.sampling;
    const sizes = [...new Set([...batchSizes(), v.t])].sort((a, b) => a - b);
    this.streams = sizes.map((t) => ({
      rng: rng(streamSeed(v.seed, t, v.sampling)),
      perm: Int32Array.from({ length: N }, (_, i) => i),
      m: { t, done: 0, sumSq: 0 },
    }));
    this.total = this.draws * sizes.length;
    this.acc = new Float64Array(this.problem.size);
  }

  /** True once every size has all its draws. */
  get done(): boolean {
    return this.completed >= this.total;
  }

  /** The tallies so far, one per size (copies). */
  measurements(): Measurement[] {
    return this.streams.map((s) => ({ ...s.m }));
  }

  /** Draw until the budget's deadline or finished, one size at a time in blocks of (at most) 20 draws. */
  advance(budget: Budget): void {
    const now = clockOf(budget);
    let left = budget.maxSteps ?? Infinity;
    for (const s of this.streams) {
      while (s.m.done < this.draws && left > 0) {
        const block = Math.min(20, this.draws - s.m.done, left);
        for (let k = 0; k < block; k++) {
          drawRows(s.perm, s.m.t, s.rng, this.sampling);
          s.m.sumSq += squaredError(this.problem, s.perm, s.m.t, this.acc);
        }
        s.m.done += block;
        this.completed += block;
        left -= block;
        if (now() >= budget.deadline) return;
      }
    }
  }

  progress(): Progress {
    return { steps: this.completed, fraction: this.completed / this.total, phase: this.done ? 'finished' : 'measuring' };
  }

  snapshot(): NoiseSnapshot {
    const { sigma, full } = this.problem;
    return { measurements: this.measurements(), sigma, gnorm: Math.hypot(...full), completed: this.completed, total: this.total };
  }

  /** Finish the whole run at once (build time and tests). */
  runToEnd(): Measurement[] {
    this.advance({ deadline: Infinity });
    return this.measurements();
  }
}
