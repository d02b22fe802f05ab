import { gradOf } from './autograd.ts';
import { unary } from './ops-elementwise.ts';
import { logSoftmaxRows } from './ops-loss.ts';
import { Tensor, result } from './tensor.ts';

/** Rectified linear unit: `max(0, x)`, `∂/∂x = [x ≥ 0]` (the lecture notes' convention at 0). */
export const relu = (a: Tensor): Tensor =>
  unary(
    'relu',
    a,
    (x) => (x > 0 ? x : 0),
    (x) => (x >= 0 ? 1 : 0),
  );

/** Heaviside step, a constant with no gradient: `[x ≥ 0]`. */
export function step(a: Tensor): Tensor {
  const t = new Tensor(
    a.data.map((x) => (x >= 0 ? 1 : 0)),
    a.shape.slice(),
  );
  t.op = 'step';
  return t;
}

/** Leaky ReLU: `x ≥ 0 ? x : αx`, `∂/∂x = x ≥ 0 ? 1 : α`. */
export const leakyRelu = (a: Tensor, alpha = 0.01): Tensor =>
  unary(
    'leakyRelu',
    a,
    (x) => (x >= 0 ? x : alpha * x),
    (x) => (x >= 0 ? 1 : alpha),
  );

/** Logistic sigmoid: `σ(x) = 1/(1 + e⁻ˣ)`, `∂/∂x = σ(1 − σ)`. */
export const sigmoid = (a: Tensor): Tensor =>
  unary(
    'sigmoid',
    a,
    (x) => 1 / (1 + Math.exp(-x)),
    (_, y) => y * (1 - y),
  );

/** Hyperbolic tangent: `tanh x = (eˣ − e⁻ˣ)/(eˣ + e⁻ˣ)`, `∂/∂x = 1 − tanh²x` (explicit loops: the hot path of training). */
export function tanh(a: Tensor): Tensor {
  const ad = a.data;
  const out = new Float64Array(ad.length);
  for (let i = 0; i < ad.length; i++) out[i] = Math.tanh(ad[i]!);
  return result('tanh', out, a.shape.slice(), [a], (g) => {
    if (!a.requiresGrad) return;
    const ga = gradOf(a);
    for (let i = 0; i < g.length; i++) ga[i]! += g[i]! * (1 - out[i]! * out[i]!);
  });
}

/**
 * Applies relu, tanh or sigmoid in place to a freshly computed tensor that no graph records (inference): saves a
 * buffer and a pass when drawing heatmaps; any other activation, or a recorded tensor, goes through the op. `h ← g(h)`.
 */
export function activateFresh(name: string, h: Tensor, op: (t: Tensor) => Tensor): Tensor {
  const d = h.data;
  if (h.requiresGrad || !(name === 'relu' || name === 'tanh' || name === 'sigmoid')) return op(h);
  for (let i = 0; i < d.length; i++) {
    const x = d[i]!;
    d[i] = name === 'relu' ? (x > 0 ? x : 0) : name === 'tanh' ? Math.tanh(x) : 1 / (1 + Math.exp(-x));
  }
  return h;
}

/** Error function (Numerical Recipes Chebyshev fit, relative error < 1.2e-7): `erf x = (2/√π)∫₀ˣ e^(−t²) dt`. */
export function erf(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const c = [-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277];
  let p = 0;
  for (let i = c.length - 1; i >= 0; i--) p = c[i]! + t * p;
  const r = 1 - t * Math.exp(-z * z + p);
  return x >= 0 ? r : -r;
}

const K = Math.sqrt(2 / Math.PI);

/**
 * Gaussian error linear unit, exact `x·Φ(x) = ½x(1 + erf(x/√2))` or with `approximate = 'tanh'`
 * `½x(1 + tanh(√(2/π)(x + 0.044715x³)))`.
 */
export function gelu(a: Tensor, approximate: 'none' | 'tanh' = 'none'): Tensor {
  if (approximate === 'tanh') {
    return unary(
      'gelu',
      a,
      (x) => 0.5 * x * (1 + Math.tanh(K * (x + 0.044715 * x ** 3))),
      (x) => {
        const t = Math.tanh(K * (x + 0.044715 * x ** 3));
        return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * K * (1 + 3 * 0.044715 * x * x);
      },
    );
  }
  return unary(
    'gelu',
    a,
    (x) => 0.5 * x * (1 + erf(x / Math.SQRT2)),
    (x) => 0.5 * (1 + erf(x / Math.SQRT2)) + (x * Math.exp(-0.5 * x * x)) / Math.sqrt(2 * Math.PI),
  );
}

/** Swish with slope β: `x·σ(βx)`, `∂/∂x = σ(βx) + βx·σ(βx)(1 − σ(βx))`. */
export function swish(a: Tensor, beta = 1): Tensor {
  return unary(
    'swish',
    a,
    (x) => x / (1 + Math.exp(-beta * x)),
    (x) => {
      const s = 1 / (1 + Math.exp(-beta * x));
      return s + beta * x * s * (1 - s);
    },
  );
}

/** Sigmoid linear unit, swish with β = 1: `x·σ(x)`. */
export const silu = (a: Tensor): Tensor => swish(a, 1);

/** Row-wise softmax over the last axis: `softmax(z)ᵢ = e^(zᵢ−max z) / Σⱼ e^(zⱼ−max z)`, `∂ℓ/∂z = y ⊙ (g − Σ g⊙y)`. */
export function softmax(a: Tensor): Tensor {
  const k = a.shape.at(-1) ?? 1;
  const out = logSoftmaxRows(a.data, a.size / k, k).map(Math.exp);
  return result('softmax', out, a.shape.slice(), [a], (g) => {
    if (!a.requiresGrad) return;
    const ga = gradOf(a);
    for (let r = 0; r < out.length; r += k) {
      let dot = 0;
      for (let j = 0; j < k; j++) dot += g[r + j]! * out[r + j]!;
      for (let j = 0; j < k; j++) ga[r + j]! += out[r + j]! * (g[r + j]! - dot);
    }
  });
}
