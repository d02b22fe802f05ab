import type { Values } from '../_shared/state';
import { fmt } from '../_shared/format';

const logit = (d: number) => ({ kind: 'number', default: d, min: -50, max: 50, step: 0.1 }) as const;

/** The most logits the explorer offers: `K ≤ 6`. */
export const MAX_CLASSES = 6;
/** One class index per logit slider, as strings for the true-class select: `'1' … '6'`. */
export const CLASS_OPTIONS = ['1', '2', '3', '4', '5', '6'] as const;
/** How much the “shift every logit” buttons add: `zᵢ ← zᵢ ± 5`. */
export const SHIFT = 5;
/** Where the naive `e^x` overflows a float64: `x > ln(Number.MAX_VALUE) ≈ 709.78`. */
export const EXP_LIMIT = Math.log(Number.MAX_VALUE);

/** Settings: the class count `K`, the logits `z₁ … z₆` (only the first `K` count), the temperature `T` and the true class `y`. */
export const props = {
  k: { kind: 'number', default: 4, min: 3, max: MAX_CLASSES, step: 1 },
  z1: logit(2),
  z2: logit(1),
  z3: logit(0.5),
  z4: logit(-1),
  z5: logit(0),
  z6: logit(0),
  temp: { kind: 'number', default: 1, min: 0.05, max: 5, step: 0.05 },
  y: { kind: 'choice', default: '1', options: CLASS_OPTIONS },
} as const;

/** The current settings, one value per prop. */
export type SoftmaxValues = Values<typeof props>;
/** The name of one logit setting: `z1 … z6`. */
export type LogitKey = 'z1' | 'z2' | 'z3' | 'z4' | 'z5' | 'z6';

/** The setting that holds logit `i` (0-based): `z{i+1}`. */
export function logitKey(i: number): LogitKey {
  return `z${i + 1}` as LogitKey;
}

/** The first `K` logits: `(z₁, …, z_K)`. */
export function logits(v: SoftmaxValues): number[] {
  return Array.from({ length: v.k }, (_, i) => v[logitKey(i)]);
}

/** The true class as a 0-based index, clamped to the classes in use: `min(y, K) − 1`. */
export function trueClass(v: SoftmaxValues): number {
  return Math.min(Number(v.y), v.k) - 1;
}

/** Every logit moved by `c`, or `undefined` if one would leave the slider range: `zᵢ ← zᵢ + c`. */
export function shifted(v: SoftmaxValues, c: number): Partial<SoftmaxValues> | undefined {
  const { min, max } = props.z1;
  const patch: Partial<SoftmaxValues> = {};
  for (let i = 0; i < MAX_CLASSES; i++) {
    const z = Math.round((v[logitKey(i)] + c) * 10) / 10;
    if (i < v.k && (z < min || z > max)) return undefined;
    patch[logitKey(i)] = Math.min(max, Math.max(min, z));
  }
  return patch;
}

/** What the readouts, description and figure need, computed with the tensor package by `compute.ts`. */
export interface SoftmaxReading {
  /** The probabilities `o = softmax(z/T)`. */
  probs: number[];
  /** The loss `ℓ = −log o_y`. */
  loss: number;
  /** The gradient `∂ℓ/∂z = (o − onehot(y))/T`, by autograd. */
  grad: number[];
  /** `Σᵢ ∂ℓ/∂zᵢ`, zero up to rounding. */
  gradSum: number;
  /** The largest scaled logit `max zᵢ/T`, the exponent a naive softmax would feed to `e^x`. */
  maxScaled: number;
  /** The true class, 0-based. */
  y: number;
}

/** A probability for a readout: four decimals, or scientific notation when it is tiny but not zero (`1.23e−200`). */
export function probText(p: number): string {
  if (p === 0 || p >= 5e-5) return fmt(p, 4);
  return p.toExponential(2).replace('-', '−');
}

/** Whether the textbook formula `e^(zᵢ/T) / Σ e^(zⱼ/T)` would overflow to `∞/∞` (not a number): `max zᵢ/T > 709.78`. */
export function naiveOverflows(r: SoftmaxReading): boolean {
  return r.maxScaled > EXP_LIMIT;
}

/** The naive-formula readout in words: `fine (largest exponent 2.00)` or `overflows: e^1000.0 = ∞`. */
export function naiveText(r: SoftmaxReading): string {
  const x = fmt(r.maxScaled, 1);
  return naiveOverflows(r) ? `overflows: e^${x} = ∞` : `finite (largest exponent ${x})`;
}

/** Every readout's text by its `data-out` name: `p1 …`, `g1 …`, `loss`, `gsum` and `naive`. */
export function readoutTexts(r: SoftmaxReading): Record<string, string> {
  const out: Record<string, string> = { loss: fmt(r.loss, 4), gsum: fmt(r.gradSum, 4), naive: naiveText(r) };
  r.probs.forEach((p, i) => {
    out[`p${i + 1}`] = probText(p);
    out[`g${i + 1}`] = fmt(r.grad[i] ?? 0, 4);
  });
  return out;
}

/** A sentence describing both bar charts for readers who cannot see them. */
export function describe(v: SoftmaxValues, r: SoftmaxReading): string {
  const probs = r.probs.map((p, i) => `class ${i + 1}: ${probText(p)}`).join(', ');
  const grads = r.grad.map((g) => fmt(g, 3)).join(', ');
  return (
    `Top: the probabilities o = softmax(z/T) of ${v.k} classes at temperature ${fmt(v.temp)} — ${probs}; the true class is ${r.y + 1}. ` +
    `${naiveOverflows(r) ? `The naive formula would compute e^${fmt(r.maxScaled, 1)}, which overflows past the largest floating-point number; subtracting the largest logit first keeps every value finite. ` : ''}` +
    `Bottom: the gradient of the loss ℓ = −log o_y = ${fmt(r.loss, 3)} with respect to each logit, (o − onehot)/T = (${grads}), which sums to ${fmt(r.gradSum, 3)}.`
  );
}
