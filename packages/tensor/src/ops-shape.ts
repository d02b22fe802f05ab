import { gradOf } from './autograd.ts';
import { addScaled, gatherAt, scatterAdd, stridedIndex, stridesOf } from './kernels.ts';
import { type Tensor, fmt, recordOp, sizeOf } from './tensor.ts';

/** The primitive behind every copying op: `out[i] = a[idx[i]]`, `∂ℓ/∂a[idx[i]] += g[i]` (a repeated index accumulates). */
function pick(op: string, a: Tensor, idx: Int32Array, shape: number[]): Tensor {
  return recordOp(op, gatherAt(a.data, idx), shape, [a], (g) => {
    if (a.requiresGrad) scatterAdd(gradOf(a), idx, g);
  });
}

/** Same data, new shape (one entry may be −1 and is inferred): `reshape(a)ᵢ = aᵢ`, `∂ℓ/∂a = reshape(g)`. */
export function reshape(a: Tensor, shape: number[]): Tensor {
  const known = sizeOf(shape.filter((d) => d !== -1));
  const s = shape.map((d) => (d === -1 ? a.size / known : d));
  if (sizeOf(s) !== a.size || !s.every(Number.isInteger)) {
    throw new Error(`reshape: ${fmt(a.shape)} to ${fmt(shape)} — sizes ${a.size} and ${sizeOf(s)} differ`);
  }
  return recordOp('reshape', a.data, s, [a], (g) => {
    if (a.requiresGrad) addScaled(gradOf(a), g);
  });
}

/** A box of `a` starting at `begin` with extent `size` (−1 = to the end): `out[i] = a[begin + i]`, gradient scattered back. */
export function slice(a: Tensor, begin: number[], size: number[]): Tensor {
  const shape = a.shape.map((n, d) => {
    const b = begin[d] ?? 0;
    const s = size[d] === undefined || size[d] === -1 ? n - b : size[d]!;
    if (b < 0 || s < 0 || b + s > n) throw new Error(`slice: ${fmt(begin)}+${fmt(size)} out of range for ${fmt(a.shape)}`);
    return s;
  });
  const strides = stridesOf(a.shape);
  const idx = stridedIndex(
    shape,
    strides,
    strides.reduce((o, st, d) => o + st * (begin[d] ?? 0), 0),
  );
  return pick('slice', a, idx, shape);
}

/** Joins tensors along `axis`; all other dimensions must agree: `concat(a, b) = [a | b]`, gradient split back. */
export function concat(ts: Tensor[], axis = 0): Tensor {
  const first = ts[0];
  if (!first) throw new Error('concat: expected at least one tensor');
  const ax = axis < 0 ? axis + first.shape.length : axis;
  const outer = sizeOf(first.shape.slice(0, ax));
  const inner = sizeOf(first.shape.slice(ax + 1));
  for (const t of ts) {
    const ok = t.shape.length === first.shape.length && t.shape.every((d, i) => i === ax || d === first.shape[i]);
    if (!ok) throw new Error(`concat: ${fmt(first.shape)} and ${fmt(t.shape)} differ outside axis ${axis}`);
  }
  const total = ts.reduce((s, t) => s + t.shape[ax]!, 0);
  const out = new Float64Array(outer * total * inner);
  const offsets: number[] = [];
  let off = 0;
  for (const t of ts) {
    const w = t.shape[ax]! * inner;
    offsets.push(off);
    for (let o = 0; o < outer; o++) out.set(t.data.subarray(o * w, o * w + w), o * total * inner + off);
    off += w;
  }
  const shape = first.shape.slice();
  shape[ax] = total;
  return recordOp('concat', out, shape, ts, (g) => {
    ts.forEach((t, k) => {
      if (!t.requiresGrad) return;
      const [gt, w, off] = [gradOf(t), t.shape[ax]! * inner, offsets[k]!];
      for (let o = 0; o < outer; o++) addScaled(gt.subarray(o * w, o * w + w), g.subarray(o * total * inner + off, o * total * inner + off + w));
    });
  });
}
