import type { ChoiceProp, NumberProp, Values } from '../_shared/state';
import { XOR_POINTS } from '../_shared/xor';

/**
 * The article's trained 2-2-1 ReLU network without biases (PyTorch layout, `W[i][j]` from input `j` to hidden unit `i`):
 * `W = [[1.1485, −1.1486], [−1.0205, 1.0189]]`, `u = [0.8707, 0.9815]`.
 */
export const ARTICLE = { w11: 1.1485, w12: -1.1486, w21: -1.0205, w22: 1.0189, u1: 0.8707, u2: 0.9815 } as const;

const weight = (d: number): NumberProp => ({ kind: 'number', default: d, min: -3, max: 3, step: 0.01 });

/**
 * Settings: the six weights of `ŷ = u₁·ReLU(w₁₁x₁ + w₁₂x₂) + u₂·ReLU(w₂₁x₁ + w₂₂x₂)` (defaults: the article's),
 * whether the ReLU is there, and the from-scratch training run (seed, learning rate, optimizer).
 */
export const props = {
  w11: weight(ARTICLE.w11),
  w12: weight(ARTICLE.w12),
  w21: weight(ARTICLE.w21),
  w22: weight(ARTICLE.w22),
  u1: weight(ARTICLE.u1),
  u2: weight(ARTICLE.u2),
  relu: { kind: 'boolean', default: true },
  seed: { kind: 'number', default: 3, min: 0, max: 99, step: 1 },
  lr: { kind: 'number', default: 0.1, min: 0.01, max: 2, step: 0.01 },
  opt: { kind: 'choice', default: 'gd', options: ['gd', 'adam'] } as ChoiceProp<'gd' | 'adam'>,
} as const;

/** The widget's values: one per setting in `props`. */
export type XorNetValues = Values<typeof props>;
/** The six weights alone. */
export type XorWeights = Pick<XorNetValues, keyof typeof ARTICLE>;
/** The weight keys in a fixed order: `w₁₁, w₁₂, w₂₁, w₂₂, u₁, u₂`. */
export const WEIGHT_KEYS = ['w11', 'w12', 'w21', 'w22', 'u1', 'u2'] as const;

/** The hidden units' inputs (pre-activations): `zᵢ = wᵢ₁x₁ + wᵢ₂x₂`. */
export function preActivation(v: XorWeights, x1: number, x2: number): [number, number] {
  return [v.w11 * x1 + v.w12 * x2, v.w21 * x1 + v.w22 * x2];
}

/** The hidden representation: `hᵢ = ReLU(zᵢ)`, or `hᵢ = zᵢ` with the ReLU removed. */
export function hidden(v: XorWeights & { relu: boolean }, x1: number, x2: number): [number, number] {
  const [z1, z2] = preActivation(v, x1, x2);
  return v.relu ? [Math.max(0, z1), Math.max(0, z2)] : [z1, z2];
}

/** The network's output, a linear model on the hidden space: `ŷ = u₁h₁ + u₂h₂`. */
export function predict(v: XorWeights & { relu: boolean }, x1: number, x2: number): number {
  const [h1, h2] = hidden(v, x1, x2);
  return v.u1 * h1 + v.u2 * h2;
}

/** Without the ReLU the two layers collapse to one: `ŷ = (u·W)x = a·x₁ + b·x₂` with `a = u₁w₁₁ + u₂w₂₁`, `b = u₁w₁₂ + u₂w₂₂`. */
export function collapsed(v: XorWeights): { a: number; b: number } {
  return { a: v.u1 * v.w11 + v.u2 * v.w21, b: v.u1 * v.w12 + v.u2 * v.w22 };
}

/** Mean squared error over the four corners: `(1/4) Σ (ŷ − y)²`. */
export function mse(v: XorWeights & { relu: boolean }): number {
  return XOR_POINTS.reduce((s, p) => s + (predict(v, p.x, p.y) - p.target) ** 2, 0) / XOR_POINTS.length;
}

/** Corners on the right side of ½: `ŷ > ½ ⇔ y = 1`. */
export function correct(v: XorWeights & { relu: boolean }): number {
  return XOR_POINTS.filter((p) => (predict(v, p.x, p.y) > 0.5 ? 1 : 0) === p.target).length;
}

/** The corners (as `"01"`, …) where hidden unit `i` fires: `zᵢ > 0`. */
export function firesOn(v: XorWeights, i: 0 | 1): string[] {
  return XOR_POINTS.filter((p) => preActivation(v, p.x, p.y)[i] > 0).map((p) => `${p.x}${p.y}`);
}

/**
 * Dead hidden units: `zᵢ ≤ 0` on all four corners. Such a unit outputs 0 everywhere on the data and its weights
 * get zero gradient (`∂ℓ/∂wᵢ = Σ uᵢ·[zᵢ > 0]·(ŷ − y)·x = 0`), so gradient descent can never revive it.
 */
export function deadUnits(v: XorWeights): Array<0 | 1> {
  return ([0, 1] as const).filter((i) => firesOn(v, i).length === 0);
}

/**
 * Why a network fails, in words, or `''` when it gets every corner right: dead units, target-1 corners that no unit
 * fires on (they get `ŷ = 0` and send no gradient to any weight), or two units firing on the same corners.
 */
export function diagnose(v: XorWeights & { relu: boolean }): string {
  if (!v.relu) {
    const { a, b } = collapsed(v);
    return `Without the ReLU the network is the linear function ŷ = ${sig(a)}·x₁ ${b < 0 ? '−' : '+'} ${sig(Math.abs(b))}·x₂, and no linear function fits XOR: it predicts 0 at (0, 0) and ŷ(1, 1) = ŷ(0, 1) + ŷ(1, 0).`;
  }
  if (correct(v) === 4 && mse(v) < 0.05) return '';
  const dead = deadUnits(v);
  if (dead.length === 2)
    return 'Both hidden units are dead: their inputs are ≤ 0 on all four corners, so the network outputs 0 everywhere (loss 0.5) and no gradient reaches any weight.';
  const parts: string[] = [];
  if (dead.length === 1)
    parts.push(
      `Hidden unit ${(dead[0] ?? 0) + 1} is dead: its input is ≤ 0 on all four corners, so it outputs 0 and its weights get zero gradient; gradient descent cannot revive it.`,
    );
  const covered = new Set([...firesOn(v, 0), ...firesOn(v, 1)]);
  const orphans = ['01', '10'].filter((c) => !covered.has(c));
  if (orphans.length > 0)
    parts.push(`No unit fires on corner ${orphans.join(' or ')}, so the network predicts 0 there and that error sends no gradient to any weight.`);
  const [f1, f2] = [firesOn(v, 0).join(), firesOn(v, 1).join()];
  if (dead.length === 0 && f1 === f2) parts.push(`Both units fire on the same corners (${f1}), so on the data they act as one linear function of x.`);
  return parts.join(' ');
}

/** Two significant decimals for small coefficients, e.g. `−0.0016`: `x.toPrecision(2)` below 0.1, else two decimals. */
export function sig(x: number): string {
  const s = Math.abs(x) < 0.1 && x !== 0 ? x.toPrecision(2) : x.toFixed(2);
  return s.replace('-', '−');
}
