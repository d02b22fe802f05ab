import { gradOf } from './autograd.ts';
import { chainInto, colSum, fillRows, gatherAt, map, mm, mmNT, mmTN, scatterAdd } from './kernels.ts';
import type { UnaryPrimitive } from './ops-elementwise.ts';
import { type Tensor, fmt, recordOp } from './tensor.ts';

interface MatPlan {
  batch: number;
  sa: number;
  sb: number;
  m: number;
  k: number;
  n: number;
  shape: number[];
}

function plan(op: string, a: number[], b: number[]): MatPlan {
  const bad = (why: string): Error => new Error(`${op}: ${fmt(a)} x ${fmt(b)} — ${why}`);
  if (a.length < 2 || a.length > 3 || b.length < 2 || b.length > 3) throw bad('expected rank 2 or 3 operands');
  const [m, k] = a.slice(-2) as [number, number];
  const [k2, n] = b.slice(-2) as [number, number];
  if (k !== k2) throw bad(`inner dimensions ${k} and ${k2} differ`);
  const ba = a.length === 3 ? a[0]! : 1;
  const bb = b.length === 3 ? b[0]! : 1;
  if (ba !== bb && ba !== 1 && bb !== 1) throw bad(`batch sizes ${ba} and ${bb} differ`);
  const batch = Math.max(ba, bb);
  const shape = a.length === 3 || b.length === 3 ? [batch, m, n] : [m, n];
  return { batch, sa: ba === 1 ? 0 : m * k, sb: bb === 1 ? 0 : k * n, m, k, n, shape };
}

/** Matrix product of rank-2 tensors, batched over a leading axis for rank 3: `C = A·B`, `∂ℓ/∂A = G·Bᵀ`, `∂ℓ/∂B = Aᵀ·G`. */
export function matmul(a: Tensor, b: Tensor): Tensor {
  const { batch, sa, sb, m, k, n, shape } = plan('matmul', a.shape, b.shape);
  const out = new Float64Array(batch * m * n);
  for (let t = 0; t < batch; t++) mm(a.data, t * sa, b.data, t * sb, out, t * m * n, m, k, n);
  return recordOp('matmul', out, shape, [a, b], (g) => {
    for (let t = 0; t < batch; t++) {
      if (a.requiresGrad) mmNT(g, t * m * n, b.data, t * sb, gradOf(a), t * sa, m, n, k);
      if (b.requiresGrad) mmTN(a.data, t * sa, g, t * m * n, gradOf(b), t * sb, m, k, n);
    }
  });
}

/** Swaps the last two axes (rank 2 or 3): `(Aᵀ)ᵢⱼ = Aⱼᵢ`, `∂ℓ/∂A = Gᵀ`. */
export function transpose(a: Tensor): Tensor {
  const r = a.shape.length;
  if (r < 2 || r > 3) throw new Error(`transpose: expected rank 2 or 3, got ${fmt(a.shape)}`);
  const [m, n] = a.shape.slice(-2) as [number, number];
  const batch = r === 3 ? a.size / (m * n) : 1;
  const perm = new Int32Array(a.size);
  for (let t = 0, o = 0; t < batch; t++) {
    for (let j = 0; j < n; j++) for (let i = 0; i < m; i++) perm[o++] = t * m * n + i * n + j;
  }
  const shape = r === 3 ? [batch, n, m] : [n, m];
  return recordOp('transpose', gatherAt(a.data, perm), shape, [a], (g) => {
    if (a.requiresGrad) scatterAdd(gradOf(a), perm, g);
  });
}

/** Checks the operands of `linear` and returns `[m, k, n]` for `X: [m,k]`, `W: [k,n]`, `b: [n]`. */
function affineShape(x: Tensor, w: Tensor, b?: Tensor | null): [number, number, number] {
  if (x.shape.length !== 2 || w.shape.length !== 2) {
    throw new Error(`linear: ${fmt(x.shape)} x ${fmt(w.shape)} — expected rank 2 operands`);
  }
  const [m, k] = x.shape as [number, number];
  const [k2, n] = w.shape as [number, number];
  if (k !== k2) throw new Error(`linear: ${fmt(x.shape)} x ${fmt(w.shape)} — inner dimensions ${k} and ${k2} differ`);
  if (b && b.size !== n) throw new Error(`linear: bias ${fmt(b.shape)} vs width ${n} — sizes differ`);
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
  const dims = affineShape(x, w, b);
  if (out && !b) out.fill(0);
  return affineInto(x, w, b, out ?? new Float64Array(dims[0] * dims[2]), dims);
}

/**
 * Fused affine layer `Y = X·W + b` (one kernel instead of matmul + add):
 * `∂ℓ/∂X = G·Wᵀ`, `∂ℓ/∂W = Xᵀ·G`, `∂ℓ/∂b = Σᵢ Gᵢ`.
 */
export function linear(x: Tensor, w: Tensor, b?: Tensor | null): Tensor {
  const [m, k, n] = affineShape(x, w, b);
  return recordOp('linear', affineInto(x, w, b, new Float64Array(m * n), [m, k, n]), [m, n], b ? [x, w, b] : [x, w], (g) => {
    if (x.requiresGrad) mmNT(g, 0, w.data, 0, gradOf(x), 0, m, n, k);
    if (w.requiresGrad) mmTN(x.data, 0, g, 0, gradOf(w), 0, m, k, n);
    if (b?.requiresGrad) colSum(g, gradOf(b), m, n);
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
  const [m, k, n] = affineShape(x, w, b);
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
