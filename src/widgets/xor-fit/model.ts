import type { Values } from '../_shared/state';
import { XOR_POINTS } from '../_shared/xor';
import { fmt } from '../_shared/format';

/** The settings of the XOR-vs-linear widget: the model `ŷ = w₁x₁ + w₂x₂ + b`. */
export const props = {
  w1: { kind: 'number', default: 0.5, min: -2, max: 2, step: 0.05 },
  w2: { kind: 'number', default: 0.5, min: -2, max: 2, step: 0.05 },
  b: { kind: 'number', default: 0, min: -2, max: 2, step: 0.05 },
} as const;

export type XorFitValues = Values<typeof props>;

/** The linear model's prediction: `ŷ = w₁x₁ + w₂x₂ + b`. */
export function predict(v: XorFitValues, x1: number, x2: number): number {
  return v.w1 * x1 + v.w2 * x2 + v.b;
}

/** Mean squared error over the four XOR corners: `(1/4) Σ (ŷᵢ − yᵢ)²`. */
export function mse(v: XorFitValues): number {
  return XOR_POINTS.reduce((s, p) => s + (predict(v, p.x, p.y) - p.target) ** 2, 0) / XOR_POINTS.length;
}

/** How many corners a 0.5 threshold classifies correctly: `ŷ > 0.5 ⇔ y = 1`. */
export function correct(v: XorFitValues): number {
  return XOR_POINTS.filter((p) => (predict(v, p.x, p.y) > 0.5 ? 1 : 0) === p.target).length;
}

/** A sentence describing the current model for readers who cannot see the heatmap. */
export function describe(v: XorFitValues): string {
  const preds = XOR_POINTS.map((p) => `${fmt(predict(v, p.x, p.y))} at (${p.x}, ${p.y})`).join(', ');
  const flat = v.w1 === 0 && v.w2 === 0;
  const shape = flat
    ? `The model ignores both inputs and predicts ${fmt(v.b)} everywhere.`
    : `The shading is a tilted plane; the dashed line is where it equals 0.5.`;
  return `${shape} Predictions: ${preds}. Mean squared error ${fmt(mse(v), 3)}; ${correct(v)} of 4 corners on the right side of 0.5.`;
}
