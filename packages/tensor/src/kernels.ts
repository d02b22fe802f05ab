/*
 * The loops. Ops (ops-*.ts) state formulas and hand the index arithmetic to these kernels, so this is the one file that
 * indexes buffers in hot loops. Reads go through `at(a, i)`: the site type-checks with `noUncheckedIndexedAccess`, which
 * types every indexed read `a[i]` as possibly undefined, and `at` says once, here, that a kernel's loop bounds keep its
 * indices in range. V8 inlines it, so in a simple loop it costs what `a[i]` costs (iterating with `for…of` would read as
 * cleanly but runs several times slower on typed arrays). Writes need no helper: `acc[i] = at(acc, i) + x` is
 * `acc[i] += x`. The one exception is the innermost loop of the register-blocked product (`block4`, `block1`), which
 * reads `a[i]!` directly: there fifteen inlined calls made the whole product 10–20 % slower (measured in Node 24).
 *
 * The matrix product `gemm` skips zero inputs (blank pixels, ReLU outputs: `0·w` adds nothing) and is register-blocked:
 * it sums a 4 × 2 block of the output in eight local variables, so each loaded value is used two or four times and
 * the output is written once. Neither changes the result: every sum still adds its products one at a time, in order.
 */

/** `a[i]` for an index the caller's loop keeps in range. */
export function at(a: Float64Array, i: number): number {
  return a[i] as number;
}

/** `ids[i]` of an index buffer, for an `i` the caller's loop keeps in range. */
export function indexAt(ids: Int32Array, i: number): number {
  return ids[i] as number;
}

let active = new Int32Array(64);

/**
 * Strided matrix product `C[m,n] += A[m,k]·B[k,n]` with `A[i,p] = a[ao + i·ars + p·acs]`, `B[p,j] = b[bo + p·brs + j·bcs]`
 * and `C` row-major at `co`. Blocks of 4 rows × 2 columns of `C` are summed in eight registers; for each block of rows
 * only the `p` where some row of `A` is nonzero are visited (blank pixels, ReLU outputs). Each `C[i,j]` still adds its
 * products one at a time in increasing `p`, exactly as the plain triple loop would.
 */
export function gemm(
  a: Float64Array,
  ao: number,
  ars: number,
  acs: number,
  b: Float64Array,
  bo: number,
  brs: number,
  bcs: number,
  c: Float64Array,
  co: number,
  m: number,
  k: number,
  n: number,
): void {
  if (active.length < k) active = new Int32Array(k);
  for (let i = 0; i < m; i += 4) {
    const rows = Math.min(4, m - i);
    const a0 = ao + i * ars;
    const a1 = rows > 1 ? a0 + ars : a0;
    const a2 = rows > 2 ? a1 + ars : a0;
    const a3 = rows > 3 ? a2 + ars : a0;
    let count = 0;
    for (let p = 0; p < k; p++) {
      const q = p * acs;
      if (a[a0 + q] !== 0 || a[a1 + q] !== 0 || a[a2 + q] !== 0 || a[a3 + q] !== 0) active[count++] = p;
    }
    if (rows === 4) block4(a, a0, a1, a2, a3, count, b, bo, brs, bcs, acs, c, co + i * n, n);
    else for (let r = 0; r < rows; r++) block1(a, a0 + r * ars, count, b, bo, brs, bcs, acs, c, co + (i + r) * n, n);
  }
}

/** Four rows of `C` (at `ci`, stride `n`) from four rows of `A` (at `a0…a3`) over the `count` indices `p` in `active`. */
function block4(
  a: Float64Array,
  a0: number,
  a1: number,
  a2: number,
  a3: number,
  count: number,
  b: Float64Array,
  bo: number,
  brs: number,
  bcs: number,
  acs: number,
  c: Float64Array,
  ci: number,
  n: number,
): void {
  const c1 = ci + n;
  const c2 = c1 + n;
  const c3 = c2 + n;
  for (let j = 0; j < n; j += 2) {
    const two = j + 1 < n;
    const j1 = two ? j + 1 : j;
    const bj = bo + j * bcs;
    const bj1 = bo + j1 * bcs;
    let s00 = at(c, ci + j);
    let s10 = at(c, c1 + j);
    let s20 = at(c, c2 + j);
    let s30 = at(c, c3 + j);
    let s01 = at(c, ci + j1);
    let s11 = at(c, c1 + j1);
    let s21 = at(c, c2 + j1);
    let s31 = at(c, c3 + j1);
    for (let t = 0; t < count; t++) {
      const p = active[t]!;
      const q = p * acs;
      const x0 = a[a0 + q]!;
      const x1 = a[a1 + q]!;
      const x2 = a[a2 + q]!;
      const x3 = a[a3 + q]!;
      const qb = p * brs;
      const v0 = b[bj + qb]!;
      const v1 = b[bj1 + qb]!;
      s00 += x0 * v0;
      s10 += x1 * v0;
      s20 += x2 * v0;
      s30 += x3 * v0;
      s01 += x0 * v1;
      s11 += x1 * v1;
      s21 += x2 * v1;
      s31 += x3 * v1;
    }
    c[ci + j] = s00;
    c[c1 + j] = s10;
    c[c2 + j] = s20;
    c[c3 + j] = s30;
    if (!two) continue;
    c[ci + j1] = s01;
    c[c1 + j1] = s11;
    c[c2 + j1] = s21;
    c[c3 + j1] = s31;
  }
}

