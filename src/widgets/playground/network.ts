import type { ActName, DatasetName, FeatureKey, PlaygroundValues } from './model';
import { CATEGORY_COLORS, CATEGORY_SYMBOLS } from '../_shared/palette';

/**
 * The input features beyond `(x₁, x₂)` a reader can add, each a function of the scaled point in `[−1, 1]²`. The sines
 * take `πx`: over the square `sin x` differs from `x` by at most 0.16 and would add nothing a line cannot do, while
 * `sin πx` goes through a whole period, as `sin x` does over TensorFlow Playground's wider input range.
 */
export const FEATURES: ReadonlyArray<{ key: FeatureKey; label: string; f: (a: number, b: number) => number }> = [
  { key: 'x1sq', label: 'x₁²', f: (a: number, _b: number) => a * a },
  { key: 'x2sq', label: 'x₂²', f: (_a: number, b: number) => b * b },
  { key: 'x1x2', label: 'x₁x₂', f: (a: number, b: number) => a * b },
  { key: 'sin1', label: 'sin πx₁', f: (a: number, _b: number) => Math.sin(Math.PI * a) },
  { key: 'sin2', label: 'sin πx₂', f: (_a: number, b: number) => Math.sin(Math.PI * b) },
];

/** Share of the points held out for testing (never trained on). */
export const TEST_FRACTION = 0.3;

const [blue, orange, green, red, pink] = CATEGORY_COLORS;
const [circle, diamond, triangle, square, star] = CATEGORY_SYMBOLS;
/** The book's palette for up to five classes (blue, orange, bluish green, vermillion, reddish purple). */
export const CLASS_COLORS = [blue, orange, green, red, pink] as const;
/** A distinct Plot symbol per class, so the classes read without colour. */
export const CLASS_SYMBOLS = [circle, diamond, triangle, square, star] as const;
/** Class names in words, matching colour and shape, for text descriptions. */
export const CLASS_NAMES = ['blue circles', 'orange diamonds', 'green triangles', 'red squares', 'pink stars'] as const;

/** Dataset names in words. */
export const DATA_LABELS: Readonly<Record<DatasetName, string>> = {
  spiral: 'spirals',
  xor: 'noisy XOR',
  circles: 'two circles',
  blobs: 'Gaussian blobs',
};

/** How many classes a setting produces: spirals have one per arm, blobs one per blob, XOR and circles two. */
export function classCount(v: Pick<PlaygroundValues, 'data' | 'classes'>): number {
  return v.data === 'spiral' || v.data === 'blobs' ? v.classes : 2;
}

/** The activations in words. */
export const ACT_LABELS: Readonly<Record<ActName, string>> = { relu: 'ReLU', tanh: 'tanh', sigmoid: 'sigmoid', identity: 'linear (identity)' };

/** The features a setting feeds the network: `x₁`, `x₂`, then each ticked extra feature. */
export function features(v: Pick<PlaygroundValues, FeatureKey>): Array<(typeof FEATURES)[number]> {
  return FEATURES.filter((f) => v[f.key]);
}

/** The input features in words, e.g. `x₁, x₂, x₁x₂`. */
export function featureText(v: Pick<PlaygroundValues, FeatureKey>): string {
  return ['x₁', 'x₂', ...features(v).map((f) => f.label)].join(', ');
}

/** The input rows for 2-D points `[a₀, b₀, a₁, b₁, …]`: `(x₁, x₂)` followed by the chosen features of each. */
export function lift(v: Pick<PlaygroundValues, FeatureKey>, points: ArrayLike<number>): Float64Array {
  const fs = features(v);
  const d = 2 + fs.length;
  const n = points.length / 2;
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const [a, b] = [points[2 * i]!, points[2 * i + 1]!];
    out[i * d] = a;
    out[i * d + 1] = b;
    fs.forEach((f, j) => (out[i * d + 2 + j] = f.f(a, b)));
  }
  return out;
}

/** The layer widths, input and output included: `[d, w, …, w, k]` with `d = 2 +` the extra features. */
export function sizes(v: Pick<PlaygroundValues, 'layers' | 'width' | 'data' | 'classes' | FeatureKey>): number[] {
  return [2 + features(v).length, ...Array.from({ length: v.layers }, () => v.width), classCount(v)];
}

/** The L2 coefficient `λ` of a setting. */
export function l2Of(v: Pick<PlaygroundValues, 'l2'>): number {
  return Number(v.l2);
}

/** The architecture in words, e.g. `2-16-16-2 ReLU network`, or `3-2 softmax regression (no hidden layer)`. */
export function architecture(v: PlaygroundValues): string {
  if (v.layers === 0) return `${sizes(v).join('-')} softmax regression (no hidden layer)`;
  return `${sizes(v).join('-')} ${v.act === 'identity' ? 'linear (identity activation)' : ACT_LABELS[v.act]} network`;
}
