import type { NumberProp, Values } from '../_shared/state';
import { separatingLine, type LabelledPoint, type SeparatingLine } from '../_shared/separating-line';
import { XOR_POINTS } from '../_shared/xor';

const entry = (d: number): NumberProp => ({ kind: 'number', default: d, min: -5, max: 5, step: 0.1 });

/**
 * Settings: two affine layers on a row vector, `h = g(xW⁽¹⁾ + b⁽¹⁾)` and `z = hW⁽²⁾ + b⁽²⁾`, with `g` the identity,
 * a step or ReLU. Entry `W1_ij` is `w_ij` of layer 1, joining input `i` to output `j` (row `i`, column `j`); the
 * biases are 1 × 2 rows, `b1_0j`. The defaults are the lecture notes' transform of chapter 1,
 * `W⁽¹⁾ = [1 −1; 1 −1]`, `b⁽¹⁾ = [−1 1]`, followed by the identity.
 */
export const props = {
  W1_00: entry(1),
  W1_01: entry(-1),
  W1_10: entry(1),
  W1_11: entry(-1),
  b1_00: entry(-1),
  b1_01: entry(1),
  W2_00: entry(1),
  W2_01: entry(0),
  W2_10: entry(0),
  W2_11: entry(1),
  b2_00: entry(0),
  b2_01: entry(0),
  between: { kind: 'choice', default: 'none', options: ['none', 'step', 'relu'] },
} as const;

export type LinearStackValues = Values<typeof props>;
export type Mat2 = readonly [readonly [number, number], readonly [number, number]];
export type Vec2 = readonly [number, number];

/** Named settings an instructor can jump to. */
export const PRESETS: Record<'notes' | 'rotate' | 'identity', Partial<LinearStackValues>> = {
  notes: { W1_00: 1, W1_01: -1, W1_10: 1, W1_11: -1, b1_00: -1, b1_01: 1, W2_00: 1, W2_01: 0, W2_10: 0, W2_11: 1, b2_00: 0, b2_01: 0 },
  rotate: { W1_00: 0.7, W1_01: 0.7, W1_10: -0.7, W1_11: 0.7, b1_00: 0, b1_01: 0, W2_00: 2, W2_01: 0.5, W2_10: 0, W2_11: 1, b2_00: -1, b2_01: 0 },
  identity: { W1_00: 1, W1_01: 0, W1_10: 0, W1_11: 1, b1_00: 0, b1_01: 0, W2_00: 1, W2_01: 0, W2_10: 0, W2_11: 1, b2_00: 0, b2_01: 0 },
};

/** The two layers' parameters: 2 × 2 weight matrices (inputs × outputs) and 1 × 2 bias rows. */
export function layers(v: LinearStackValues): { W1: Mat2; b1: Vec2; W2: Mat2; b2: Vec2 } {
  return {
    W1: [
      [v.W1_00, v.W1_01],
      [v.W1_10, v.W1_11],
    ],
    b1: [v.b1_00, v.b1_01],
    W2: [
      [v.W2_00, v.W2_01],
      [v.W2_10, v.W2_11],
    ],
    b2: [v.b2_00, v.b2_01],
  };
}

/** A row times a matrix: `(xW)_j = Σᵢ xᵢ wᵢⱼ`. */
function times(x: Vec2, W: Mat2): Vec2 {
  return [x[0] * W[0][0] + x[1] * W[1][0], x[0] * W[0][1] + x[1] * W[1][1]];
}

/** An affine layer on a row vector: `xW + b`. */
export function affine(x: Vec2, W: Mat2, b: Vec2): Vec2 {
  const k = times(x, W);
  return [k[0] + b[0], k[1] + b[1]];
}

/** The function between the layers: identity, `step(k) = [k > 0]`, or `ReLU(k) = max(0, k)`. */
export function activate(kind: LinearStackValues['between'], k: Vec2): Vec2 {
  if (kind === 'step') return [k[0] > 0 ? 1 : 0, k[1] > 0 ? 1 : 0];
  if (kind === 'relu') return [Math.max(0, k[0]), Math.max(0, k[1])];
  return k;
}

/** The collapsed single layer: `W′ = W⁽¹⁾W⁽²⁾`, `b′ = b⁽¹⁾W⁽²⁾ + b⁽²⁾`. */
export function collapse(v: LinearStackValues): { W: Mat2; b: Vec2 } {
  const { W1, b1, W2, b2 } = layers(v);
  const W: Mat2 = [times(W1[0], W2), times(W1[1], W2)];
  return { W, b: affine(b1, W2, b2) };
}

/** The network: `z = g(xW⁽¹⁾ + b⁽¹⁾)W⁽²⁾ + b⁽²⁾`, returning the hidden row `h` as well. */
export function network(v: LinearStackValues, x: Vec2): { hidden: Vec2; out: Vec2 } {
  const { W1, b1, W2, b2 } = layers(v);
  const hidden = activate(v.between, affine(x, W1, b1));
  return { hidden, out: affine(hidden, W2, b2) };
}

/** Largest gap between the network and its collapsed layer over a grid on `[−1, 2]²`: `max |net(x) − (xW′ + b′)|`. */
export function collapseGap(v: LinearStackValues): number {
  const { W, b } = collapse(v);
  let gap = 0;
  for (let i = 0; i <= 12; i++) {
    for (let j = 0; j <= 12; j++) {
      const x: Vec2 = [-1 + i / 4, -1 + j / 4];
      const a = network(v, x).out;
      const c = affine(x, W, b);
      gap = Math.max(gap, Math.abs(a[0] - c[0]), Math.abs(a[1] - c[1]));
    }
  }
  return gap;
}

export type StageName = 'input x' | 'hidden h' | 'output';

/** One XOR corner at one stage of the network. */
export interface StagePoint extends LabelledPoint {
  stage: StageName;
  name: string;
}

/** The four XOR corners at each stage: input, after the first layer (and `g`), after the second. */
export function stages(v: LinearStackValues): StagePoint[] {
  return XOR_POINTS.flatMap((p) => {
    const x: Vec2 = [p.x, p.y];
    const { hidden, out } = network(v, x);
    const name = `${p.x}${p.y}`;
    return [
      { stage: 'input x' as const, name, x: x[0], y: x[1], label: p.target },
      { stage: 'hidden h' as const, name, x: hidden[0], y: hidden[1], label: p.target },
      { stage: 'output' as const, name, x: out[0], y: out[1], label: p.target },
    ];
  });
}

/** The widest-margin separating line of each stage's points, or `null` where none exists. */
export function separability(points: readonly StagePoint[]): Record<StageName, SeparatingLine | null> {
  const at = (s: StageName): SeparatingLine | null => separatingLine(points.filter((p) => p.stage === s));
  return { 'input x': at('input x'), 'hidden h': at('hidden h'), output: at('output') };
}
