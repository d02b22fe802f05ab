import { addScaled, applyInPlace, at, gatherAt, indexAt, scatterAdd, stridedIndex } from './kernels.ts';
import { gradOf } from './autograd.ts';
import { Tensor, fmt, recordOp, sizeOf } from './tensor.ts';

interface Axis {
  outer: number;
  n: number;
  inner: number;
  shape: number[];
}

/** Splits `shape` around `axis` into `[outer, n, inner]`; `axis` undefined reduces everything. */
function split(op: string, shape: number[], axis: number | undefined, keepDims: boolean): Axis {
  if (axis === undefined) {
    return { outer: 1, n: sizeOf(shape), inner: 1, shape: keepDims ? shape.map(() => 1) : [] };
  }
  const ax = axis < 0 ? axis + shape.length : axis;
  if (!(ax >= 0 && ax < shape.length)) throw new Error(`${op}: axis ${axis} out of range for shape ${fmt(shape)}`);
  const out = shape.slice();
  if (keepDims) out[ax] = 1;
  else out.splice(ax, 1);
  return { outer: sizeOf(shape.slice(0, ax)), n: shape[ax]!, inner: sizeOf(shape.slice(ax + 1)), shape: out };
}

function sumScaled(op: string, a: Tensor, axis: number | undefined, keepDims: boolean, mean: boolean): Tensor {
  const { outer, n, inner, shape } = split(op, a.shape, axis, keepDims);
  const s = mean ? 1 / n : 1;
  const to = stridedIndex([outer, n, inner], [inner, 0, 1]); // element (o, k, i) of a adds into (o, i) of the sum
  const out = new Float64Array(outer * inner);
  scatterAdd(out, to, a.data);
  if (mean) applyInPlace(out, (v) => v * s);
  return recordOp(op, out, shape, [a], (g) => {
    if (a.requiresGrad) addScaled(gradOf(a), gatherAt(g, to), s);
  });
}

/** Sum of all elements or along one axis: `Σᵢ aᵢ`, `∂/∂aᵢ = 1`. */
export const sum = (a: Tensor, axis?: number, keepDims = false): Tensor => sumScaled('sum', a, axis, keepDims, false);

/** Mean of all elements or along one axis: `(1/n) Σᵢ aᵢ`, `∂/∂aᵢ = 1/n`. */
export const mean = (a: Tensor, axis?: number, keepDims = false): Tensor => sumScaled('mean', a, axis, keepDims, true);

function argmaxIndex(op: string, a: Tensor, axis: number | undefined, keepDims: boolean): [Int32Array, Axis] {
  const ax = split(op, a.shape, axis, keepDims);
  const { outer, n, inner } = ax;
  const idx = new Int32Array(outer * inner);
  const ad = a.data;
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      let best = 0;
      for (let k = 1; k < n; k++) if (at(ad, (o * n + k) * inner + i) > at(ad, (o * n + best) * inner + i)) best = k;
      idx[o * inner + i] = (o * n + best) * inner + i;
    }
  }
  return [idx, ax];
}

/** Maximum of all elements or along one axis: `maxᵢ aᵢ`; the gradient flows to the first maximal element. */
export function max(a: Tensor, axis?: number, keepDims = false): Tensor {
  const [idx, { shape }] = argmaxIndex('max', a, axis, keepDims);
  const out = new Float64Array(idx.length);
  for (let i = 0; i < idx.length; i++) out[i] = at(a.data, indexAt(idx, i));
  return recordOp('max', out, shape, [a], (g) => {
    if (!a.requiresGrad) return;
    const ga = gradOf(a);
    for (let i = 0; i < idx.length; i++) ga[indexAt(idx, i)] = at(ga, indexAt(idx, i)) + at(g, i);
  });
}

/** Index of the first maximum along an axis (no gradient): `argmaxᵢ aᵢ`. */
export function argmax(a: Tensor, axis?: number, keepDims = false): Tensor {
  const [idx, { n, inner, shape }] = argmaxIndex('argmax', a, axis, keepDims);
  const out = new Float64Array(idx.length);
  for (let i = 0; i < idx.length; i++) out[i] = Math.floor(indexAt(idx, i) / inner) % n;
  return new Tensor(out, shape);
}
