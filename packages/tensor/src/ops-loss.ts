import { gradOf } from './autograd.ts';
import {
  addScaled,
  addScaledDifference,
  addScaledMinusOneHot,
  applyInPlace,
  at,
  crossEntropySum,
  labelCrossEntropySum,
  logSoftmaxRows,
  map,
  rowDots,
  zip,
} from './kernels.ts';
import { Tensor, fmt, recordOp } from './tensor.ts';

/** Mean squared error: `(1/n) Σᵢ (pᵢ − tᵢ)²`, `∂/∂p = 2(p − t)/n`, `∂/∂t = −2(p − t)/n` (`[n]` and `[n,1]` are interchangeable). */
export function mse(pred: Tensor, target: Tensor): Tensor {
  const squeeze = (s: number[]): string => s.filter((d, i) => d !== 1 || i === 0).join();
  if (pred.size !== target.size || squeeze(pred.shape) !== squeeze(target.shape)) {
    throw new Error(`mse: ${fmt(pred.shape)} vs ${fmt(target.shape)} — shapes differ`);
  }
  const n = pred.size;
  const diff = zip(pred.data, target.data, (p, t) => p - t);
  const loss = at(rowDots(diff, diff, n), 0) / n;
  return recordOp('mse', Float64Array.of(loss), [], [pred, target], (g) => {
    const c = (2 * at(g, 0)) / n;
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
    ga.forEach((gi, i) => (ga[i] = gi + (at(g, i) - at(p, i) * at(sums, Math.floor(i / k)))));
  });
}

/** Integer indices: class labels, word ids. Values (features, targets) come in as tensors, built with `tensor()`. */
export type Indices = Int32Array | readonly number[];

/** Class targets: labels, or a `[n,k]` one-hot / probability tensor. */
export type Targets = Tensor | Indices;

/** Converts targets to a dense `[n,k]` distribution `T`, validating shapes and labels. */
export function targetMatrix(op: string, targets: Targets, n: number, k: number): Float64Array {
  if (targets instanceof Tensor) return checkedDistribution(op, targets, n, k).data;
  const T = new Float64Array(n * k);
  checkedLabels(op, targets, n, k).forEach((y, i) => (T[i * k + y] = 1));
  return T;
}

/** `[n,k]` target distributions, checked against the logits' shape. */
function checkedDistribution(op: string, targets: Tensor, n: number, k: number): Tensor {
  if (targets.shape.length !== 2 || targets.shape[0] !== n || targets.shape[1] !== k) {
    throw new Error(`${op}: logits [${n},${k}] vs targets ${fmt(targets.shape)} — shapes differ (labels go in as an array)`);
  }
  return targets;
}

/** Class labels, checked: one per row, each a whole number in `[0, k)`. */
function checkedLabels(op: string, labels: Indices, n: number, k: number): Indices {
  if (labels.length !== n) throw new Error(`${op}: ${n} rows vs ${labels.length} labels`);
  for (const y of labels) if (!Number.isInteger(y) || y < 0 || y >= k) throw new Error(`${op}: label ${y} out of range for ${k} classes`);
  return labels;
}

/**
 * Softmax and cross-entropy in one op, averaged over the batch. With `P = softmax(z)` row by row,
 * `ℓ = −(1/n) Σᵢ Σⱼ Tᵢⱼ log Pᵢⱼ` and `∂ℓ/∂z = (P − T)/n`: the lecture notes' `o − T`, divided by the batch size.
 * Labels `y` stand for one-hot rows `Tᵢⱼ = [j = yᵢ]`, so `ℓ = −(1/n) Σᵢ log P_{i,yᵢ}` and no `T` is built.
 */
export function softmaxCrossEntropy(logits: Tensor, targets: Targets): Tensor {
  const op = 'softmaxCrossEntropy';
  if (logits.shape.length !== 2) throw new Error(`${op}: expected [n,k] logits, got ${fmt(logits.shape)}`);
  const [n, k] = logits.shape as [number, number];
  const T = targets instanceof Tensor ? checkedDistribution(op, targets, n, k).data : checkedLabels(op, targets, n, k);
  const logP = logSoftmaxRows(logits.data, n, k);
  const loss = (T instanceof Float64Array ? crossEntropySum(T, logP) : labelCrossEntropySum(T, logP, k)) / n;
  const P = applyInPlace(logP, Math.exp); // logP is not needed any more
  return recordOp(op, Float64Array.of(loss), [], [logits], (g) => {
    if (!logits.requiresGrad) return;
    const c = at(g, 0) / n; // ∂ℓ/∂z += g·(P − T)/n
    if (T instanceof Float64Array) addScaledDifference(gradOf(logits), P, T, c);
    else addScaledMinusOneHot(gradOf(logits), P, T, k, c);
  });
}
