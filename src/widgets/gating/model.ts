import type { NumberProp, Values } from '../_shared/state';
import { XOR_POINTS } from '../_shared/xor';
import { fmt } from '../_shared/format';

const weight = (d: number): NumberProp => ({ kind: 'number', default: d, min: -3, max: 3, step: 0.05 });

/**
 * Settings of one gated unit on 2-D inputs: `ŷ = Swish_β(w₁x₁ + w₂x₂ + b) · (w′₁x₁ + w′₂x₂ + b′)`
 * (a SwiGLU block with one hidden unit and output weight 1), written as chapter 2 writes it: gate weights `w`, `b`,
 * value weights `w′`, `b′` (settings `wp1`, `wp2`, `bp`). The defaults are the XOR preset.
 */
export const props = {
  w1: weight(1),
  w2: weight(1),
  b: weight(0),
  wp1: weight(-1),
  wp2: weight(-1),
  bp: weight(2),
  beta: { kind: 'number', default: 1, min: 0.1, max: 5, step: 0.1 },
} as const;

/** The current settings, one value per prop. */
export type GatingValues = Values<typeof props>;

/** Presets: XOR, where gate × value contains `−2x₁x₂`; and a constant gate (`w = 0`), which leaves a linear model. */
export const PRESETS: Readonly<Record<'xor' | 'constant', GatingValues>> = {
  xor: { w1: 1, w2: 1, b: 0, wp1: -1, wp2: -1, bp: 2, beta: 1 },
  constant: { w1: 0, w2: 0, b: 2, wp1: 0.5, wp2: 0.5, bp: 0, beta: 1 },
};

/** Coefficients of the product when the gate is linear, on the corners where `x² = x`: `y ≈ a₁x₁ + a₂x₂ + a₁₂x₁x₂ + a₀`. */
export interface Expansion {
  a1: number;
  a2: number;
  a12: number;
  a0: number;
}

/** Expand `(w·x + b)(w′·x + b′)` and use `x² = x` on the corners: `a₁₂ = w₁w′₂ + w₂w′₁`, `a₁ = w₁w′₁ + w₁b′ + bw′₁`, `a₀ = bb′`. */
export function expansion(v: GatingValues): Expansion {
  return {
    a1: v.w1 * v.wp1 + v.w1 * v.bp + v.b * v.wp1,
    a2: v.w2 * v.wp2 + v.w2 * v.bp + v.b * v.wp2,
    a12: v.w1 * v.wp2 + v.w2 * v.wp1,
    a0: v.b * v.bp,
  };
}

/** A polynomial in words, zero terms dropped: e.g. `x₁ + x₂ − 2·x₁x₂`. */
export function polyText(e: Expansion): string {
  const terms: Array<[number, string]> = [
    [e.a1, 'x₁'],
    [e.a2, 'x₂'],
    [e.a12, 'x₁x₂'],
    [e.a0, ''],
  ];
  const parts = terms
    .filter(([a]) => Math.abs(a) >= 0.005)
    .map(([a, t], i) => {
      const size = Math.abs(a);
      const num = t && Math.abs(size - 1) < 0.005 ? '' : fmt(size);
      const body = t ? (num ? `${num}·${t}` : t) : num;
      return i === 0 ? (a < 0 ? `−${body}` : body) : `${a < 0 ? '−' : '+'} ${body}`;
    });
  return parts.length ? parts.join(' ') : '0';
}

/** Corners on the right side of ½, given the outputs in `XOR_POINTS` order: `ŷ > ½ ⇔ y = 1`. */
export function correct(outputs: ArrayLike<number>): number {
  return XOR_POINTS.filter((p, i) => ((outputs[i] ?? 0) > 0.5 ? 1 : 0) === p.target).length;
}

/** Every readout's text by its `data-out` name: the corner outputs, the count, and the expansion. */
export function readoutTexts(v: GatingValues, outputs: ArrayLike<number>): Record<string, string> {
  const out: Record<string, string> = {
    correct: `${correct(outputs)} of 4`,
    cross: fmt(expansion(v).a12),
    poly: polyText(expansion(v)),
  };
  XOR_POINTS.forEach((p, i) => (out[`y${p.x}${p.y}`] = fmt(outputs[i] ?? 0)));
  return out;
}

/** A sentence describing the heatmap for readers who cannot see it. */
export function describe(v: GatingValues, outputs: ArrayLike<number>): string {
  const k = correct(outputs);
  const preds = XOR_POINTS.map((p, i) => `${fmt(outputs[i] ?? 0)} at (${p.x}, ${p.y})`).join(', ');
  const gateOff = v.w1 === 0 && v.w2 === 0;
  const shape = gateOff
    ? 'The gate ignores the input, so the output is a constant times a linear function: its 0.5 boundary is a straight line.'
    : 'The output is the gate times the value; where either is near zero the product is near zero, and the 0.5 boundary bends.';
  const verdict = k === 4 ? 'All four XOR corners are on the right side of 0.5.' : `${k} of 4 corners are on the right side of 0.5.`;
  return `${shape} Outputs: ${preds}. ${verdict} With a linear gate the product on the corners would be ${polyText(expansion(v))}.`;
}
