import { div, param, softmax, softmaxCrossEntropy, tensor } from '@beyond-linear/tensor';
import { logits, trueClass, type SoftmaxReading, type SoftmaxValues } from './model';

/**
 * Probabilities, loss and gradients of a tempered softmax by the tensor package's autograd: `o = softmax(z/τ)`,
 * `ℓ = −log o_y`, `∂ℓ/∂(z/τ) = o − T` and `∂ℓ/∂z = (o − T)/τ`, with `T` the one-hot target. Stable at any finite `z`.
 */
export function softmaxReading(z: readonly number[], y: number, temp = 1): SoftmaxReading {
  const k = z.length;
  const zt = param(Float64Array.from(z), [1, k]);
  const scaled = div(zt, temp);
  const loss = softmaxCrossEntropy(scaled, [y]);
  loss.backward();
  const probs = Array.from(softmax(tensor(Float64Array.from(scaled.data), [1, k])).data);
  const diff = Array.from(scaled.grad ?? new Float64Array(k));
  return {
    probs,
    loss: loss.item(),
    diff,
    grad: Array.from(zt.grad ?? new Float64Array(k)),
    gradSum: diff.reduce((s, g) => s + g, 0),
    maxScaled: Math.max(...scaled.data),
    y,
  };
}

/** The reading for the widget's settings: `softmaxReading(z₁ + c … z_m + c, y, τ)`. */
export function explore(v: SoftmaxValues): SoftmaxReading {
  return softmaxReading(logits(v), trueClass(v), v.temp);
}
