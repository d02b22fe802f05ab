import { CATEGORY_COLORS, CATEGORY_SYMBOLS } from './palette';
/** The four XOR corners `(x₁, x₂)` with target `y = x₁ XOR x₂`, in the order 00, 01, 10, 11. */
export const XOR_POINTS: ReadonlyArray<{ x: number; y: number; target: 0 | 1 }> = [
  { x: 0, y: 0, target: 0 },
  { x: 0, y: 1, target: 1 },
  { x: 1, y: 0, target: 1 },
  { x: 1, y: 1, target: 0 },
];

const [blue, orange] = CATEGORY_COLORS;
const [circle, diamond] = CATEGORY_SYMBOLS;

/** The book's palette for two classes (Okabe–Ito blue and orange), readable on light and dark backgrounds. */
export const CLASS_COLORS = [blue, orange] as const;

/** Plot symbols that tell the classes apart without colour. */
export const CLASS_SYMBOLS = [circle, diamond] as const;

/** Heatmap colours for a prediction: pale blue at 0 (class 0), white at ½, pale orange at 1 (class 1). */
export const HEAT_COLOR = {
  type: 'linear',
  domain: [0, 0.5, 1],
  range: ['#a6cee3', '#f7f7f7', '#fdbf6f'],
  clamp: true,
} as const;

/** Ink for lines drawn over a `HEAT_COLOR` heatmap: the heatmap is pale in both themes, so the ink is always dark. */
export const HEAT_INK = '#1f2328';
