/** Format a number for a readout: fixed decimals, a true minus sign, and words instead of `NaN`/`Infinity`. */
export function fmt(x: number, decimals = 2): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'undefined' : x > 0 ? 'too large' : 'too small';
  const s = x.toFixed(decimals);
  return (Number(s) === 0 ? (0).toFixed(decimals) : s).replace('-', '−');
}

/** Format a vector as `(a, b, c)` with `fmt`. */
export function fmtVec(v: ArrayLike<number>, decimals = 2): string {
  return `(${Array.from(v, (x) => fmt(x, decimals)).join(', ')})`;
}

const SUPER: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/** A small non-negative number in scientific notation, e.g. `3.2 × 10⁻¹¹`; exactly `0` for zero, words for non-finite. */
export function fmtSci(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'undefined' : 'too large';
  if (x === 0) return '0';
  const [mant = '0', exp = '0'] = x.toExponential(1).split('e');
  const power = String(Number(exp)).replace(/./g, (c) => SUPER[c] ?? c);
  return `${mant.replace('-', '−')} × 10${power}`;
}

/** The power of ten at or below a positive number, e.g. `10⁻¹⁶` for 1.3 × 10⁻¹⁶: an order of magnitude for prose. */
export function fmtPow10(x: number): string {
  if (!(x > 0) || !Number.isFinite(x)) return fmtSci(x);
  return `10${String(Math.floor(Math.log10(x))).replace(/./g, (c) => SUPER[c] ?? c)}`;
}

/**
 * A readout that shows a number: the `text` a reader sees, and the `value` it shows, which the widget also puts in the
 * element's `data-value` (so tests and tools read the number, not the formatted text).
 */
export interface Reading {
  readonly text: string;
  readonly value: number;
}

/** What a readout element shows: plain text, or a number with its text. */
export type Readout = string | Reading;

/** A readout of `value`, shown as `text` (by default `fmt(value, 2)`). */
export const reading = (value: number, text: string = fmt(value)): Reading => ({ text, value });

/** The text a readout shows. */
export const textOf = (r: Readout): string => (typeof r === 'string' ? r : r.text);

/** The `data-value` of a readout: its number as a string, or `undefined` (no attribute) for text or a non-finite value. */
export const valueOf = (r: Readout): string | undefined => (typeof r === 'string' || !Number.isFinite(r.value) ? undefined : String(r.value));

/** The texts of a set of readouts, by name. */
export const textsOf = <K extends string>(readouts: Record<K, Readout>): Record<K, string> =>
  Object.fromEntries(Object.entries<Readout>(readouts).map(([name, r]) => [name, textOf(r)])) as Record<K, string>;
