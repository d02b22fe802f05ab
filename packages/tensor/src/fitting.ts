import { noGrad } from './autograd.ts';
import { accuracy } from './data.ts';
import { add, mul } from './ops-elementwise.ts';
import { softmaxCrossEntropy } from './ops-loss.ts';
import { linear } from './ops-matrix.ts';
import { sum } from './ops-reduce.ts';
import { adam } from './optim.ts';
import { Tensor, fmt, tensor, zeros } from './tensor.ts';
import { checkRange, positiveInt } from './validate.ts';

/** Result of a closed-form least-squares fit. */
export interface LeastSquaresFit {
  /** Coefficients `w`, one per input column. */
  weights: Float64Array;
  /** Intercept `b` (0 when fitted without bias). */
  bias: number;
  /** Prediction for one input row: `x·w + b`. */
  predict(x: readonly number[]): number;
  /** Training mean squared error: `(1/n) Σ (x·w + b − y)²`. */
  mse: number;
}

/**
 * Solves `G·W = R` in place by Gauss–Jordan elimination for a symmetric positive semi-definite `[p,p]` matrix `G`
 * (no pivoting is needed) and a `[p,c]` right-hand side; returns false when a pivot vanishes, i.e. `G` is singular.
 */
function solve(G: Float64Array, R: Float64Array, p: number, c: number): boolean {
  let scale = 1e-300;
  for (let i = 0; i < p; i++) scale = Math.max(scale, G[i * p + i]!);
  for (let col = 0; col < p; col++) {
    const pv = G[col * p + col]!;
    if (!(pv > 1e-12 * scale)) return false;
    for (let r = 0; r < p; r++) {
      const f = G[r * p + col]! / pv;
      if (r === col || f === 0) continue;
      for (let j = col; j < p; j++) G[r * p + j]! -= f * G[col * p + j]!;
      for (let j = 0; j < c; j++) R[r * c + j]! -= f * R[col * c + j]!;
    }
  }
  for (let r = 0; r < p; r++) for (let j = 0; j < c; j++) R[r * c + j]! /= G[r * p + r]!;
  return true;
}

/**
 * Multi-output least squares by the normal equations `(AᵀA + λI)·W = AᵀY` with `A = [X, 1]`; the bias is not penalised
 * and a tiny ridge is added when `AᵀA` is singular. Returns `W` as `[d (+1), c]`, the bias row last.
 */
export function normalEquations(x: Float64Array, n: number, d: number, y: Float64Array, c: number, bias: boolean, ridge: number): Float64Array {
  const p = d + (bias ? 1 : 0);
  const at = (i: number, j: number): number => (j < d ? x[i * d + j]! : 1);
  const G0 = new Float64Array(p * p);
  const R0 = new Float64Array(p * c);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < p; a++) {
      const v = at(i, a);
      for (let b = 0; b < p; b++) G0[a * p + b]! += v * at(i, b);
      for (let j = 0; j < c; j++) R0[a * c + j]! += v * y[i * c + j]!;
    }
  }
  let trace = 0;
  for (let a = 0; a < p; a++) trace += G0[a * p + a]!;
  for (let lam = ridge, tries = 0; ; tries++) {
    const G = G0.slice();
    const R = R0.slice();
    for (let a = 0; a < d; a++) G[a * p + a]! += lam;
    if (solve(G, R, p, c)) return R;
    if (tries > 8) throw new Error('leastSquares: singular normal equations');
    lam = Math.max(lam * 10, 1e-10 * (trace / p || 1));
  }
}

/** Closed-form least squares `min_w,b Σᵢ (xᵢ·w + b − yᵢ)² + λ‖w‖²` via the normal equations; on the XOR corners it gives `w = 0`, `b = ½`. */
export function leastSquares(X: Tensor, y: Tensor | readonly number[], { bias = true, ridge = 0 }: { bias?: boolean; ridge?: number } = {}): LeastSquaresFit {
  const yt = y instanceof Tensor ? y : tensor(y);
  if (X.shape.length !== 2) throw new Error(`leastSquares: expected X [n,d], got ${fmt(X.shape)}`);
  const [n, d] = X.shape as [number, number];
  if (yt.size !== n) throw new Error(`leastSquares: X ${fmt(X.shape)} vs y ${fmt(yt.shape)} — rows differ`);
  checkRange('leastSquares', 'ridge', ridge, 0);
  const W = normalEquations(X.data, n, d, yt.data, 1, bias, ridge);
  const weights = W.slice(0, d);
  const b = bias ? W[d]! : 0;
  const predict = (x: readonly number[]): number => {
    let s = b;
    for (let j = 0; j < d; j++) s += (x[j] ?? 0) * weights[j]!;
    return s;
  };
  let err = 0;
  for (let i = 0; i < n; i++) err += (predict(Array.from(X.data.subarray(i * d, i * d + d))) - yt.data[i]!) ** 2;
  return { weights, bias: b, predict, mse: err / n };
}

