import type { ChoiceProp, NumberProp, Values } from '../_shared/state';

/** Unit indices: the widget has at most eight hinges. */
export const UNITS = [0, 1, 2, 3, 4, 5, 6, 7] as const;
/** One unit's index. */
export type Unit = (typeof UNITS)[number];
/** Which side of its kink a hinge is active on: `s = +1` (right, `x > k`) or `s = −1` (left, `x < k`). */
export type Side = 'right' | 'left';

/** The curves a reader can approximate, each on `x ∈ [−π, π]`. */
export const TARGETS = {
  sin: { label: 'sin x', f: Math.sin, y: [-1.8, 1.8] },
  abs: { label: '|x|', f: Math.abs, y: [-0.8, 3.8] },
  square: { label: 'x² / π', f: (x: number) => (x * x) / Math.PI, y: [-0.8, 3.8] },
  step: { label: 'tanh 3x (a smooth step)', f: (x: number) => Math.tanh(3 * x), y: [-1.8, 1.8] },
} as const;
/** The name of a target curve. */
export type TargetName = keyof typeof TARGETS;

const num = (d: number, min: number, max: number, step = 0.05): NumberProp => ({ kind: 'number', default: d, min, max, step });
const KINKS = [-1.5, 1.5, 2, -2, -0.5, 0.5, -2.5, 2.5];
const SLOPES = [0.65, -0.65, -0.5, 0.5, 0, 0, 0, 0];
const SIDES: Side[] = ['right', 'right', 'right', 'left', 'right', 'left', 'right', 'left'];

/** One setting per unit, keyed `<prefix><unit>`, e.g. `k0 … k7`. */
function perUnit<P extends string, Q>(prefix: P, make: (i: Unit) => Q): Record<`${P}${Unit}`, Q> {
  return Object.fromEntries(UNITS.map((i) => [`${prefix}${i}`, make(i)])) as Record<`${P}${Unit}`, Q>;
}

/**
 * Settings: the target, how many units are used, each unit's kink `kᵢ`, slope `aᵢ` and side `sᵢ`, the output
 * bias `c`, and the training controls. The model is `f(x) = c + Σᵢ aᵢ·ReLU(sᵢ(x − kᵢ))`.
 */
export const props = {
  target: { kind: 'choice', default: 'sin', options: ['sin', 'abs', 'square', 'step'] } as ChoiceProp<TargetName>,
  n: num(2, 1, 8, 1),
  ...perUnit('k', (i) => num(KINKS[i] ?? 0, -4, 4)),
  ...perUnit('a', (i) => num(SLOPES[i] ?? 0, -4, 4)),
  ...perUnit('d', (i) => ({ kind: 'choice', default: SIDES[i] ?? 'right', options: ['right', 'left'] }) as ChoiceProp<Side>),
  c: num(-0.975, -4, 4, 0.025),
  lr: num(0.03, 0.005, 0.5, 0.005),
  seed: num(1, 0, 99, 1),
} as const;

/** The widget's values: one per setting in `props`. */
export type HingeValues = Values<typeof props>;

/** One hinge `a·ReLU(s(x − k))`. */
export interface Hinge {
  k: number;
  a: number;
  s: 1 | -1;
}

/** The hinges in use: units `0 … n−1`. */
export function hinges(v: HingeValues): Hinge[] {
  return UNITS.filter((i) => i < v.n).map((i) => ({ k: v[`k${i}`], a: v[`a${i}`], s: v[`d${i}`] === 'left' ? -1 : 1 }));
}

/** One hinge's value: `a·ReLU(s(x − k))`. */
export function hingeAt(h: Hinge, x: number): number {
  return h.a * Math.max(0, h.s * (x - h.k));
}

/** The sum of hinges: `f(x) = c + Σᵢ aᵢ·ReLU(sᵢ(x − kᵢ))`. */
export function sumAt(v: HingeValues, x: number): number {
  return hinges(v).reduce((s, h) => s + hingeAt(h, x), v.c);
}

/** The target curve `y(x)` chosen in `v`. */
export function targetAt(v: Pick<HingeValues, 'target'>, x: number): number {
  return TARGETS[v.target].f(x);
}

