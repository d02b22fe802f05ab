/*
 * The loops. Ops (ops-*.ts) state formulas and hand the index arithmetic to these kernels, so this is the one file that
 * indexes buffers in hot loops. Reads are written `a[i]!`: the site type-checks with `noUncheckedIndexedAccess`, which
 * types every array read as possibly undefined, and here the loop bounds keep each index in range.
 *
 * The matrix products skip zero inputs (blank pixels, ReLU outputs: `0·w` adds nothing) and are register-blocked: each
 * pass of an inner loop combines four rows of the other operand, so a value loaded into a register is used four times
 * instead of once. Neither changes the result: every sum still adds its products one at a time, in index order.
 */

let nzIndex = new Int32Array(64);
let nzValue = new Float64Array(64);
let colStart = new Int32Array(64);

/** Grows the shared scratch buffers to hold `n` nonzeros and `cols + 1` column starts. */
function scratch(n: number, cols: number): void {
  if (nzIndex.length < n) {
    nzIndex = new Int32Array(n);
    nzValue = new Float64Array(n);
  }
  if (colStart.length < cols + 1) colStart = new Int32Array(cols + 1);
}

/**
 * `out[n] += x₀·B[p₀,:] + … + x₃·B[p₃,:]` over the `count` (index, value) pairs of `nzIndex`/`nzValue` from `from`: the
 * inner loop of both products below. `B` rows start at `bo + p·n`.
 */
function addRows(b: Float64Array, bo: number, out: Float64Array, oo: number, n: number, from: number, count: number): void {
  const end = from + count;
  let q = from;
  for (; q + 3 < end; q += 4) {
    const x0 = nzValue[q]!;
    const x1 = nzValue[q + 1]!;
    const x2 = nzValue[q + 2]!;
    const x3 = nzValue[q + 3]!;
    const b0 = bo + nzIndex[q]! * n;
    const b1 = bo + nzIndex[q + 1]! * n;
    const b2 = bo + nzIndex[q + 2]! * n;
    const b3 = bo + nzIndex[q + 3]! * n;
    for (let j = 0; j < n; j++) {
      let v = out[oo + j]!;
      v += x0 * b[b0 + j]!;
      v += x1 * b[b1 + j]!;
      v += x2 * b[b2 + j]!;
      v += x3 * b[b3 + j]!;
      out[oo + j] = v;
    }
  }
  const rest = end - q; // 0 to 3 pairs left, added in one pass
  if (rest === 0) return;
  const x0 = nzValue[q]!;
  const x1 = rest > 1 ? nzValue[q + 1]! : 0;
  const x2 = rest > 2 ? nzValue[q + 2]! : 0;
  const b0 = bo + nzIndex[q]! * n;
  const b1 = rest > 1 ? bo + nzIndex[q + 1]! * n : b0;
  const b2 = rest > 2 ? bo + nzIndex[q + 2]! * n : b0;
  if (rest === 1) for (let j = 0; j < n; j++) out[oo + j]! += x0 * b[b0 + j]!;
  else if (rest === 2) for (let j = 0; j < n; j++) out[oo + j] = out[oo + j]! + x0 * b[b0 + j]! + x1 * b[b1 + j]!;
  else for (let j = 0; j < n; j++) out[oo + j] = out[oo + j]! + x0 * b[b0 + j]! + x1 * b[b1 + j]! + x2 * b[b2 + j]!;
}

/** `C[m,n] += A[m,k]·B[k,n]`, all row-major at offsets `ao`, `bo`, `co`; each row of `A` is read once for its nonzeros. */
export function mm(a: Float64Array, ao: number, b: Float64Array, bo: number, c: Float64Array, co: number, m: number, k: number, n: number): void {
  scratch(k, 0);
  for (let i = 0; i < m; i++) {
    let count = 0;
    for (let p = 0, q = ao + i * k; p < k; p++, q++) {
      const x = a[q]!;
      if (x !== 0) {
        nzIndex[count] = p;
        nzValue[count++] = x;
      }
    }
    addRows(b, bo, c, co + i * n, n, 0, count);
  }
}

/** `C[k,n] += A[m,k]ᵀ·G[m,n]` (the weight gradient `Xᵀ·G`): the nonzeros of `A` are regrouped by column first. */
export function mmTN(a: Float64Array, ao: number, g: Float64Array, go: number, c: Float64Array, co: number, m: number, k: number, n: number): void {
  colStart.fill(0, 0, k + 1);
  scratch(0, k);
  for (let i = 0; i < m; i++) for (let p = 0, q = ao + i * k; p < k; p++, q++) if (a[q] !== 0) colStart[p + 1]!++;
  for (let p = 0; p < k; p++) colStart[p + 1]! += colStart[p]!;
  scratch(colStart[k]!, k);
  const fill = colStart.slice(0, k);
  for (let i = 0; i < m; i++) {
    for (let p = 0, q = ao + i * k; p < k; p++, q++) {
      const x = a[q]!;
      if (x === 0) continue;
      const at = fill[p]!++;
      nzIndex[at] = i;
      nzValue[at] = x;
    }
  }
  for (let p = 0; p < k; p++) addRows(g, go, c, co + p * n, n, colStart[p]!, colStart[p + 1]! - colStart[p]!);
}

