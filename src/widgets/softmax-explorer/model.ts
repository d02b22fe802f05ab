import type { Values } from '../_shared/state';
import { fmt, fmtVec, reading, type Readout } from '../_shared/format';

const logit = (d: number) => ({ kind: 'number', default: d, min: -10, max: 10, step: 0.1 }) as const;

/** The most logits the explorer offers: `m ≤ 6`. */
export const MAX_CLASSES = 6;
/** One class index per logit slider, as strings for the true-class select: `'1' … '6'`. */
export const CLASS_OPTIONS = ['1', '2', '3', '4', '5', '6'] as const;
/** How much the “shift every logit” buttons add to the offset `c`: `zᵢ ← zᵢ ± 5`. */
export const SHIFT = 5;
/** Where the naive `e^x` overflows a float64: `x > ln(Number.MAX_VALUE) ≈ 709.78`. */
export const EXP_LIMIT = Math.log(Number.MAX_VALUE);
/** Where the naive `e^x` underflows to 0: `x < ln(Number.MIN_VALUE) ≈ −744.44`. */
export const EXP_FLOOR = Math.log(Number.MIN_VALUE);
/** The largest offset `|c|` the explorer takes: enough for the chapter's `z = (1000, 999, 998)`. */
export const MAX_OFFSET = 1000;

/**
 * Settings: the class count `m` (setting `k`), the slider logits `z₁ … z₆` (only the first `m` count), an offset `c` added to
 * every logit, the temperature `τ` and the true class `y`. The defaults are the chapter's running example:
 * `z = (2, 1, 0.1)`, `y = 1`, `τ = 1`.
 */
export const props = {
  k: { kind: 'number', default: 3, min: 3, max: MAX_CLASSES, step: 1 },
  z1: logit(2),
  z2: logit(1),
  z3: logit(0.1),
  z4: logit(-1),
  z5: logit(0),
  z6: logit(0.5),
  c: { kind: 'number', default: 0, min: -MAX_OFFSET, max: MAX_OFFSET, step: 1 },
  temp: { kind: 'number', default: 1, min: 0.05, max: 5, step: 0.05 },
  y: { kind: 'choice', default: '1', options: CLASS_OPTIONS },
} as const;

/** The “extreme logits” preset: the chapter's `z = (1000, 999, 998)`, as sliders `(2, 1, 0)` plus the offset `c = 998`. */
export const EXTREME: Partial<SoftmaxValues> = { k: 3, z1: 2, z2: 1, z3: 0, c: 998, temp: 1 };

/** The current settings, one value per prop. */
export type SoftmaxValues = Values<typeof props>;
/** The name of one logit setting: `z1 … z6`. */
export type LogitKey = 'z1' | 'z2' | 'z3' | 'z4' | 'z5' | 'z6';

/** The setting that holds logit `i` (0-based): `z{i+1}`. */
export function logitKey(i: number): LogitKey {
  return `z${i + 1}` as LogitKey;
}

/** The first `m` logits, offset included: `(z₁ + c, …, z_m + c)`. */
export function logits(v: SoftmaxValues): number[] {
  return Array.from({ length: v.k }, (_, i) => Math.round((v[logitKey(i)] + v.c) * 10) / 10);
}

/** Whether the true class is one of the `m` classes in use. */
export function classInRange(v: SoftmaxValues): boolean {
  return Number(v.y) <= v.k;
}

/** The true class as a 0-based index; a class beyond `m` (from an old link) falls back to class 1. */
export function trueClass(v: SoftmaxValues): number {
  return classInRange(v) ? Number(v.y) - 1 : 0;
}

/** The sentence shown when the true class is not among the `m` classes, and the class used instead. */
export function classNote(v: SoftmaxValues): string {
  return classInRange(v) ? '' : `There is no class ${v.y} among m = ${v.k} classes, so the true class is class 1.`;
}

/** Every logit moved by `d` through the offset, or `undefined` past `±MAX_OFFSET`: `c ← c + d`. */
export function shifted(v: SoftmaxValues, d: number): Partial<SoftmaxValues> | undefined {
  const c = v.c + d;
  return Math.abs(c) > MAX_OFFSET ? undefined : { c };
}