/** One row of `C` (at `ci`) from one row of `A` (at `a0`), visiting only its nonzeros among the `active` offsets. */
function block1(
  a: Float64Array,
  a0: number,
  count: number,
  b: Float64Array,
  bo: number,
  brs: number,
  bcs: number,
  acs: number,
  c: Float64Array,
  ci: number,
  n: number,
): void {
  for (let t = 0; t < count; t++) {
    const p = active[t]!;
    const x = a[a0 + p * acs]!;
    if (x === 0) continue;
    const row = bo + p * brs;
    for (let j = 0; j < n; j++) c[ci + j]! += x * b[row + j * bcs]!;
  }
}

/** `out[m,n] += a[m,k] · b[k,n]`. */
export function mm(a: Float64Array, ao: number, b: Float64Array, bo: number, out: Float64Array, oo: number, m: number, k: number, n: number): void {
  gemm(a, ao, k, 1, b, bo, n, 1, out, oo, m, k, n);
}

/** `out[m,n] += a[m,k] · b[n,k]ᵀ` (the input gradient `G·Wᵀ`). */
export function mmNT(a: Float64Array, ao: number, b: Float64Array, bo: number, out: Float64Array, oo: number, m: number, k: number, n: number): void {
  gemm(a, ao, k, 1, b, bo, 1, k, out, oo, m, k, n);
}

/** `out[k,n] += a[m,k]ᵀ · b[m,n]` (the weight gradient `Xᵀ·G`). */
export function mmTN(a: Float64Array, ao: number, b: Float64Array, bo: number, out: Float64Array, oo: number, m: number, k: number, n: number): void {
  gemm(a, ao, 1, k, b, bo, n, 1, out, oo, k, m, n);
}

/** `out[i,:] = b` for each of the `m` rows: a bias broadcast down a batch. */
export function fillRows(out: Float64Array, b: Float64Array, m: number): void {
  const n = b.length;
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) out[i * n + j] = at(b, j);
}

/** `out[n] += Σᵢ g[i,n]`: column sums, the bias gradient over a batch. */
export function colSum(g: Float64Array, out: Float64Array, m: number, n: number): void {
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) out[j] = at(out, j) + at(g, i * n + j);
}

/** `out[i] = f(a[i])`. */
export function map(a: Float64Array, f: (x: number) => number): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = f(at(a, i));
  return out;
}

/** `a[i] ← f(a[i])`, for a buffer still being built by its op (never a tensor's data); returns `a`. */
export function applyInPlace(a: Float64Array, f: (x: number) => number): Float64Array {
  for (let i = 0; i < a.length; i++) a[i] = f(at(a, i));
  return a;
}

/** `out[i] = f(a[i], b[i])`. */
export function zip(a: Float64Array, b: Float64Array, f: (x: number, y: number) => number): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = f(at(a, i), at(b, i));
  return out;
}

/** `acc[i] += g[i]·df(a[i], y[i])`: the chain rule through an elementwise function `y = f(a)`. */
export function addChain(acc: Float64Array, g: Float64Array, a: Float64Array, y: Float64Array, df: (x: number, y: number) => number): void {
  for (let i = 0; i < g.length; i++) acc[i] = at(acc, i) + at(g, i) * df(at(a, i), at(y, i));
}

/** `out[i] = g[i]·df(a[i], y[i])`: the chain rule through `y = f(a)`, written over `out` (which may be longer). */
export function chainInto(out: Float64Array, g: Float64Array, a: Float64Array, y: Float64Array, df: (x: number, y: number) => number): void {
  for (let i = 0; i < g.length; i++) out[i] = at(g, i) * df(at(a, i), at(y, i));
}

/** `acc[i] += c·x[i]`. */
export function addScaled(acc: Float64Array, x: Float64Array, c = 1): void {
  for (let i = 0; i < x.length; i++) acc[i] = at(acc, i) + c * at(x, i);
}

