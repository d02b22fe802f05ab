/* Argument checks whose messages name the op and the offending parameter. */
import { type Tensor, fmt } from './tensor.ts';

/** Throws unless `v` is a positive integer: the message names the parameter. */
export function positiveInt(op: string, name: string, v: number): number {
  if (!(Number.isInteger(v) && v > 0)) throw new Error(`${op}: ${name} must be a positive integer, got ${v}`);
  return v;
}

/** Throws unless `lo ≤ v < hi` (or `≤ hi` when `closed`) and finite: the message names the hyperparameter. */
export function checkRange(op: string, name: string, v: number, lo: number, hi = Infinity, closed = false): number {
  const ok = Number.isFinite(v) && v >= lo && (closed ? v <= hi : v < hi);
  if (!ok) throw new Error(`${op}: ${name} must be a finite number in [${lo}, ${hi}${closed ? ']' : ')'}, got ${v}`);
  return v;
}

/** The `[n, d]` of a matrix (a rank-2 tensor), else an error naming the op: `kmeans: expected data [n,d], got [6]`. */
export function matrixShape(op: string, what: string, t: Tensor): [number, number] {
  if (t.shape.length !== 2) throw new Error(`${op}: expected ${what} [n,d], got ${fmt(t.shape)}`);
  return t.shape as [number, number];
}
