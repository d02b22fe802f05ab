import { gelu, leakyRelu, param, relu, sigmoid, sum, swish, tanh, type Tensor } from '@beyond-linear/tensor';
import { ACTIVATIONS, type ActivationName, type ActivationParams } from '../_shared/activations';
import { FLAT, X_RANGE, type ExplorerValues, type Readings } from './model';

/** Apply one activation from the tensor package: e.g. `swish(x, β) = x·σ(βx)`, `leakyRelu(x, α)`. */
export function applyActivation(name: ActivationName, x: Tensor, p: ActivationParams): Tensor {
  switch (name) {
    case 'sigmoid':
      return sigmoid(x);
    case 'tanh':
      return tanh(x);
    case 'relu':
      return relu(x);
    case 'leaky':
      return leakyRelu(x, p.alpha);
    case 'gelu':
      return gelu(x);
    case 'swish':
      return swish(x, p.beta);
  }
}

/**
 * Values and slopes of an activation at many inputs, the slopes by autograd: with `ℓ = Σᵢ f(xᵢ)`,
 * `∂ℓ/∂xᵢ = f′(xᵢ)` because each output depends on its own input only.
 */
export function evaluate(name: ActivationName, xs: readonly number[], p: ActivationParams): { value: Float64Array; slope: Float64Array } {
  const x = param(xs.slice(), [xs.length]);
  const y = applyActivation(name, x, p);
  sum(y).backward();
  return { value: y.data, slope: x.grad ?? new Float64Array(xs.length) };
}

/** `n + 1` evenly spaced inputs across `X_RANGE`: `xᵢ = −5 + 10i/n`. */
export function sampleXs(n = 500): number[] {
  const [lo, hi] = X_RANGE;
  return Array.from({ length: n + 1 }, (_, i) => Number((lo + ((hi - lo) * i) / n).toFixed(6)));
}

/** Where `|f′(x)| < FLAT` switches between two grid points, found by bisection on autograd slopes. */
function edge(name: ActivationName, p: ActivationParams, a: number, b: number): number {
  const flat = (x: number): boolean => Math.abs(evaluate(name, [x], p).slope[0] ?? 0) < FLAT;
  const flatAtA = flat(a);
  for (let i = 0; i < 40; i++) {
    const m = (a + b) / 2;
    if (flat(m) === flatAtA) a = m;
    else b = m;
  }
  return (a + b) / 2;
}

/** The stretches of `X_RANGE` where a function is flat, `|f′(x)| < 0.05`, as `[lo, hi]` pairs with bisected ends. */
export function flatRanges(name: ActivationName, p: ActivationParams, xs: readonly number[] = sampleXs(200)): Array<[number, number]> {
  const { slope } = evaluate(name, xs, p);
  const out: Array<[number, number]> = [];
  let start: number | undefined;
  for (let i = 0; i < xs.length; i++) {
    const isFlat = Math.abs(slope[i] ?? 0) < FLAT;
    const x = xs[i] ?? 0;
    const prev = xs[i - 1] ?? x;
    if (isFlat && start === undefined) start = i === 0 ? x : edge(name, p, prev, x);
    if (!isFlat && start !== undefined) {
      out.push([start, edge(name, p, prev, x)]);
      start = undefined;
    }
  }
  if (start !== undefined) out.push([start, xs[xs.length - 1] ?? X_RANGE[1]]);
  return out;
}

/** Every function's value and slope at the probe `x`, and the focus function's flat stretches. */
export function readings(v: ExplorerValues): Readings {
  const at = ACTIVATIONS.map((name) => {
    const r = evaluate(name, [v.x], v);
    return { name, value: r.value[0] ?? 0, slope: r.slope[0] ?? 0 };
  });
  return { at, flat: flatRanges(v.focus, v) };
}
