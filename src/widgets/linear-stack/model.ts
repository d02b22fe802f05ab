import type { NumberProp, Values } from '../_shared/state';
import { separatingLine, type LabelledPoint, type SeparatingLine } from '../_shared/separating-line';
import { XOR_POINTS } from '../_shared/xor';

const entry = (d: number): NumberProp => ({ kind: 'number', default: d, min: -5, max: 5, step: 0.1 });

/**
 * Settings: two affine layers `h = g(W⁽⁰⁾x + b⁽⁰⁾)`, `out = W⁽¹⁾h + b⁽¹⁾` with `g` the identity, a step or ReLU.
 * Entry `W0_ij` is row i, column j. The defaults are the lecture notes' transform followed by the identity.
 */
export const props = {
  W0_00: entry(1),
  W0_01: entry(1),
  W0_10: entry(-1),
  W0_11: entry(-1),
  b0_0: entry(-1),
  b0_1: entry(1),
  W1_00: entry(1),
  W1_01: entry(0),
  W1_10: entry(0),
  W1_11: entry(1),
  b1_0: entry(0),
  b1_1: entry(0),
  between: { kind: 'choice', default: 'none', options: ['none', 'step', 'relu'] },
} as const;

export type LinearStackValues = Values<typeof props>;
export type Mat2 = readonly [readonly [number, number], readonly [number, number]];
export type Vec2 = readonly [number, number];

/** Named settings an instructor can jump to. */
export const PRESETS: Record<'notes' | 'rotate' | 'identity', Partial<LinearStackValues>> = {
  notes: { W0_00: 1, W0_01: 1, W0_10: -1, W0_11: -1, b0_0: -1, b0_1: 1, W1_00: 1, W1_01: 0, W1_10: 0, W1_11: 1, b1_0: 0, b1_1: 0 },
  rotate: { W0_00: 0.7, W0_01: -0.7, W0_10: 0.7, W0_11: 0.7, b0_0: 0, b0_1: 0, W1_00: 2, W1_01: 0, W1_10: 0.5, W1_11: 1, b1_0: -1, b1_1: 0 },
  identity: { W0_00: 1, W0_01: 0, W0_10: 0, W0_11: 1, b0_0: 0, b0_1: 0, W1_00: 1, W1_01: 0, W1_10: 0, W1_11: 1, b1_0: 0, b1_1: 0 },
};

/** The two layers' parameters as matrices and vectors. */
export function layers(v: LinearStackValues): { W0: Mat2; b0: Vec2; W1: Mat2; b1: Vec2 } {
  return {
    W0: [
      [v.W0_00, v.W0_01],
      [v.W0_10, v.W0_11],
    ],
    b0: [v.b0_0, v.b0_1],
    W1: [
      [v.W1_00, v.W1_01],
      [v.W1_10, v.W1_11],
    ],
    b1: [v.b1_0, v.b1_1],
  };
}

/** An affine map: `W·p + b`. */
export function affine(W: Mat2, b: Vec2, p: Vec2): Vec2 {
  return [W[0][0] * p[0] + W[0][1] * p[1] + b[0], W[1][0] * p[0] + W[1][1] * p[1] + b[1]];
}

/** The function between the layers: identity, `step(z) = [z > 0]`, or `relu(z) = max(0, z)`. */
export function activate(kind: LinearStackValues['between'], p: Vec2): Vec2 {
  if (kind === 'step') return [p[0] > 0 ? 1 : 0, p[1] > 0 ? 1 : 0];
  if (kind === 'relu') return [Math.max(0, p[0]), Math.max(0, p[1])];
  return p;
}

/** The collapsed single layer: `W' = W⁽¹⁾W⁽⁰⁾`, `b' = W⁽¹⁾b⁽⁰⁾ + b⁽¹⁾`. */
export function collapse(v: LinearStackValues): { W: Mat2; b: Vec2 } {
  const { W0, b0, W1, b1 } = layers(v);
  const W: Mat2 = [
    [W1[0][0] * W0[0][0] + W1[0][1] * W0[1][0], W1[0][0] * W0[0][1] + W1[0][1] * W0[1][1]],
    [W1[1][0] * W0[0][0] + W1[1][1] * W0[1][0], W1[1][0] * W0[0][1] + W1[1][1] * W0[1][1]],
  ];
  return { W, b: affine(W1, b1, b0) };
}

/** The network: `out = W⁽¹⁾ g(W⁽⁰⁾x + b⁽⁰⁾) + b⁽¹⁾`, returning the hidden point as well. */
export function network(v: LinearStackValues, x: Vec2): { hidden: Vec2; out: Vec2 } {
  const { W0, b0, W1, b1 } = layers(v);
  const hidden = activate(v.between, affine(W0, b0, x));
  return { hidden, out: affine(W1, b1, hidden) };
}

/** Largest gap between the network and its collapsed layer over a grid on `[−1, 2]²`: `max |net(x) − (W'x + b')|`. */
export function collapseGap(v: LinearStackValues): number {
  const { W, b } = collapse(v);
  let gap = 0;
  for (let i = 0; i <= 12; i++) {
    for (let j = 0; j <= 12; j++) {
      const x: Vec2 = [-1 + i / 4, -1 + j / 4];
      const a = network(v, x).out;
      const c = affine(W, b, x);
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