/** Options of `probe`. */
export interface ProbeOptions {
  /** `softmax`: multinomial logistic regression by Adam; `linear`: least squares onto one-hot targets. */
  kind?: 'softmax' | 'linear';
  /** L2 penalty `λ‖W‖²` (ridge for the linear kind). */
  l2?: number;
  /** Full-batch Adam steps for the softmax kind. */
  steps?: number;
  /** Adam learning rate for the softmax kind. */
  lr?: number;
  /** Number of classes (defaults to `max label + 1`). */
  classes?: number;
  /** Held-out features and labels to report test accuracy and error on. */
  test?: { x: Tensor; labels: ArrayLike<number> };
}

/** A fitted probe: training (and optional test) accuracy and error `1 − accuracy`, and its scoring function. */
export interface ProbeResult {
  accuracy: number;
  error: number;
  /** Final training loss (cross-entropy or squared error). */
  loss: number;
  /** Class scores `x·W + b` for a batch of features. */
  scores(x: Tensor): Tensor;
  test?: { accuracy: number; error: number };
}

/**
 * Fits a linear classifier on fixed features (Alain & Bengio's linear probe): `ŷ = argmax(x·W + b)`,
 * reporting accuracy `(1/n) Σ [ŷᵢ = yᵢ]` and error `1 − accuracy`.
 */
export function probe(x: Tensor, labels: ArrayLike<number>, o: ProbeOptions = {}): ProbeResult {
  if (x.shape.length !== 2) throw new Error(`probe: expected features [n,d], got ${fmt(x.shape)}`);
  const [n, d] = x.shape as [number, number];
  if (labels.length !== n) throw new Error(`probe: ${n} feature rows but ${labels.length} labels`);
  const c = positiveInt('probe', 'classes', o.classes ?? Array.from(labels).reduce((m, v) => Math.max(m, v + 1), 0));
  const l2 = checkRange('probe', 'l2', o.l2 ?? 1e-4, 0);
  const W = zeros([d, c]).requireGrad();
  const b = zeros([c]).requireGrad();
  let loss: number;
  if (o.kind === 'linear') {
    const Y = new Float64Array(n * c);
    for (let i = 0; i < n; i++) Y[i * c + labels[i]!] = 1;
    const sol = normalEquations(x.data, n, d, Y, c, true, l2);
    W.data.set(sol.subarray(0, d * c));
    b.data.set(sol.subarray(d * c));
    const z = linear(x, W, b).data;
    loss = z.reduce((s, v, i) => s + (v - Y[i]!) ** 2, 0) / (n * c);
  } else {
    const opt = adam([W, b], { lr: checkRange('probe', 'lr', o.lr ?? 0.05, 0) });
    const steps = positiveInt('probe', 'steps', o.steps ?? 300);
    const ys = Array.from(labels);
    loss = NaN;
    for (let s = 0; s < steps; s++) {
      opt.zeroGrad();
      const ce = softmaxCrossEntropy(linear(x, W, b), ys);
      loss = ce.item();
      (l2 > 0 ? add(ce, mul(sum(mul(W, W)), l2)) : ce).backward();
      opt.step();
    }
  }
  const scores = (f: Tensor): Tensor => noGrad(() => linear(f, W, b));
  const acc = accuracy(scores(x), labels);
  const out: ProbeResult = { accuracy: acc, error: 1 - acc, loss, scores };
  if (o.test) {
    const ta = accuracy(scores(o.test.x), o.test.labels);
    out.test = { accuracy: ta, error: 1 - ta };
  }
  return out;
}
