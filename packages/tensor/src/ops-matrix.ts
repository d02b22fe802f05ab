import { gradOf } from './autograd.ts';
import { chainInto, colSum, fillRows, gatherAt, map, mm, mmNT, mmTN, scatterAdd, stridedIndex } from './kernels.ts';
import type { UnaryPrimitive } from './ops-elementwise.ts';
import { type Tensor, fmt, recordOp } from './tensor.ts';
import { matrixShape } from './validate.ts';

/** Checks the operands of `X·W + b` and returns `[m, k, n]` for `X: [m,k]`, `W: [k,n]`, `b: [n]`. */
function affineShape(op: string, x: Tensor, w: Tensor, b?: Tensor | null): [number, number, number] {
  const bad = (why: string): Error => new Error(`${op}: ${fmt(x.shape)} x ${fmt(w.shape)} — ${why}`);
  if (x.shape.length !== 2 || w.shape.length !== 2) throw bad('expected rank 2 operands');
  const [m, k] = x.shape as [number, number];
  const [k2, n] = w.shape as [number, number];
  if (k !== k2) throw bad(`inner dimensions ${k} and ${k2} differ`);
  if (b && b.size !== n) throw new Error(`${op}: bias ${fmt(b.shape)} vs width ${n} — sizes differ`);
  return [m, k, n];
}

/** `y = X·W + b` over a buffer `y` that is zero or about to be overwritten by the bias rows. */
function affineInto(x: Tensor, w: Tensor, b: Tensor | null | undefined, y: Float64Array, [m, k, n]: [number, number, number]): Float64Array {
  if (b) fillRows(y, b.data, m);
  mm(x.data, 0, w.data, 0, y, 0, m, k, n);
  return y;
}

/** The values of `X·W + b`, recording nothing (the forward pass of `linear`), written over `out` or a fresh buffer. */
export function affine(x: Tensor, w: Tensor, b?: Tensor | null, out?: Float64Array): Float64Array {
  const dims = affineShape('linear', x, w, b);
  if (out && !b) out.fill(0);
  return affineInto(x, w, b, out ?? new Float64Array(dims[0] * dims[2]), dims);
}

/** Records `Y = X·W + b` (`b` optional) as the op `op`: `∂ℓ/∂X = G·Wᵀ`, `∂ℓ/∂W = Xᵀ·G`, `∂ℓ/∂b = Σᵢ Gᵢ`. */
function affineOp(op: string, x: Tensor, w: Tensor, b?: Tensor | null): Tensor {
  const [m, k, n] = affineShape(op, x, w, b);
  return recordOp(op, affineInto(x, w, b, new Float64Array(m * n), [m, k, n]), [m, n], b ? [x, w, b] : [x, w], (g) => {
    if (x.requiresGrad) mmNT(g, 0, w.data, 0, gradOf(x), 0, m, n, k);
    if (w.requiresGrad) mmTN(x.data, 0, g, 0, gradOf(w), 0, m, k, n);
    if (b?.requiresGrad) colSum(g, gradOf(b), m, n);
  });
}

/** Matrix product of rank-2 tensors: `C = A·B`, `∂ℓ/∂A = G·Bᵀ`, `∂ℓ/∂B = Aᵀ·G` (the affine op without a bias). */
export const matmul = (a: Tensor, b: Tensor): Tensor => affineOp('matmul', a, b);

/** Fused affine layer `Y = X·W + b` (one kernel instead of matmul + add): `∂ℓ/∂X = G·Wᵀ`, `∂ℓ/∂W = Xᵀ·G`, `∂ℓ/∂b = Σᵢ Gᵢ`. */
export const linear = (x: Tensor, w: Tensor, b?: Tensor | null): Tensor => affineOp('linear', x, w, b);

/** Swaps the two axes of a matrix: `(Aᵀ)ᵢⱼ = Aⱼᵢ`, `∂ℓ/∂A = Gᵀ`. */
export function transpose(a: Tensor): Tensor {
  const [m, n] = matrixShape('transpose', 'a matrix', a);
  const perm = stridedIndex([n, m], [1, n]); // out[j, i] = a[i, j] = a.data[i·n + j]
  return recordOp('transpose', gatherAt(a.data, perm), [n, m], [a], (g) => {
    if (a.requiresGrad) scatterAdd(gradOf(a), perm, g);
  });
}

/** `∂ℓ/∂Z` of `dense` while its backward step runs, reused from call to call (it never outlives the step). */
let dz = new Float64Array(0);

/**
 * A layer and its activation as one op, `Y = f(X·W + b)` for an elementwise primitive `f` (what `MLP` trains with): the
 * numbers of `f(linear(X, W, b))`, with one entry on the tape and no tensor, nor gradient buffer, for `Z = X·W + b`.
 * `∂ℓ/∂Z = G ⊙ f′(Z)`, then as in `linear`: `∂ℓ/∂X = ∂ℓ/∂Z·Wᵀ`, `∂ℓ/∂W = Xᵀ·∂ℓ/∂Z`, `∂ℓ/∂b = Σᵢ ∂ℓ/∂Zᵢ`.
 */
export function dense(x: Tensor, w: Tensor, b: Tensor | null, f: UnaryPrimitive): Tensor {
  const [m, k, n] = affineShape('dense', x, w, b);
  const z = affineInto(x, w, b, new Float64Array(m * n), [m, k, n]);
  const y = map(z, f.forward);
  return recordOp('dense', y, [m, n], b ? [x, w, b] : [x, w], (g) => {
    if (dz.length < m * n) dz = new Float64Array(m * n);
    chainInto(dz, g, z, y, f.dX);
    if (x.requiresGrad) mmNT(dz, 0, w.data, 0, gradOf(x), 0, m, n, k);
    if (w.requiresGrad) mmTN(x.data, 0, dz, 0, gradOf(w), 0, m, k, n);
    if (b?.requiresGrad) colSum(dz, gradOf(b), m, n);
  });
}
