import { add, div, matmul, mul, relu, softmax, step, sub, sum, transpose, type Tensor } from '@beyond-linear/tensor';
import type { Grads, Params } from '../../listings/backprop';

/**
 * Three prewritten buggy versions of chapter 3's listing (`src/listings/backprop.ts`), each one line
 * away from it. The widget shows the source between a variant's markers, imported as text from this
 * file, and runs the function itself: nothing typed by the reader is ever evaluated. `model.test.ts`
 * checks that each differs from the listing in exactly the line the widget names.
 */

// variant:transpose:start
/** Gradients of 𝓛 for a minibatch X (t × d) with one-hot targets T (t × m). */
export function backpropA(X: Tensor, T: Tensor, { H, bH, U, bU }: Params): Grads {
  const t = X.shape[0] ?? 1;
  // forward pass
  const k = add(matmul(X, H), bH); // t × v
  const h = relu(k); // t × v
  const z = add(matmul(h, U), bU); // t × m
  const o = softmax(z); // t × m
  // backward pass: one row of ∂ℓ/∂· per item, weight gradients averaged over t
  const dz = sub(o, T); // t × m
  const dU = div(matmul(transpose(h), dz), t); // v × m
  const dbU = div(sum(dz, 0), t); // m
  const dh = matmul(dz, U); // t × v
  const dk = mul(dh, step(k)); // t × v, ReLU′(k) = [k ≥ 0]
  const dH = div(matmul(transpose(X), dk), t); // d × v
  const dbH = div(sum(dk, 0), t); // v
  return { dH, dbH, dU, dbU };
}
// variant:transpose:end

// variant:average:start
/** Gradients of 𝓛 for a minibatch X (t × d) with one-hot targets T (t × m). */
export function backpropB(X: Tensor, T: Tensor, { H, bH, U, bU }: Params): Grads {
  const t = X.shape[0] ?? 1;
  // forward pass
  const k = add(matmul(X, H), bH); // t × v
  const h = relu(k); // t × v
  const z = add(matmul(h, U), bU); // t × m
  const o = softmax(z); // t × m
  // backward pass: one row of ∂ℓ/∂· per item, weight gradients averaged over t
  const dz = sub(o, T); // t × m
  const dU = div(matmul(transpose(h), dz), t); // v × m
  const dbU = div(sum(dz, 0), t); // m
  const dh = matmul(dz, transpose(U)); // t × v
  const dk = mul(dh, step(k)); // t × v, ReLU′(k) = [k ≥ 0]
  const dH = matmul(transpose(X), dk); // d × v
  const dbH = div(sum(dk, 0), t); // v
  return { dH, dbH, dU, dbU };
}
// variant:average:end

// variant:mask:start
/** Gradients of 𝓛 for a minibatch X (t × d) with one-hot targets T (t × m). */
export function backpropC(X: Tensor, T: Tensor, { H, bH, U, bU }: Params): Grads {
  const t = X.shape[0] ?? 1;
  // forward pass
  const k = add(matmul(X, H), bH); // t × v
  const h = relu(k); // t × v
  const z = add(matmul(h, U), bU); // t × m
  const o = softmax(z); // t × m
  // backward pass: one row of ∂ℓ/∂· per item, weight gradients averaged over t
  const dz = sub(o, T); // t × m
  const dU = div(matmul(transpose(h), dz), t); // v × m
  const dbU = div(sum(dz, 0), t); // m
  const dh = matmul(dz, transpose(U)); // t × v
  const dk = mul(dh, step(h)); // t × v, ReLU′(k) = [k ≥ 0]
  const dH = div(matmul(transpose(X), dk), t); // d × v
  const dbH = div(sum(dk, 0), t); // v
  return { dH, dbH, dU, dbU };
}
// variant:mask:end
