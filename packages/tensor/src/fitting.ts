import { at, mmTN } from './kernels.ts';
import { Tensor, fmt, tensor } from './tensor.ts';
import { checkRange, matrixShape } from './validate.ts';

/** Result of a closed-form least-squares fit. */
export interface LeastSquaresFit {
  /** Coefficients `w`, one per input column. */
  weights: Float64Array;
  /** Intercept `b` (0 when fitted without bias). */
  bias: number;
}

/**
 * Solves `G·W = R` in place by Gauss–Jordan elimination for a symmetric positive semi-definite `[p,p]` matrix `G`
 * (no pivoting is needed) and a `[p,c]` right-hand side; returns false when a pivot vanishes, i.e. `G` is singular.
 */
function solve(G: Float64Array, R: Float64Array, p: number, c: number): boolean {
  let scale = 1e-300;
  for (let i = 0; i < p; i++) scale = Math.max(scale, at(G, i * p + i));
  for (let col = 0; col < p; col++) {
    const pv = at(G, col * p + col);
    if (!(pv > 1e-12 * scale)) return false;
    for (let r = 0; r < p; r++) {
      const f = at(G, r * p + col) / pv;
      if (r === col || f === 0) continue;
      for (let j = col; j < p; j++) G[r * p + j] = at(G, r * p + j) - f * at(G, col * p + j);
      for (let j = 0; j < c; j++) R[r * c + j] = at(R, r * c + j) - f * at(R, col * c + j);
    }
  }
  for (let r = 0; r < p; r++) for (let j = 0; j < c; j++) R[r * c + j] = at(R, r * c + j) / at(G, r * p + r);
  return true;
}

/**
 * Multi-output least squares by the normal equations `(AᵀA + λI)·W = AᵀY` with `A = [X, 1]`; the bias is not penalised
 * and a tiny ridge is added when `AᵀA` is singular. Returns `W` as `[d (+1), c]`, the bias row last.
 */
export function normalEquations(x: Float64Array, n: number, d: number, y: Float64Array, c: number, bias: boolean, ridge: number): Float64Array {
  const p = d + (bias ? 1 : 0);
  const A = new Float64Array(n * p).fill(1); // A = [X, 1]: each row of X, then a 1 for the bias
  for (let i = 0; i < n; i++) A.set(x.subarray(i * d, i * d + d), i * p);
  const G0 = new Float64Array(p * p);
  const R0 = new Float64Array(p * c);
  mmTN(A, 0, A, 0, G0, 0, n, p, p); // AᵀA
  mmTN(A, 0, y, 0, R0, 0, n, p, c); // AᵀY
  let trace = 0;
  for (let a = 0; a < p; a++) trace += at(G0, a * p + a);
  for (let lam = ridge, tries = 0; ; tries++) {
    const G = G0.slice();
    const R = R0.slice();
    for (let a = 0; a < d; a++) G[a * p + a] = at(G, a * p + a) + lam;
    if (solve(G, R, p, c)) return R;
    if (tries > 8) throw new Error('leastSquares: singular normal equations');
    lam = Math.max(lam * 10, 1e-10 * (trace / p || 1));
  }
}

/** Closed-form least squares `min_w,b Σᵢ (xᵢ·w + b − yᵢ)² + λ‖w‖²` via the normal equations; on the XOR corners it gives `w = 0`, `b = ½`. */
export function leastSquares(X: Tensor, y: Tensor | readonly number[], { bias = true, ridge = 0 }: { bias?: boolean; ridge?: number } = {}): LeastSquaresFit {
  const yt = y instanceof Tensor ? y : tensor(y);
  const [n, d] = matrixShape('leastSquares', 'X', X);
  if (yt.size !== n) throw new Error(`leastSquares: X ${fmt(X.shape)} vs y ${fmt(yt.shape)} — rows differ`);
  checkRange('leastSquares', 'ridge', ridge, 0);
  const W = normalEquations(X.data, n, d, yt.data, 1, bias, ridge);
  return { weights: W.slice(0, d), bias: bias ? at(W, d) : 0 };
}
