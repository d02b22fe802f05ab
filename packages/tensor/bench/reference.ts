/* A plain hand-written Float32Array MLP (dense layers, tanh/relu, softmax cross-entropy, SGD) with preallocated buffers:
   the "what would I write by hand" baseline the package is measured against. */

export type Act = 'tanh' | 'relu';

export interface RefNet {
  /** One full-batch SGD step; returns the loss. */
  step(lr: number): number;
  /** Forward pass over `x` (rows of `sizes[0]`), writing logits into the returned buffer. */
  forward(x: Float32Array, rows: number): Float32Array;
}

/** Builds the reference network with the given weights (`[in,out]` row-major) and training data. */
export function referenceMlp(sizes: number[], act: Act, weights: Float32Array[], biases: Float32Array[], x: Float32Array, labels: Int32Array): RefNet {
  const L = sizes.length - 1;
  const n = labels.length;
  const hs = sizes.map((s) => new Float32Array(n * s)); // hs[0] is the input, hs[l] layer outputs (post-activation)
  hs[0]!.set(x);
  const gs = sizes.map((s) => new Float32Array(n * s));
  const gW = weights.map((w) => new Float32Array(w.length));
  const gb = biases.map((b) => new Float32Array(b.length));

  function layer(inp: Float32Array, out: Float32Array, rows: number, l: number): void {
    const k = sizes[l]!;
    const m = sizes[l + 1]!;
    const W = weights[l]!;
    const b = biases[l]!;
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < m; j++) out[i * m + j] = b[j]!;
      for (let p = 0; p < k; p++) {
        const v = inp[i * k + p]!;
        for (let j = 0; j < m; j++) out[i * m + j]! += v * W[p * m + j]!;
      }
    }
    if (l < L - 1) {
      const s = rows * m;
      if (act === 'tanh') for (let i = 0; i < s; i++) out[i] = Math.tanh(out[i]!);
      else for (let i = 0; i < s; i++) out[i] = out[i]! > 0 ? out[i]! : 0;
    }
  }

  function step(lr: number): number {
    for (let l = 0; l < L; l++) layer(hs[l]!, hs[l + 1]!, n, l);
    const c = sizes[L]!;
    const z = hs[L]!;
    const gz = gs[L]!;
    let loss = 0;
    for (let i = 0; i < n; i++) {
      let mx = -Infinity;
      for (let j = 0; j < c; j++) mx = Math.max(mx, z[i * c + j]!);
      let s = 0;
      for (let j = 0; j < c; j++) s += Math.exp(z[i * c + j]! - mx);
      const y = labels[i]!;
      loss += Math.log(s) + mx - z[i * c + y]!;
      for (let j = 0; j < c; j++) gz[i * c + j] = (Math.exp(z[i * c + j]! - mx) / s - (j === y ? 1 : 0)) / n;
    }
    for (let l = L - 1; l >= 0; l--) {
      const k = sizes[l]!;
      const m = sizes[l + 1]!;
      const g = gs[l + 1]!;
      const h = hs[l]!;
      const W = weights[l]!;
      const dW = gW[l]!.fill(0);
      const db = gb[l]!.fill(0);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < m; j++) db[j]! += g[i * m + j]!;
        for (let p = 0; p < k; p++) {
          const v = h[i * k + p]!;
          for (let j = 0; j < m; j++) dW[p * m + j]! += v * g[i * m + j]!;
        }
      }
      if (l > 0) {
        const gh = gs[l]!;
        for (let i = 0; i < n; i++) {
          for (let p = 0; p < k; p++) {
            let s = 0;
            for (let j = 0; j < m; j++) s += g[i * m + j]! * W[p * m + j]!;
            const hv = h[i * k + p]!;
            gh[i * k + p] = act === 'tanh' ? s * (1 - hv * hv) : hv > 0 ? s : 0;
          }
        }
      }
      for (let i = 0; i < W.length; i++) W[i]! -= lr * dW[i]!;
      for (let i = 0; i < db.length; i++) biases[l]![i]! -= lr * db[i]!;
    }
    return loss / n;
  }

  let fx: Float32Array[] = [];
  let frows = -1;
  function forward(inp: Float32Array, rows: number): Float32Array {
    if (rows !== frows) {
      fx = sizes.map((s) => new Float32Array(rows * s));
      frows = rows;
    }
    fx[0]!.set(inp);
    for (let l = 0; l < L; l++) layer(fx[l]!, fx[l + 1]!, rows, l);
    return fx[L]!;
  }
  return { step, forward };
}
