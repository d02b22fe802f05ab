import { gradOf } from './autograd.ts';
import { at, map, rowDots } from './kernels.ts';
import { unaryOp } from './ops-elementwise.ts';
import { logSoftmaxRows } from './ops-loss.ts';
import { Tensor, recordOp } from './tensor.ts';

/** Rectified linear unit: `max(0, x)`, `∂/∂x = [x ≥ 0]` (the lecture notes' convention at 0). */
export const relu = unaryOp('relu', { forward: (x) => (x > 0 ? x : 0), dX: (x) => (x >= 0 ? 1 : 0) });

/** Leaky ReLU: `x ≥ 0 ? x : αx`, `∂/∂x = x ≥ 0 ? 1 : α`. */
export const leakyRelu = (a: Tensor, alpha = 0.01): Tensor =>
  unaryOp('leakyRelu', { forward: (x) => (x >= 0 ? x : alpha * x), dX: (x) => (x >= 0 ? 1 : alpha) })(a);

/** Logistic sigmoid: `σ(x) = 1/(1 + e⁻ˣ)`, `∂/∂x = σ(1 − σ) = y(1 − y)`. */
export const sigmoid = unaryOp('sigmoid', { forward: (x) => 1 / (1 + Math.exp(-x)), dX: (_x, y) => y * (1 - y) });

/** Hyperbolic tangent: `tanh x = (eˣ − e⁻ˣ)/(eˣ + e⁻ˣ)`, `∂/∂x = 1 − tanh²x = 1 − y²`. */
export const tanh = unaryOp('tanh', { forward: Math.tanh, dX: (_x, y) => 1 - y * y });

/** Heaviside step, a constant with no gradient: `[x ≥ 0]`. */
export function step(a: Tensor): Tensor {
  const t = new Tensor(
    a.data.map((x) => (x >= 0 ? 1 : 0)),
    a.shape.slice(),
  );
  t.op = 'step';
  return t;
}

/** Error function (Numerical Recipes Chebyshev fit, relative error < 1.2e-7): `erf x = (2/√π)∫₀ˣ e^(−t²) dt`. */
export function erf(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const c = [-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277];
  const p = c.reduceRight((acc, ci) => ci + t * acc, 0);
  const r = 1 - t * Math.exp(-z * z + p);
  return x >= 0 ? r : -r;
}

/** Gaussian error linear unit: `x·Φ(x) = ½x(1 + erf(x/√2))`, `∂/∂x = Φ(x) + x·φ(x)`. */
export const gelu = unaryOp('gelu', {
  forward: (x) => 0.5 * x * (1 + erf(x / Math.SQRT2)),
  dX: (x) => 0.5 * (1 + erf(x / Math.SQRT2)) + (x * Math.exp(-0.5 * x * x)) / Math.sqrt(2 * Math.PI),
});

/** Swish with slope β: `x·σ(βx)`, `∂/∂x = σ(βx) + βx·σ(βx)(1 − σ(βx))`; β = 1 is SiLU. */
export const swish = (a: Tensor, beta = 1): Tensor =>
  unaryOp('swish', {
    forward: (x) => x / (1 + Math.exp(-beta * x)),
    dX: (x) => {
      const s = 1 / (1 + Math.exp(-beta * x));
      return s + beta * x * s * (1 - s);
    },
  })(a);

/** Row-wise softmax over the last axis: `yᵢ = e^(zᵢ−max z) / Σⱼ e^(zⱼ−max z)`, `∂ℓ/∂zᵢ = yᵢ(gᵢ − Σⱼ gⱼyⱼ)`. */
export function softmax(a: Tensor): Tensor {
  const k = a.shape.at(-1) ?? 1;
  const y = map(logSoftmaxRows(a.data, a.size / k, k), Math.exp);
  return recordOp('softmax', y, a.shape.slice(), [a], (g) => {
    if (!a.requiresGrad) return;
    const dot = rowDots(g, y, k); // Σⱼ gⱼyⱼ, one per row
    const ga = gradOf(a);
    ga.forEach((_, i) => (ga[i] = at(ga, i) + at(y, i) * (at(g, i) - at(dot, Math.floor(i / k)))));
  });
}