/** What the readouts, description and figure need, computed with the tensor package by `compute.ts`. */
export interface SoftmaxReading {
  /** The probabilities `o = softmax(z/τ)`. */
  probs: number[];
  /** The loss `ℓ = −log o_y`. */
  loss: number;
  /** `o − T`, the gradient of `ℓ` with respect to the scaled logits `z/τ` (by autograd); at `τ = 1` it is `∂ℓ/∂z`. */
  diff: number[];
  /** The gradient with respect to the logits themselves, `∂ℓ/∂z = (o − T)/τ`, by autograd. */
  grad: number[];
  /** `Σᵢ (oᵢ − Tᵢ)`, zero up to rounding. */
  gradSum: number;
  /** The largest scaled logit `max zᵢ/τ`, the exponent a naive softmax would feed to `e^x`. */
  maxScaled: number;
  /** The true class, 0-based. */
  y: number;
}

/** A probability for a readout: four decimals, or scientific notation when it is tiny but not zero (`1.23e−200`). */
export function probText(p: number): string {
  if (p === 0 || p >= 5e-5) return fmt(p, 4);
  return p.toExponential(2).replace('-', '−');
}

/** Whether the textbook formula `e^(zᵢ/τ) / Σ e^(zⱼ/τ)` would overflow to `∞/∞` (not a number): `max zᵢ/τ > 709.78`. */
export function naiveOverflows(r: SoftmaxReading): boolean {
  return r.maxScaled > EXP_LIMIT;
}

/** Whether every naive `e^(zᵢ/τ)` would underflow to 0, giving `0/0`: `max zᵢ/τ < −744.44`. */
export function naiveUnderflows(r: SoftmaxReading): boolean {
  return r.maxScaled < EXP_FLOOR;
}

/** The naive-formula readout in words: `finite (largest exponent 2.0)`, `overflows: e^1000.0 = ∞` or `underflows: every e^x = 0`. */
export function naiveText(r: SoftmaxReading): string {
  const x = fmt(r.maxScaled, 1);
  if (naiveOverflows(r)) return `overflows: e^${x} = ∞`;
  if (naiveUnderflows(r)) return 'underflows: every e^x = 0';
  return `finite (largest exponent ${x})`;
}

/** Every readout's text by its `data-out` name: `p1 …`, `g1 …` (`oᵢ − Tᵢ`), `z` (the logits), `loss`, `gsum`, `dz` and `naive`. */
export function readoutTexts(v: SoftmaxValues, r: SoftmaxReading): Record<string, Readout> {
  const out: Record<string, Readout> = {
    z: fmtVec(logits(v), 1),
    loss: reading(r.loss, fmt(r.loss, 4)),
    gsum: reading(r.gradSum, fmt(r.gradSum, 4)),
    dz: fmtVec(r.grad, 4),
    naive: naiveText(r),
  };
  r.probs.forEach((p, i) => {
    out[`p${i + 1}`] = reading(p, probText(p));
    out[`g${i + 1}`] = reading(r.diff[i] ?? 0, fmt(r.diff[i] ?? 0, 4));
  });
  return out;
}

/** A sentence describing both bar charts for readers who cannot see them. */
export function describe(v: SoftmaxValues, r: SoftmaxReading): string {
  const probs = r.probs.map((p, i) => `class ${i + 1}: ${probText(p)}`).join(', ');
  const naive = naiveOverflows(r)
    ? `The naive formula would compute e^${fmt(r.maxScaled, 1)}, which overflows past the largest floating-point number, and ∞/∞ is not a number; subtracting the largest logit first keeps every value finite. `
    : naiveUnderflows(r)
      ? 'The naive formula would round every exponential to 0, and 0/0 is not a number; subtracting the largest logit first keeps every value finite. '
      : '';
  return (
    `Top: the probabilities o = softmax(z/τ) of the logits z = ${fmtVec(logits(v), 1)} at temperature τ = ${fmt(v.temp)} — ${probs}; the true class is ${r.y + 1}. ` +
    naive +
    `Bottom: o − T, the probabilities minus the one-hot target, ${fmtVec(r.diff, 3)}, which sums to ${fmt(r.gradSum, 3)}; the loss is ℓ = −log o_y = ${fmt(r.loss, 3)} and its gradient ∂ℓ/∂z = (o − T)/τ.`
  );
}
