import { Tensor, linear, param, rng, softmax, softmaxCrossEntropy } from '@beyond-linear/tensor';
import { M, V, type Answers, type Example } from './model';

/**
 * The exercise's examples and their answers from the tensor package. Example 0 is the chapter's
 * (`z = (2, 1, 0.1)`, `y = 1`); the others are seeded. Loaded lazily, when the widget starts.
 */

/** The example numbered `n`: logits in steps of 0.1 between −2 and 2, a true class, and a small `h ≥ 0`. */
export function example(n: number): Example {
  if (n === 0) return { z: [2, 1, 0.1], y: 0, h: [1, 2] };
  const r = rng(1000 + n);
  const z = Array.from({ length: M }, () => (r.int(41) - 20) / 10);
  const y = r.int(M);
  const h = Array.from({ length: V }, () => r.int(5) / 2);
  if (Math.max(...h) === 0) h[0] = 1;
  return { z, y, h };
}

/**
 * The answers by autograd on `z = hU + b_U`, `ℓ = −log softmax(z)_y` for one item (t = 1), with `U` seeded and
 * `b_U = z − hU` so the logits are the example's: `∂ℓ/∂z = o − T` and `∂ℓ/∂U = hᵀ(o − T)`.
 */
export function answers(ex: Example): Answers & { o: number[] } {
  const r = rng(7);
  const h = new Tensor(Float64Array.from(ex.h), [1, V]);
  const U = param(
    Float64Array.from({ length: V * M }, () => r.normal()),
    [V, M],
  );
  const bU = param(
    Float64Array.from(ex.z, (zj, j) => zj - ex.h.reduce((s, hi, i) => s + hi * (U.data[i * M + j] ?? 0), 0)),
    [M],
  );
  const z = linear(h, U, bU);
  const loss = softmaxCrossEntropy(z, [ex.y]);
  loss.backward();
  return { dz: Array.from(z.grad ?? []), dU: Array.from(U.grad ?? []), o: Array.from(softmax(z).data) };
}
