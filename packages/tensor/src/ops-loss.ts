import { gradOf } from './autograd.ts';
import { addScaled, addScaledMinusOneHot, applyInPlace, at, labelCrossEntropySum, logSoftmaxRows, map, rowDots, zip } from './kernels.ts';
import { type Tensor, fmt, recordOp } from './tensor.ts';
import { matrixShape } from './validate.ts';

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

/** Class labels, checked: one per row, each a whole number in `[0, k)`. */
export function checkedLabels(op: string, labels: Indices, n: number, k: number): Indices {
  if (labels.length !== n) throw new Error(`${op}: ${n} rows vs ${labels.length} labels`);
  for (const y of labels) if (!Number.isInteger(y) || y < 0 || y >= k) throw new Error(`${op}: label ${y} out of range for ${k} classes`);
  return labels;
}

/**
 * Softmax and cross-entropy in one op, averaged over the batch. With `P = softmax(z)` row by row and one-hot targets
 * `Tᵢⱼ = [j = yᵢ]`, `ℓ = −(1/n) Σᵢ Σⱼ Tᵢⱼ log Pᵢⱼ = −(1/n) Σᵢ log P_{i,yᵢ}` and `∂ℓ/∂z = (P − T)/n`: the lecture notes'
 * `o − T`, divided by the batch size. The labels stand for `T`, which is never built.
 */
export function softmaxCrossEntropy(logits: Tensor, labels: Indices): Tensor {
  const op = 'softmaxCrossEntropy';
  const [n, k] = matrixShape(op, 'logits', logits);
  const y = checkedLabels(op, labels, n, k);
  const logP = logSoftmaxRows(logits.data, n, k);
  const loss = labelCrossEntropySum(y, logP, k) / n;
  const P = applyInPlace(logP, Math.exp); // logP is not needed any more
  return recordOp(op, Float64Array.of(loss), [], [logits], (g) => {
    // ∂ℓ/∂z += g·(P − T)/n
    if (logits.requiresGrad) addScaledMinusOneHot(gradOf(logits), P, y, k, at(g, 0) / n);
  });
}
