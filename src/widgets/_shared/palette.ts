/**
 * The book's categorical palette: the eight Okabe–Ito colours (safe for the common colour-vision deficiencies),
 * in the order the playground's classes use the first five, then Paul Tol's wine for a ninth, and a Plot symbol to pair with each so categories
 * also differ in shape. Black is drawn with a `currentColor` rim so it shows in the dark theme.
 */
export const CATEGORY_COLORS = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442', '#000000', '#882255'] as const;
/** Filled Plot symbols, one per colour, reused cyclically when there are more categories than symbols. */
export const CATEGORY_SYMBOLS = ['circle', 'diamond', 'triangle', 'square', 'star', 'wye', 'cross'] as const;
/** Items outside every category: grey. */
export const OTHER_COLOR = '#8a8f98';

/** The colour of category `c` (grey for `c < 0`), cycling through the palette. */
export function categoryColor(c: number): string {
  return c < 0 ? OTHER_COLOR : CATEGORY_COLORS[c % CATEGORY_COLORS.length]!;
}

/** The symbol of category `c` (a circle for `c < 0`). */
export function categorySymbol(c: number): string {
  return c < 0 ? 'circle' : CATEGORY_SYMBOLS[c % CATEGORY_SYMBOLS.length]!;
}
