import { gradOf } from './autograd.ts';
import { Tensor, fmt, result, tensor } from './tensor.ts';

/** Mean squared error: `(1/n) Σᵢ (pᵢ − tᵢ)²`, `∂/∂p = 2(p − t)/n` (`[n]` and `[n,1]` are interchangeable). */
export function mse(pred: Tensor, target: Tensor | readonly number[]): Tensor {
  const t = target instanceof Tensor ? target : tensor(target);
  const same = pred.shape.join() === t.shape.join();
  const squeeze = (s: number[]): string => s.filter((d, i) => d !== 1 || i === 0).join();
  if (!same && (pred.size !== t.size || squeeze(pred.shape) !== squeeze(t.shape))) {
    throw new Error(`mse: ${fmt(pred.shape)} vs ${fmt(t.shape)} — shapes differ`);
  }
  const n = pred.size;
  const diff = new Float64Array(n);
  let s = 0;
  for (let i = 0; i < n; i++) {
    diff[i] = pred.data[i]! - t.data[i]!;
    s += diff[i]! * diff[i]!;
  }
  return result('mse', Float64Array.of(s / n), [], [pred, t], (g) => {
    const c = (2 * g[0]!) / n;
    if (pred.requiresGrad) {
      const gp = gradOf(pred);
      for (let i = 0; i < n; i++) gp[i]! += c * diff[i]!;
    }
    if (t.requiresGrad) {
      const gt = gradOf(t);
      for (let i = 0; i < n; i++) gt[i]! -= c * diff[i]!;
    }
  });
}

/** Stable log-softmax of each length-`k` row: `zⱼ − m − log Σ e^(z − m)` with `m = max z`. */
export function logSoftmaxRows(z: Float64Array, rows: number, k: number): Float64Array {
  const out = new Float64Array(rows * k);
  for (let r = 0; r < rows * k; r += k) {
    let m = -Infinity;
    for (let j = 0; j < k; j++) m = Math.max(m, z[r + j]!);
    let s = 0;
    for (let j = 0; j < k; j++) s += Math.exp(z[r + j]! - m);
    const ls = Math.log(s);
    for (let j = 0; j < k; j++) out[r + j] = z[r + j]! - m - ls;
  }
  return out;
}

/** Log-softmax over the last axis: `zᵢ − log Σⱼ e^(zⱼ)`, `∂ℓ/∂z = g − softmax(z)·Σ g`. */
export function logSoftmax(a: Tensor): Tensor {
  const k = a.shape.at(-1) ?? 1;
  const out = logSoftmaxRows(a.data, a.size / k, k);
  const p = out.map(Math.exp);
  return result('logSoftmax', out, a.shape.slice(), [a], (g) => {
    if (!a.requiresGrad) return;
    const ga = gradOf(a);
    for (let r = 0; r < out.length; r += k) {
      let s = 0;
      for (let j = 0; j < k; j++) s += g[r + j]!;
      for (let j = 0; j < k; j++) ga[r + j]! += g[r + j]! - p[r + j]! * s;
    }
  });
}

/** Class targets: indices (array, Int32Array or a `[n]` tensor) or a `[n,k]` one-hot / probability tensor. */
export type Targets = Tensor | Int32Array | readonly number[];

/** Converts targets to a dense `[n,k]` distribution `T`, validating shapes and labels. */
export function targetMatrix(op: string, targets: Targets, n: number, k: number): Float64Array {
  if (targets instanceof Tensor && targets.shape.length === 2) {
    if (targets.shape[0] !== n || targets.shape[1] !== k) {
      throw new Error(`${op}: logits [${n},${k}] vs targets ${fmt(targets.shape)} — shapes differ`);
    }
    return targets.data;
  }
  const labels = targets instanceof Tensor ? targets.data : targets;
  if (labels.length !== n) throw new Error(`${op}: ${n} rows vs ${labels.length} labels`);
  const T = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    const y = labels[i]!;
    if (!Number.isInteger(y) || y < 0 || y >= k) throw new Error(`${op}: label ${y} out of range for ${k} classes`);
    T[i * k + y] = 1;
  }
  return T;
}

/**
 * Fused softmax + cross-entropy averaged over the batch: `ℓ = −(1/n) Σᵢ Σⱼ Tᵢⱼ log softmax(zᵢ)ⱼ`,
 * `∂ℓ/∂z = (softmax(z) − T)/n` (the lecture notes' `o − T`).
 */
export function softmaxCrossEntropy(logits: Tensor, targets: Targets): Tensor {
  const op = 'softmaxCrossEntropy';
  if (logits.shape.length !== 2) throw new Error(`${op}: expected [n,k] logits, got ${fmt(logits.shape)}`);
  const [n, k] = logits.shape as [number, number];
  const T = targetMatrix(op, targets, n, k);
  const lp = logSoftmaxRows(logits.data, n, k);
  const p = new Float64Array(lp.length);
  let loss = 0;
  for (let i = 0; i < p.length; i++) {
    p[i] = Math.exp(lp[i]!);
    if (T[i] !== 0) loss -= T[i]! * lp[i]!;
  }
  return result(op, Float64Array.of(loss / n), [], [logits], (g) => {
    if (!logits.requiresGrad) return;
    const gl = gradOf(logits);
    const c = g[0]! / n;
    for (let i = 0; i < p.length; i++) gl[i]! += c * (p[i]! - T[i]!);
  });
}
