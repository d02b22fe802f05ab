import type { NumberProp, Values } from '../_shared/state';
import { XOR_POINTS } from '../_shared/xor';
import { fmt } from '../_shared/format';

const weight = (d: number): NumberProp => ({ kind: 'number', default: d, min: -3, max: 3, step: 0.05 });

/** Settings: the lifted linear model `ŷ = w₁x₁ + w₂x₂ + w₃·x₁x₂ + b`; `w₃ = 0` is the plain linear model. */
export const props = {
  w1: weight(1),
  w2: weight(1),
  w3: weight(0),
  b: weight(0),
} as const;

export type LiftValues = Values<typeof props>;

/** The lifted model: `ŷ = w₁x₁ + w₂x₂ + w₃x₁x₂ + b`, linear in the features `(x₁, x₂, x₁x₂)`. */
export function predict(v: LiftValues, x1: number, x2: number): number {
  return v.w1 * x1 + v.w2 * x2 + v.w3 * x1 * x2 + v.b;
}

/** Coordinates of a corner in the 2-D view of the lifted space: `(w₁x₁ + w₂x₂, x₁x₂)`; the boundary there is the line `s + w₃p + b = ½`. */
export function liftedView(v: LiftValues, x1: number, x2: number): { s: number; p: number } {
  return { s: v.w1 * x1 + v.w2 * x2, p: x1 * x2 };
}

/** Mean squared error over the four XOR corners: `(1/4) Σ (ŷᵢ − yᵢ)²`. */
export function mse(v: LiftValues): number {
  return XOR_POINTS.reduce((s, p) => s + (predict(v, p.x, p.y) - p.target) ** 2, 0) / XOR_POINTS.length;
}

/** Corners on the right side of the threshold: `ŷ > ½ ⇔ y = 1`. */
export function correct(v: LiftValues): number {
  return XOR_POINTS.filter((p) => (predict(v, p.x, p.y) > 0.5 ? 1 : 0) === p.target).length;
}

/** A sentence describing both panels for readers who cannot see them. */
export function describe(v: LiftValues): string {
  const preds = XOR_POINTS.map((p) => `${fmt(predict(v, p.x, p.y))} at (${p.x}, ${p.y})`).join(', ');
  const k = correct(v);
  const verdict = k === 4 ? 'The plane separates XOR: all four corners are on the right side of 0.5.' : `${k} of 4 corners are on the right side of 0.5.`;
  const shape =
    v.w3 === 0
      ? 'With w₃ = 0 this is the plain linear model: its 0.5 boundary is a straight line in both views.'
      : 'In the input square the 0.5 boundary is a curve (a hyperbola); in the lifted view it is a straight line.';
  return `${shape} Predictions: ${preds}. ${verdict} Mean squared error ${fmt(mse(v), 3)}.`;
}
