import { add, div, matmul, mul, relu, softmax, step, sub, sum, transpose, type Tensor } from '@beyond-linear/tensor';

/**
 * Chapter 3's code listing: the backward pass of the notes' network, written with the book's
 * tensor package as plain matrix algebra (no autograd). The chapter shows the lines between the
 * `listing` markers, imported as text from this file, and `backprop.test.ts` runs this very
 * function against autograd, so the page and the code cannot drift apart.
 */

/** The notes' parameters: H (d × v), b_H (v), U (v × m), b_U (m). */
export interface Params {
  H: Tensor;
  bH: Tensor;
  U: Tensor;
  bU: Tensor;
}

/** The four weight gradients of the mean loss 𝓛. */
export interface Grads {
  dH: Tensor;
  dbH: Tensor;
  dU: Tensor;
  dbU: Tensor;
}

// listing:start
/** Gradients of 𝓛 for a minibatch X (t × d) with one-hot targets T (t × m). */
export function backprop(X: Tensor, T: Tensor, { H, bH, U, bU }: Params): Grads {
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
  const dH = div(matmul(transpose(X), dk), t); // d × v
  const dbH = div(sum(dk, 0), t); // v
  return { dH, dbH, dU, dbU };
}
// listing:end

/** The lines of `source` between `// listing:start` and `// listing:end` (the markers excluded). */
export function listingOf(source: string): string {
  const lines = source.split('\n');
  const from = lines.findIndex((l) => l.trim() === '// listing:start');
  const to = lines.findIndex((l) => l.trim() === '// listing:end');
  if (from < 0 || to <= from) throw new Error('listingOf: no // listing:start … // listing:end region');
  return lines.slice(from + 1, to).join('\n');
}