/** `C[m,k] += G[m,n]·B[k,n]ᵀ` (the input gradient `G·Wᵀ`): dot products of rows, four rows of `B` per pass. */
export function mmNT(g: Float64Array, go: number, b: Float64Array, bo: number, c: Float64Array, co: number, m: number, n: number, k: number): void {
  for (let i = 0; i < m; i++) {
    const gi = go + i * n;
    const ci = co + i * k;
    let p = 0;
    for (; p + 3 < k; p += 4) {
      const b0 = bo + p * n;
      let s0 = c[ci + p]!;
      let s1 = c[ci + p + 1]!;
      let s2 = c[ci + p + 2]!;
      let s3 = c[ci + p + 3]!;
      for (let j = 0; j < n; j++) {
        const x = g[gi + j]!;
        s0 += x * b[b0 + j]!;
        s1 += x * b[b0 + n + j]!;
        s2 += x * b[b0 + 2 * n + j]!;
        s3 += x * b[b0 + 3 * n + j]!;
      }
      c[ci + p] = s0;
      c[ci + p + 1] = s1;
      c[ci + p + 2] = s2;
      c[ci + p + 3] = s3;
    }
    for (; p < k; p++) {
      let s = c[ci + p]!;
      for (let j = 0, b0 = bo + p * n; j < n; j++) s += g[gi + j]! * b[b0 + j]!;
      c[ci + p] = s;
    }
  }
}

/** `out[i,:] = b` for each of the `m` rows: a bias broadcast down a batch. */
export function fillRows(out: Float64Array, b: Float64Array, m: number): void {
  const n = b.length;
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) out[i * n + j] = b[j]!;
}

/** `out[n] += Σᵢ g[i,n]`: column sums, the bias gradient over a batch. */
export function colSum(g: Float64Array, out: Float64Array, m: number, n: number): void {
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) out[j]! += g[i * n + j]!;
}

/** `out[i] = f(a[i])`. */
export function map(a: Float64Array, f: (x: number) => number): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = f(a[i]!);
  return out;
}

/** `a[i] ← f(a[i])`, for a buffer still being built by its op (never a tensor's data). */
export function applyInPlace(a: Float64Array, f: (x: number) => number): void {
  for (let i = 0; i < a.length; i++) a[i] = f(a[i]!);
}

/** `out[i] = f(a[i], b[i])`. */
export function zip(a: Float64Array, b: Float64Array, f: (x: number, y: number) => number): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = f(a[i]!, b[i]!);
  return out;
}

/** `acc[i] += g[i]·df(a[i], y[i])`: the chain rule through an elementwise function `y = f(a)`. */
export function addChain(acc: Float64Array, g: Float64Array, a: Float64Array, y: Float64Array, df: (x: number, y: number) => number): void {
  for (let i = 0; i < g.length; i++) acc[i]! += g[i]! * df(a[i]!, y[i]!);
}

/** `acc[i] += c·x[i]`. */
export function addScaled(acc: Float64Array, x: Float64Array, c = 1): void {
  for (let i = 0; i < x.length; i++) acc[i]! += c * x[i]!;
}

/** `out[i] = a[idx[i]]`: a copy through an index map (slices, transposes, lookups). */
export function gatherAt(a: Float64Array, idx: Int32Array): Float64Array {
  const out = new Float64Array(idx.length);
  for (let i = 0; i < idx.length; i++) out[i] = a[idx[i]!]!;
  return out;
}

/** `acc[idx[i]] += g[i]`: the backward of `gatherAt` (a repeated index accumulates). */
export function scatterAdd(acc: Float64Array, idx: Int32Array, g: Float64Array): void {
  for (let i = 0; i < idx.length; i++) acc[idx[i]!]! += g[i]!;
}

/** `acc[idx[i]] += g[i]·d[i]`: the chain rule through a broadcast elementwise op. */
export function scatterAddProduct(acc: Float64Array, idx: Int32Array, g: Float64Array, d: Float64Array): void {
  for (let i = 0; i < idx.length; i++) acc[idx[i]!]! += g[i]! * d[i]!;
}

/** Stable log-softmax of each length-`k` row: `zⱼ − m − log Σ e^(z − m)` with `m = max z`. */
export function logSoftmaxRows(z: Float64Array, rows: number, k: number): Float64Array {
  const out = new Float64Array(rows * k);
  for (let r = 0; r < rows * k; r += k) {
    let m = -Infinity;
    for (let j = 0; j < k; j++) m = Math.max(m, z[r + j]!);
    let s = 0;
    for (let j = 0; j < k; j++) s += Math.exp(z[r + j]! - m);
    const ls = Math.log(s);
    for (let j = 0; j < k; j++) out[r + j] = z[r + j]! - m - ls;
  }
  return out;
}

/** `−Σᵢ t[i]·logP[i]` over the nonzero targets (so that `0·log 0` counts as 0). */
export function crossEntropySum(t: Float64Array, logP: Float64Array): number {
  let loss = 0;
  for (let i = 0; i < t.length; i++) if (t[i] !== 0) loss -= t[i]! * logP[i]!;
  return loss;
}

/** `acc[i] += c·(a[i] − b[i])`. */
export function addScaledDifference(acc: Float64Array, a: Float64Array, b: Float64Array, c: number): void {
  for (let i = 0; i < a.length; i++) acc[i]! += c * (a[i]! - b[i]!);
}

/** `Σᵢ a[i]·b[i]` over each length-`k` row, one sum per row. */
export function rowDots(a: Float64Array, b: Float64Array, k: number): Float64Array {
  const out = new Float64Array(a.length / k);
  for (let r = 0; r < out.length; r++) for (let j = r * k; j < r * k + k; j++) out[r]! += a[j]! * b[j]!;
  return out;
}
