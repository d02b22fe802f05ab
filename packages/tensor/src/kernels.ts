/* Raw row-major matrix kernels shared by ops, the manual backprop and the fitting code. They accumulate into `out`. */

/** `out[m,n] += a[m,k] · b[k,n]` (i-k-j order so the inner loop is contiguous). */
export function mm(
  a: Float64Array, ao: number, b: Float64Array, bo: number, out: Float64Array, oo: number,
  m: number, k: number, n: number,
): void {
  for (let i = 0; i < m; i++) {
    const row = oo + i * n;
    for (let p = 0; p < k; p++) {
      const x = a[ao + i * k + p]!;
      const br = bo + p * n;
      for (let j = 0; j < n; j++) out[row + j]! += x * b[br + j]!;
    }
  }
}

/** `out[m,n] += a[m,k] · b[n,k]ᵀ` (row-by-row dot products). */
export function mmNT(
  a: Float64Array, ao: number, b: Float64Array, bo: number, out: Float64Array, oo: number,
  m: number, k: number, n: number,
): void {
  for (let i = 0; i < m; i++) {
    const ar = ao + i * k;
    for (let j = 0; j < n; j++) {
      const br = bo + j * k;
      let s = 0;
      for (let p = 0; p < k; p++) s += a[ar + p]! * b[br + p]!;
      out[oo + i * n + j]! += s;
    }
  }
}

/** `out[k,n] += a[m,k]ᵀ · b[m,n]` (outer products of rows). */
export function mmTN(
  a: Float64Array, ao: number, b: Float64Array, bo: number, out: Float64Array, oo: number,
  m: number, k: number, n: number,
): void {
  for (let i = 0; i < m; i++) {
    const br = bo + i * n;
    for (let p = 0; p < k; p++) {
      const x = a[ao + i * k + p]!;
      const orow = oo + p * n;
      for (let j = 0; j < n; j++) out[orow + j]! += x * b[br + j]!;
    }
  }
}

/** `out[n] += Σᵢ g[i,n]` — column sums, the bias gradient over a batch. */
export function colSum(g: Float64Array, out: Float64Array, m: number, n: number, scale = 1): void {
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) out[j]! += g[i * n + j]! * scale;
}