/** The interval every curve is drawn and fitted on: `[−π, π]`. */
export const DOMAIN = [-Math.PI, Math.PI] as const;
/** The 64 evenly spaced sample points `xⱼ = −π + 2πj/63` that the error is measured (and the network trained) on. */
export const XS: readonly number[] = Array.from({ length: 64 }, (_, j) => DOMAIN[0] + ((DOMAIN[1] - DOMAIN[0]) * j) / 63);

/** Mean squared error of the hinge sum on the sample points: `(1/64) Σⱼ (f(xⱼ) − y(xⱼ))²`. */
export function mse(v: HingeValues): number {
  return XS.reduce((s, x) => s + (sumAt(v, x) - targetAt(v, x)) ** 2, 0) / XS.length;
}

/** A 1-N-1 ReLU network `f(x) = c + Σᵢ uᵢ·ReLU(wᵢx + bᵢ)`. */
export interface Net {
  w: number[];
  b: number[];
  u: number[];
  c: number;
}

/** The network that computes the hinges exactly: `wᵢ = sᵢ`, `bᵢ = −sᵢkᵢ`, `uᵢ = aᵢ`. */
export function netFromHinges(v: HingeValues): Net {
  const hs = hinges(v);
  return { w: hs.map((h) => h.s), b: hs.map((h) => -h.s * h.k), u: hs.map((h) => h.a), c: v.c };
}

/** The network's output `c + Σᵢ uᵢ·ReLU(wᵢx + bᵢ)`, computed directly. */
export function netAt(net: Net, x: number): number {
  return net.w.reduce((s, w, i) => s + (net.u[i] ?? 0) * Math.max(0, w * x + (net.b[i] ?? 0)), net.c);
}

/**
 * Read a trained network back as hinges: `kᵢ = −bᵢ/wᵢ`, `sᵢ = sign wᵢ`, `aᵢ = uᵢ|wᵢ|`, because
 * `ReLU(wx + b) = |w|·ReLU(sign(w)(x + b/w))`. A unit with `w = 0` is a constant `uᵢ·ReLU(bᵢ)`, folded into `c`.
 */
export function hingesFromNet(net: Net): Partial<HingeValues> {
  const out: Record<string, number | string> = {};
  let c = net.c;
  net.w.forEach((w, i) => {
    const b = net.b[i] ?? 0;
    const u = net.u[i] ?? 0;
    if (Math.abs(w) < 1e-12) {
      c += u * Math.max(0, b);
      Object.assign(out, { [`k${i}`]: 0, [`a${i}`]: 0, [`d${i}`]: 'right' });
      return;
    }
    Object.assign(out, { [`k${i}`]: -b / w, [`a${i}`]: u * Math.abs(w), [`d${i}`]: w > 0 ? 'right' : 'left' });
  });
  out['c'] = c;
  return out as Partial<HingeValues>;
}

/**
 * The same hinges as slider settings: rounded to 4 decimals and kept inside each slider's range. A kink beyond a slider's
 * end moves to that end; when the hinge is active on the whole interval, the constant it loses, `a·s·(k′ − k)`, goes
 * into `c`, so `f` is unchanged on `[−π, π]`.
 */
export function sliderHinges(exact: Partial<HingeValues>, n: number): Partial<HingeValues> {
  const out: Record<string, number | string> = {};
  let c = exact.c ?? 0;
  for (const i of UNITS.filter((u) => u < n)) {
    const k = exact[`k${i}`] ?? 0;
    const a = exact[`a${i}`] ?? 0;
    const side = exact[`d${i}`] ?? 'right';
    const s = side === 'left' ? -1 : 1;
    const k2 = clamp(props[`k${i}`], k);
    const activeEverywhere = s > 0 ? k2 < DOMAIN[0] : k2 > DOMAIN[1];
    if (k2 !== k && activeEverywhere) c += a * s * (k2 - k);
    Object.assign(out, { [`k${i}`]: round4(k2), [`a${i}`]: round4(clamp(props[`a${i}`], a)), [`d${i}`]: side });
  }
  out['c'] = round4(clamp(props.c, c));
  return out as Partial<HingeValues>;
}

const round4 = (x: number): number => Math.round(x * 1e4) / 1e4 + 0;
const clamp = (p: NumberProp, x: number): number => Math.min(p.max, Math.max(p.min, x));
