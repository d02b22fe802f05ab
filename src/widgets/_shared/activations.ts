/**
 * The activation functions of chapter 2: names, how each is drawn (colour and dash pattern,
 * so the curves read without colour), and closed forms of each value and slope that the
 * widgets' autograd results are tested against. Pure module: no DOM, no tensor package.
 */

/** The activation functions the chapter compares. */
export const ACTIVATIONS = ['sigmoid', 'tanh', 'relu', 'leaky', 'gelu', 'swish'] as const;

/** One of the chapter's activation functions. */
export type ActivationName = (typeof ACTIVATIONS)[number];

/** The shape parameters: Leaky ReLU's slope `α` for `x < 0` and Swish's `β` in `x·σ(βx)`. */
export interface ActivationParams {
  alpha: number;
  beta: number;
}

/** How one function is named and drawn. */
export interface ActivationStyle {
  label: string;
  color: string;
  dash: string;
}

/** Theme-aware colours and distinct dash patterns per function: `name ↦ { label, color, dash }`. */
export const ACTIVATION_STYLE: Readonly<Record<ActivationName, ActivationStyle>> = {
  sigmoid: { label: 'sigmoid', color: 'var(--series-a, #2563c9)', dash: '10 4' },
  tanh: { label: 'tanh', color: 'var(--series-d, #7c3aad)', dash: '2 3' },
  relu: { label: 'ReLU', color: 'var(--series-b, #c2410c)', dash: 'none' },
  leaky: { label: 'Leaky ReLU', color: 'currentColor', dash: '6 3' },
  gelu: { label: 'GELU', color: 'var(--series-c, #1f7a4a)', dash: '14 4' },
  swish: { label: 'Swish', color: '#d6409f', dash: '7 2 2 2' },
};

const sig = (x: number): number => 1 / (1 + Math.exp(-x));

/** The standard normal density: `φ(x) = e^(−x²/2)/√(2π)`. */
function phi(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}

/** The standard normal distribution function by numerical integration of `φ` (Simpson, 200 panels): `Φ(x) = ½ + ∫₀ˣ φ`. */
export function normalCdf(x: number): number {
  const z = Math.max(-10, Math.min(10, x));
  const n = 200;
  const h = z / n;
  let s = phi(0) + phi(z);
  for (let i = 1; i < n; i++) s += (i % 2 ? 4 : 2) * phi(i * h);
  return 0.5 + (s * h) / 3;
}

/** Closed-form value of an activation: e.g. `swish(x) = x·σ(βx)`, `gelu(x) = x·Φ(x)`. */
export function activationValue(name: ActivationName, x: number, p: ActivationParams): number {
  switch (name) {
    case 'sigmoid':
      return sig(x);
    case 'tanh':
      return Math.tanh(x);
    case 'relu':
      return Math.max(0, x);
    case 'leaky':
      return x >= 0 ? x : p.alpha * x;
    case 'gelu':
      return x * normalCdf(x);
    case 'swish':
      return x * sig(p.beta * x);
  }
}

/** Closed-form slope of an activation: e.g. `σ′ = σ(1 − σ)`, `swish′ = σ(βx) + βx·σ(βx)(1 − σ(βx))`. */
export function activationSlope(name: ActivationName, x: number, p: ActivationParams): number {
  switch (name) {
    case 'sigmoid':
      return sig(x) * (1 - sig(x));
    case 'tanh':
      return 1 - Math.tanh(x) ** 2;
    case 'relu':
      return x >= 0 ? 1 : 0;
    case 'leaky':
      return x >= 0 ? 1 : p.alpha;
    case 'gelu':
      return normalCdf(x) + x * phi(x);
    case 'swish': {
      const s = sig(p.beta * x);
      return s + p.beta * x * s * (1 - s);
    }
  }
}
