import { gradOf } from './autograd.ts';
import { addScaled, addScaledDifference, crossEntropySum, logSoftmaxRows, map, rowDots } from './kernels.ts';
import { Tensor, fmt, recordOp } from './tensor.ts';

/** Mean squared error: `(1/n) Σᵢ (pᵢ − tᵢ)²`, `∂/∂p = 2(p − t)/n`, `∂/∂t = −2(p − t)/n` (`[n]` and `[n,1]` are interchangeable). */
export function mse(pred: Tensor, target: Tensor): Tensor {
  const squeeze = (s: number[]): string => s.filter((d, i) => d !== 1 || i === 0).join();
  if (pred.size !== target.size || squeeze(pred.shape) !== squeeze(target.shape)) {
    throw new Error(`mse: ${fmt(pred.shape)} vs ${fmt(target.shape)} — shapes differ`);
  }
  const n = pred.size;
  const diff = pred.data.map((p, i) => p - target.data[i]!);
  const loss = rowDots(diff, diff, n)[0]! / n;
  return recordOp('mse', Float64Array.of(loss), [], [pred, target], (g) => {
    const c = (2 * g[0]!) / n;
    if (pred.requiresGrad) addScaled(gradOf(pred), diff, c);
    if (target.requiresGrad) addScaled(gradOf(target), diff, -c);
  });
}

export { logSoftmaxRows } from './kernels.ts';

/** Log-softmax over the last axis: `zᵢ − log Σⱼ e^(zⱼ)`, `∂ℓ/∂zᵢ = gᵢ − softmax(z)ᵢ·Σⱼ gⱼ`. */
export function logSoftmax(a: Tensor): Tensor {
  const k = a.shape.at(-1) ?? 1;
  const out = logSoftmaxRows(a.data, a.size / k, k);
  const p = map(out, Math.exp);
  return recordOp('logSoftmax', out, a.shape.slice(), [a], (g) => {
    if (!a.requiresGrad) return;
    const sums = rowDots(g, new Float64Array(g.length).fill(1), k); // Σⱼ gⱼ, one per row
    const ga = gradOf(a);
    ga.forEach((_, i) => (ga[i]! += g[i]! - p[i]! * sums[Math.floor(i / k)]!));
  });
}

/** Integer indices: class labels, word ids. Values (features, targets) come in as tensors, built with `tensor()`. */
export type Indices = Int32Array | readonly number[];

/** Class targets: labels, or a `[n,k]` one-hot / probability tensor. */
export type Targets = Tensor | Indices;

/** Converts targets to a dense `[n,k]` distribution `T`, validating shapes and labels. */
export function targetMatrix(op: string, targets: Targets, n: number, k: number): Float64Array {
  if (targets instanceof Tensor) {
    if (targets.shape.length !== 2 || targets.shape[0] !== n || targets.shape[1] !== k) {
      throw new Error(`${op}: logits [${n},${k}] vs targets ${fmt(targets.shape)} — shapes differ (labels go in as an array)`);
    }
    return targets.data;
  }
  if (targets.length !== n) throw new Error(`${op}: ${n} rows vs ${targets.length} labels`);
  const T = new Float64Array(n * k);
  targets.forEach((y, i) => {
    if (!Number.isInteger(y) || y < 0 || y >= k) throw new Error(`${op}: label ${y} out of range for ${k} classes`);
    T[i * k + y] = 1;
  });
  return T;
}

/**
 * Softmax and cross-entropy in one op, averaged over the batch. With `P = softmax(z)` row by row,
 * `ℓ = −(1/n) Σᵢ Σⱼ Tᵢⱼ log Pᵢⱼ` and `∂ℓ/∂z = (P − T)/n`: the lecture notes' `o − T`, divided by the batch size.
 */
export function softmaxCrossEntropy(logits: Tensor, targets: Targets): Tensor {
  const op = 'softmaxCrossEntropy';
  if (logits.shape.length !== 2) throw new Error(`${op}: expected [n,k] logits, got ${fmt(logits.shape)}`);
  const [n, k] = logits.shape as [number, number];
  const T = targetMatrix(op, targets, n, k);
  const logP = logSoftmaxRows(logits.data, n, k);
  const loss = crossEntropySum(T, logP) / n;
  const P = map(logP, Math.exp);
  return recordOp(op, Float64Array.of(loss), [], [logits], (g) => {
    if (logits.requiresGrad) addScaledDifference(gradOf(logits), P, T, g[0]! / n); // ∂ℓ/∂z += g·(P − T)/n
  });
}
