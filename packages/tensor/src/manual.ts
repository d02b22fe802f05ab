import { at, colSum, fillRows, map, mm, mmNT, mmTN } from './kernels.ts';
import { checkedLabels, logSoftmaxRows, type Indices } from './ops-loss.ts';
import { Tensor, fmt } from './tensor.ts';
import { windowIds } from './ops-embedding.ts';

/** Inputs of the lecture notes' one-hidden-layer network: features `f: [t,d]`, target labels, `H: [d,v]`, `b_H: [v]`, `U: [v,m]`, `b_U: [m]`. */
export interface ManualInputs {
  f: Tensor;
  targets: Indices;
  H: Tensor;
  bH: Tensor;
  U: Tensor;
  bU: Tensor;
}

/** Every intermediate and gradient of the hand-derived pass, named as in the notes. */
export interface ManualResult {
  /** `ℓ = −(1/t) Σ log o_y` */
  loss: number;
  k: Tensor;
  h: Tensor;
  z: Tensor;
  o: Tensor;
  /** `∂ℓ/∂z = o − T` per item (autograd's `z.grad` is this divided by t). */
  dz: Tensor;
  dU: Tensor;
  dbU: Tensor;
  dh: Tensor;
  dk: Tensor;
  dH: Tensor;
  dbH: Tensor;
  /** `∂ℓ/∂f = ∂ℓ/∂k Hᵀ` per item (`[t, d]`): what a layer below the network, such as an embedding table, receives. */
  df: Tensor;
}

/**
 * Forward and backward pass of the lecture notes' network written out by hand, no autograd:
 * `k = fH + b_H`, `h = ReLU(k)`, `z = hU + b_U`, `o = softmax(z)`; `∂ℓ/∂z = o − T`, `∂ℓ/∂U = hᵀ∂ℓ/∂z / t`,
 * `∂ℓ/∂b_U = 1ᵀ∂ℓ/∂z / t`, `∂ℓ/∂h = ∂ℓ/∂z Uᵀ`, `∂ℓ/∂k = ∂ℓ/∂h ⊙ [k ≥ 0]`, `∂ℓ/∂H = fᵀ∂ℓ/∂k / t`, `∂ℓ/∂b_H = 1ᵀ∂ℓ/∂k / t`.
 */
export function manualBackprop({ f, targets, H, bH, U, bU }: ManualInputs): ManualResult {
  const [t, d] = f.shape as [number, number];
  const [d2, v] = H.shape as [number, number];
  const [v2, m] = U.shape as [number, number];
  if (f.shape.length !== 2 || d !== d2 || v !== v2 || bH.size !== v || bU.size !== m) {
    throw new Error(`manualBackprop: f ${fmt(f.shape)}, H ${fmt(H.shape)}, U ${fmt(U.shape)} — shapes differ`);
  }
  const T = new Float64Array(t * m); // one-hot targets Tᵢⱼ = [j = yᵢ]
  checkedLabels('manualBackprop', targets, t, m).forEach((y, i) => (T[i * m + y] = 1));
  const k = new Float64Array(t * v);
  fillRows(k, bH.data, t);
  mm(f.data, 0, H.data, 0, k, 0, t, d, v);
  const h = k.map((x) => (x > 0 ? x : 0));
  const z = new Float64Array(t * m);
  fillRows(z, bU.data, t);
  mm(h, 0, U.data, 0, z, 0, t, v, m);
  const o = map(logSoftmaxRows(z, t, m), Math.exp);
  let loss = 0;
  for (let i = 0; i < o.length; i++) if (T[i] !== 0) loss -= (at(T, i) * Math.log(at(o, i))) / t;

  const dz = o.map((oi, i) => oi - at(T, i));
  const dU = new Float64Array(v * m);
  mmTN(h, 0, dz, 0, dU, 0, t, v, m);
  const dbU = new Float64Array(m);
  colSum(dz, dbU, t, m);
  const dh = new Float64Array(t * v);
  mmNT(dz, 0, U.data, 0, dh, 0, t, m, v);
  const dk = dh.map((g, i) => (at(k, i) >= 0 ? g : 0));
  const dH = new Float64Array(d * v);
  mmTN(f.data, 0, dk, 0, dH, 0, t, d, v);
  const dbH = new Float64Array(v);
  colSum(dk, dbH, t, v);
  const df = new Float64Array(t * d);
  mmNT(dk, 0, H.data, 0, df, 0, t, v, d);
  for (const g of [dU, dbU, dH, dbH]) for (let i = 0; i < g.length; i++) g[i] = at(g, i) / t;

  const T2 = (data: Float64Array, shape: number[]): Tensor => new Tensor(data, shape);
  return {
    loss,
    k: T2(k, [t, v]),
    h: T2(h, [t, v]),
    z: T2(z, [t, m]),
    o: T2(o, [t, m]),
    dz: T2(dz, [t, m]),
    dU: T2(dU, [v, m]),
    dbU: T2(dbU, [m]),
    dh: T2(dh, [t, v]),
    dk: T2(dk, [t, v]),
    dH: T2(dH, [d, v]),
    dbH: T2(dbH, [v]),
    df: T2(df, [t, d]),
  };
}

/** Inputs of the notes' window model: `t·n` word indices (window by window), the table `E: [|V|, e]`, and the network. */
export interface ManualWindowInputs extends Omit<ManualInputs, 'f'> {
  ids: readonly number[];
  n: number;
  E: Tensor;
}

/** The hand-derived pass of the window model: the network's result, its input rows `x`, and `∂ℓ/∂E`. */
export interface ManualWindowResult extends ManualResult {
  /** `x = [j₁E, …, jₙE]` per item (`[t, n·e]`). */
  x: Tensor;
  /** `∂ℓ/∂E`: the blocks of `∂ℓ/∂x` scatter-added into the rows used, divided by t; every other row exactly 0. */
  dE: Tensor;
}

/**
 * The notes' window model by hand: `x = [j₁E, …, jₙE]` (row lookups, concatenated), then `manualBackprop` on `x`, then
 * `∂ℓ/∂E[j] = (1/t) Σ_{(r,k) : ids[r·n + k] = j} (∂ℓ/∂x)[r, k·e … (k+1)·e)`: the n blocks of each item's `∂ℓ/∂x`
 * scatter-added into the rows its words used (a repeated word accumulates). Embeddings carry no bias.
 */
export function manualWindowBackprop({ ids, n, E, ...net }: ManualWindowInputs): ManualWindowResult {
  windowIds('manualWindowBackprop', E, ids, n);
  const [rows, e] = E.shape as [number, number];
  const t = ids.length / n;
  const x = new Float64Array(t * n * e);
  ids.forEach((j, i) => x.set(E.data.subarray(j * e, j * e + e), i * e));
  const result = manualBackprop({ ...net, f: new Tensor(x, [t, n * e]) });
  const dE = new Float64Array(rows * e);
  ids.forEach((j, i) => {
    for (let c = 0; c < e; c++) dE[j * e + c] = at(dE, j * e + c) + at(result.df.data, i * e + c) / t;
  });
  return { ...result, x: new Tensor(x, [t, n * e]), dE: new Tensor(dE, [rows, e]) };
}