/** Index maps already built, by shape, strides and offset: an op applied again to same-shaped tensors reuses its map. */
const maps = new Map<string, Int32Array>();

/**
 * The index map of a strided view: `out[i] = offset + Σ_d pos_d·strides[d]` for the multi-index `pos` of element `i` of a
 * row-major `shape` (slices, transposes and broadcasts are views with their own strides; a broadcast axis has stride 0).
 * Maps are cached (up to 256; then the cache starts over), so callers must only read them, never write.
 */
export function stridedIndex(shape: readonly number[], strides: readonly number[], offset = 0): Int32Array {
  const key = `${shape}|${strides}|${offset}`;
  const hit = maps.get(key);
  if (hit) return hit;
  if (maps.size > 256) maps.clear();
  const out = new Int32Array(shape.reduce((n, d) => n * d, 1));
  maps.set(key, out);
  const pos = shape.map(() => 0);
  for (let i = 0; i < out.length; i++) {
    out[i] = pos.reduce((o, p, d) => o + p * (strides[d] ?? 0), offset);
    for (let d = shape.length - 1; d >= 0 && ++pos[d]! === shape[d]; d--) pos[d] = 0;
  }
  return out;
}

/** Row-major strides of a shape: `stride_d = ∏_{e>d} shape_e`. */
export function stridesOf(shape: readonly number[]): number[] {
  return shape.map((_, d) => shape.slice(d + 1).reduce((n, e) => n * e, 1));
}

/** `out[i] = a[idx[i]]`: a copy through an index map (slices, transposes, lookups). */
export function gatherAt(a: Float64Array, idx: Int32Array): Float64Array {
  const out = new Float64Array(idx.length);
  for (let i = 0; i < idx.length; i++) out[i] = at(a, indexAt(idx, i));
  return out;
}

/** `acc[idx[i]] += g[i]`: the backward of `gatherAt` (a repeated index accumulates). */
export function scatterAdd(acc: Float64Array, idx: Int32Array, g: Float64Array): void {
  for (let i = 0; i < idx.length; i++) {
    const j = indexAt(idx, i);
    acc[j] = at(acc, j) + at(g, i);
  }
}

/** `acc[idx[i]] += g[i]·d[i]`: the chain rule through a broadcast elementwise op. */
export function scatterAddProduct(acc: Float64Array, idx: Int32Array, g: Float64Array, d: Float64Array): void {
  for (let i = 0; i < idx.length; i++) {
    const j = indexAt(idx, i);
    acc[j] = at(acc, j) + at(g, i) * at(d, i);
  }
}

/** Stable log-softmax of each length-`k` row: `zⱼ − m − log Σ e^(z − m)` with `m = max z`. */
export function logSoftmaxRows(z: Float64Array, rows: number, k: number): Float64Array {
  const out = new Float64Array(rows * k);
  for (let r = 0; r < rows * k; r += k) {
    let m = -Infinity;
    for (let j = r; j < r + k; j++) m = Math.max(m, at(z, j));
    let s = 0;
    for (let j = r; j < r + k; j++) s += Math.exp(at(z, j) - m);
    const ls = Math.log(s);
    for (let j = r; j < r + k; j++) out[j] = at(z, j) - m - ls;
  }
  return out;
}

/** `−Σᵢ logP[i, yᵢ]`: the cross-entropy `−Σ T⊙logP` with one-hot rows `Tᵢⱼ = [j = yᵢ]` of width `k`, without building them. */
export function labelCrossEntropySum(labels: ArrayLike<number>, logP: Float64Array, k: number): number {
  let loss = 0;
  for (let i = 0; i < labels.length; i++) loss -= at(logP, i * k + (labels[i] as number));
  return loss;
}

/** `acc[i,j] += c·(p[i,j] − [j = yᵢ])`: `acc += c·(P − T)` with one-hot rows of width `k`, without building them. */
export function addScaledMinusOneHot(acc: Float64Array, p: Float64Array, labels: ArrayLike<number>, k: number, c: number): void {
  for (let r = 0; r < labels.length; r++) {
    const y = r * k + (labels[r] as number);
    for (let i = r * k; i < r * k + k; i++) acc[i] = at(acc, i) + c * (at(p, i) - (i === y ? 1 : 0));
  }
}

/** `Σᵢ a[i]·b[i]` over each length-`k` row, one sum per row. */
export function rowDots(a: Float64Array, b: Float64Array, k: number): Float64Array {
  const out = new Float64Array(a.length / k);
  for (let r = 0; r < out.length; r++) {
    let s = 0;
    for (let j = r * k; j < r * k + k; j++) s += at(a, j) * at(b, j);
    out[r] = s;
  }
  return out;
}
