import type { Values } from '../_shared/state';
import { fmt, reading, type Readout } from '../_shared/format';
import { ACTIVATIONS, ACTIVATION_STYLE, type ActivationName } from '../_shared/activations';

const show = (d: boolean) => ({ kind: 'boolean', default: d }) as const;

/** Settings: which functions are drawn, the probe input `x`, Leaky ReLU's `α`, Swish's `β`, and the focus function whose flat regions are shaded. */
export const props = {
  x: { kind: 'number', default: -2, min: -5, max: 5, step: 0.1 },
  alpha: { kind: 'number', default: 0.1, min: 0, max: 0.5, step: 0.01 },
  beta: { kind: 'number', default: 1, min: 0.1, max: 10, step: 0.1 },
  focus: { kind: 'choice', default: 'sigmoid', options: ACTIVATIONS },
  derivatives: show(true),
  sigmoid: show(true),
  tanh: show(true),
  relu: show(true),
  leaky: show(true),
  gelu: show(false),
  swish: show(true),
} as const;

/** The current settings, one value per prop. */
export type ExplorerValues = Values<typeof props>;

/** The x range every chart spans: `[−5, 5]`. */
export const X_RANGE = [-5, 5] as const;

/** Where a function counts as saturated: `|f′(x)| < 0.05`. */
export const FLAT = 0.05;

/** One function's value and slope at the probe input: `(f(x), f′(x))`. */
export interface Reading {
  name: ActivationName;
  value: number;
  slope: number;
}

/** What the readouts and description need, computed (with autograd) by `curves.ts`. */
export interface Readings {
  at: Reading[];
  /** The focus function's flat stretches `[lo, hi]` inside `X_RANGE`: `|f′| < FLAT`. */
  flat: Array<[number, number]>;
}

/** The functions ticked for display, in the chapter's order: `{ f : show_f }`. */
export function visible(v: ExplorerValues): ActivationName[] {
  return ACTIVATIONS.filter((n) => v[n]);
}

/** A function's name with its current shape parameter, e.g. `Swish (β = 2.0)`. */
export function labelOf(name: ActivationName, v: Pick<ExplorerValues, 'alpha' | 'beta'>): string {
  const base = ACTIVATION_STYLE[name].label;
  if (name === 'swish') return `${base} (β = ${fmt(v.beta, 1)})`;
  if (name === 'leaky') return `${base} (α = ${fmt(v.alpha)})`;
  return base;
}

/** The flat stretches in words: e.g. `x < −2.89 and x > 2.89`, or `nowhere between −5 and 5`. */
export function flatText(flat: ReadonlyArray<readonly [number, number]>): string {
  const [lo, hi] = X_RANGE;
  if (flat.length === 0) return `nowhere between ${fmt(lo, 0)} and ${fmt(hi, 0)}`;
  const parts = flat.map(([a, b]) => {
    if (a <= lo && b >= hi) return `everywhere from ${fmt(lo, 0)} to ${fmt(hi, 0)}`;
    if (a <= lo) return `x < ${fmt(b)}`;
    if (b >= hi) return `x > ${fmt(a)}`;
    return `${fmt(a)} < x < ${fmt(b)}`;
  });
  return parts.join(' and ');
}

/** The gap between Swish and ReLU at the probe, `|x·σ(βx) − max(0, x)|`, from the readings (0 if one is missing). */
export function swishGap(at: readonly Reading[]): number {
  const s = at.find((r) => r.name === 'swish');
  const r = at.find((q) => q.name === 'relu');
  return s && r ? Math.abs(s.value - r.value) : 0;
}

/** A sentence describing both charts for readers who cannot see them. */
export function describe(v: ExplorerValues, r: Readings): string {
  const names = visible(v);
  if (names.length === 0) return 'No function is ticked, so the chart is empty. Tick one or more functions to draw them.';
  const list = names.map((n) => labelOf(n, v)).join(', ');
  const below = v.derivatives ? ', with their slopes in the lower chart' : '';
  const at = r.at
    .filter((q) => names.includes(q.name))
    .map((q) => `${labelOf(q.name, v)} ${fmt(q.value, 3)} (slope ${fmt(q.slope, 3)})`)
    .join('; ');
  const focus = ACTIVATION_STYLE[v.focus].label;
  return `Curves of ${list} for x from −5 to 5${below}. At x = ${fmt(v.x, 1)}: ${at}. Shaded: where ${focus}'s slope is smaller than ${FLAT} in size, ${flatText(r.flat)}.`;
}

/** Every readout's text by its `data-out` name: `value-<f>`, `slope-<f>`, `gap` and `flat`. */
export function readoutTexts(r: Readings): Record<string, Readout> {
  const gap = swishGap(r.at);
  const out: Record<string, Readout> = { gap: reading(gap, fmt(gap, 3)), flat: flatText(r.flat) };
  for (const q of r.at) {
    out[`value-${q.name}`] = reading(q.value, fmt(q.value, 3));
    out[`slope-${q.name}`] = reading(q.slope, fmt(q.slope, 3));
  }
  return out;
}
