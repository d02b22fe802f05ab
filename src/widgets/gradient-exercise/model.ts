import type { Values } from '../_shared/state';

/**
 * The typed-gradient exercise: settings, the parser for what the reader types, and the grader with
 * partial credit. Pure module: no DOM, no tensor package (the answers come from `compute.ts`).
 */

/** Classes `m` and hidden units `v` of the exercise's tiny network. */
export const M = 3;
export const V = 2;

/** Settings: which example is posed; example 0 is the chapter's `z = (2, 1, 0.1)`, `y = 1`. */
export const props = {
  example: { kind: 'number', default: 0, min: 0, max: 99, step: 1 },
} as const;

export type ExerciseValues = Values<typeof props>;

/** One posed example: logits `z` (length 3), the true class `y` (0-based), the hidden vector `h` (length 2). */
export interface Example {
  z: number[];
  y: number;
  h: number[];
}

/** The correct answers: `∂ℓ/∂z = o − T` (length 3) and `∂ℓ/∂U = hᵀ(o − T)` (2 × 3, row-major). */
export interface Answers {
  dz: number[];
  dU: number[];
}

/**
 * How close an entry must be to count as right: one unit in the fourth decimal, the precision the
 * chapter asks for. (A reader who rounds `o` to four decimals and then multiplies by `h` can be off by
 * slightly more than half a unit, so ±0.00005 would mark careful work wrong.)
 */
export const TOLERANCE = 0.0001;

/** Within this distance a wrong entry is "close": right to two decimals but not to four. */
export const CLOSE = 0.01;

/** A parsed entry, or why it could not be read. */
export type Parsed = { ok: true; value: number } | { ok: false; reason: string };

/** Read one typed entry: decimals (`−0.341`, `-.341`, `1e-3`, a comma as decimal point) or a fraction `p/q`. */
export function parseEntry(raw: string): Parsed {
  const s = raw.trim().replace(/[−–]/g, '-').replace(/^\+/, '');
  if (s === '') return { ok: false, reason: 'is empty' };
  const num = (x: string): number => (/^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(x) ? Number(x) : Number.NaN);
  const parts = s.replace(/(\d),(\d)/, '$1.$2').split('/');
  if (parts.length > 2) return { ok: false, reason: `(“${raw.trim()}”) is not a number` };
  const [p = '', q = '1'] = parts.map((x) => x.trim());
  const value = num(p) / num(q);
  if (parts.length === 2 && num(q) === 0) return { ok: false, reason: `(“${raw.trim()}”) divides by zero` };
  if (!Number.isFinite(value)) return { ok: false, reason: `(“${raw.trim().slice(0, 20)}”) is not a number` };
  return { ok: true, value };
}

/** The outcome of checking a typed gradient. */
export interface Grade {
  status: 'right' | 'partial' | 'wrong' | 'invalid';
  /** 0-based indices of entries within the tolerance, off by more, and unreadable. */
  right: number[];
  wrong: number[];
  invalid: number[];
  /** The feedback in words, naming the entries. */
  message: string;
}

/** `entry 2`, `entries 1 and 3`, `entries 1, 2 and 3`. */
export function entryList(indices: readonly number[], name: (i: number) => string): string {
  const names = indices.map(name);
  if (names.length === 1) return `entry ${names[0]}`;
  return `entries ${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** The message for unreadable entries: which ones, and why. */
function invalidMessage(raw: readonly string[], invalid: readonly number[], name: (i: number) => string): string {
  const why = invalid.slice(0, 3).map((i) => {
    const p = parseEntry(raw[i] ?? '');
    return `entry ${name(i)} ${p.ok ? '' : p.reason}`;
  });
  const more = invalid.length > 3 ? ` (and ${invalid.length - 3} more)` : '';
  return `${cap(why.join('; '))}${more}. Type a number in every box, such as −0.341 or 1/3.`;
}

/**
 * Grade typed entries against the answer, entry by entry: right when `|typed − answer| ≤ tol`.
 * `name(i)` names entry `i` for the reader, e.g. `2` or `(1, 3)`.
 */
export function grade(raw: readonly string[], expected: readonly number[], name: (i: number) => string = (i) => String(i + 1), tol = TOLERANCE): Grade {
  const parsed = expected.map((_, i) => parseEntry(raw[i] ?? ''));
  const invalid = parsed.flatMap((p, i) => (p.ok ? [] : [i]));
  const right = parsed.flatMap((p, i) => (p.ok && Math.abs(p.value - (expected[i] ?? 0)) <= tol ? [i] : []));
  const wrong = parsed.flatMap((p, i) => (p.ok && !right.includes(i) ? [i] : []));
  if (invalid.length > 0) return { status: 'invalid', right, wrong, invalid, message: invalidMessage(raw, invalid, name) };
  const n = expected.length;
  if (wrong.length === 0) return { status: 'right', right, wrong, invalid, message: `Right: all ${n} entries are within ${tol} of the answer.` };
  const close = wrong.filter((i) => {
    const p = parsed[i];
    return p?.ok === true && Math.abs(p.value - (expected[i] ?? 0)) <= CLOSE;
  });
  const closeNote =
    close.length > 0
      ? ` ${cap(entryList(close, name))} ${close.length === 1 ? 'is' : 'are'} right to two decimals but not to four: keep more digits in the intermediate steps.`
      : '';
  if (right.length === 0) return { status: 'wrong', right, wrong, invalid, message: `Not yet: all ${n} entries are off by more than ${tol}.${closeNote}` };
  const off = entryList(wrong, name);
  const ok = entryList(right, name);
  return {
    status: 'partial',
    right,
    wrong,
    invalid,
    message: `Partly right: ${off} ${wrong.length === 1 ? 'is' : 'are'} off; ${ok} ${right.length === 1 ? 'is' : 'are'} right.${closeNote}`,
  };
}

/** Name an entry of a row-major `rows × cols` matrix as `(row, column)`, 1-based. */
export function matrixEntryName(cols: number): (i: number) => string {
  return (i) => `(${Math.floor(i / cols) + 1}, ${(i % cols) + 1})`;
}

/** A hint for a wrong `∂ℓ/∂z`: the entries of `o − T` always add up to zero. */
export function sumHint(raw: readonly string[]): string {
  const values = raw.map(parseEntry);
  if (values.some((p) => !p.ok)) return '';
  const sum = values.reduce((s, p) => s + (p.ok ? p.value : 0), 0);
  return Math.abs(sum) > M * TOLERANCE ? ' Hint: the entries of o − T add up to 0, and yours do not.' : '';
}
