/* Raw matrix kernels shared by ops, the manual backprop and the fitting code. They accumulate into `c`. */

/**
 * Strided matrix product `C[m,n] += A[m,k]·B[k,n]`, with `A[i,p] = a[ao + i·ars + p·acs]`, `B[p,j] = b[bo + p·brs + j·bcs]`
 * and `C` row-major at `co`. Rows of `C` are updated four at a time so each loaded `B[p,j]` is used four times; on V8
 * this register blocking about halves the time of the plain i-k-j loop for the narrow layers these widgets train.
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
  let i = 0;
  for (; i + 3 < m; i += 4) {
    const r0 = co + i * n;
    const r1 = r0 + n;
    const r2 = r1 + n;
    const r3 = r2 + n;
    for (let p = 0; p < k; p++) {
      const q = ao + i * ars + p * acs;
      const x0 = a[q]!;
      const x1 = a[q + ars]!;
      const x2 = a[q + 2 * ars]!;
      const x3 = a[q + 3 * ars]!;
      for (let j = 0, pb = bo + p * brs; j < n; j++, pb += bcs) {
        const v = b[pb]!;
        c[r0 + j]! += x0 * v;
        c[r1 + j]! += x1 * v;
        c[r2 + j]! += x2 * v;
        c[r3 + j]! += x3 * v;
      }
    }
  }
  for (; i < m; i++) {
    const row = co + i * n;
    for (let p = 0; p < k; p++) {
      const x = a[ao + i * ars + p * acs]!;
      for (let j = 0, pb = bo + p * brs; j < n; j++, pb += bcs) c[row + j]! += x * b[pb]!;
    }
  }
}

/** `out[m,n] += a[m,k] · b[k,n]`. */
export function mm(a: Float64Array, ao: number, b: Float64Array, bo: number, out: Float64Array, oo: number, m: number, k: number, n: number): void {
  gemm(a, ao, k, 1, b, bo, n, 1, out, oo, m, k, n);
}

/** `out[m,n] += a[m,k] · b[n,k]ᵀ`. */
export function mmNT(a: Float64Array, ao: number, b: Float64Array, bo: number, out: Float64Array, oo: number, m: number, k: number, n: number): void {
  gemm(a, ao, k, 1, b, bo, 1, k, out, oo, m, k, n);
}

/** `out[k,n] += a[m,k]ᵀ · b[m,n]`. */
export function mmTN(a: Float64Array, ao: number, b: Float64Array, bo: number, out: Float64Array, oo: number, m: number, k: number, n: number): void {
  gemm(a, ao, 1, k, b, bo, n, 1, out, oo, k, m, n);
}

/** `out[n] += scale · Σᵢ g[i,n]` — column sums, the bias gradient over a batch. */
export function colSum(g: Float64Array, out: Float64Array, m: number, n: number, scale = 1): void {
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) out[j]! += g[i * n + j]! * scale;
}
