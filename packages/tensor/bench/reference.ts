/* The hand-written baseline every training row of `npm run bench` is measured against: a Float64Array MLP (dense
   layers, tanh/relu, softmax cross-entropy, plain SGD) written the way a careful programmer would. Buffers are
   preallocated, loops run in i-p-j order so the innermost loop walks contiguous rows, and zero inputs are skipped:
   a zero pixel or a ReLU output of 0 contributes nothing to `x·W` nor to `∂W = xᵀ·G`, and a ReLU unit that is off
   passes no gradient down, so its dot product is never computed. On MNIST digits (about 81 % blank pixels) this
   skips most of the first layer's work. The update is plain SGD, or Adam (chapter 5's optimiser) with its moments in
   preallocated buffers, written out as in `src/optim.ts`. */

export type Act = 'tanh' | 'relu';

/** Adam's constants: `m ← β₁m + (1−β₁)g`, `v ← β₂v + (1−β₂)g²`, `θ ← θ − η·m̂/(√v̂ + ε)`. */
export interface RefAdam {
  beta1: number;
  beta2: number;
  eps: number;
}

export interface RefNet {
  /**
   * One SGD step on a batch `x: [rows, sizes[0]]` with integer labels; returns the mean loss. When `dx` is given
   * (length `rows·sizes[0]`) it receives `∂ℓ/∂x`, for an embedding table below the network.
   */
  step(x: Float64Array, labels: Int32Array, lr: number, dx?: Float64Array): number;
  /** Forward pass over `x` (rows of `sizes[0]`), writing logits into the returned buffer. */
  forward(x: Float64Array, rows: number): Float64Array;
}

/**
 * Builds the reference network with the given weights (`[in,out]` row-major, updated in place) and biases, trained by
 * plain SGD or, given `adam`, by Adam.
 */
export function referenceMlp(sizes: number[], act: Act, weights: Float64Array[], biases: Float64Array[], adam?: RefAdam): RefNet {
  const L = sizes.length - 1;
  const gW = weights.map((w) => new Float64Array(w.length));
  const gb = biases.map((b) => new Float64Array(b.length));
  const moments = (ps: Float64Array[]): Float64Array[][] => ps.map((p) => (adam ? [new Float64Array(p.length), new Float64Array(p.length)] : []));
  const [mW, mb] = [moments(weights), moments(biases)];
  let t = 0;

  /** `θ ← θ − η·g` (SGD) or Adam's step with moments `m`, `v` at step `t`. */
  function update(theta: Float64Array, g: Float64Array, [m, v]: Float64Array[], lr: number): void {
    if (!adam || !m || !v) {
      for (let i = 0; i < theta.length; i++) theta[i]! -= lr * g[i]!;
      return;
    }
    const { beta1, beta2, eps } = adam;
    const c1 = 1 / (1 - beta1 ** t);
    const c2 = 1 / (1 - beta2 ** t);
    for (let i = 0; i < theta.length; i++) {
      const gi = g[i]!;
      m[i] = beta1 * m[i]! + (1 - beta1) * gi;
      v[i] = beta2 * v[i]! + (1 - beta2) * gi * gi;
      theta[i]! -= (lr * m[i]! * c1) / (Math.sqrt(v[i]! * c2) + eps);
    }
  }
  let rowsCached = -1;
  let hs: Float64Array[] = []; // hs[0] is the input, hs[l] the output of layer l (after the activation)
  let gs: Float64Array[] = []; // gs[l] is ∂ℓ/∂(pre-activation of layer l); gs[0] is ∂ℓ/∂x
  const buffers = (rows: number): void => {
    if (rows === rowsCached) return;
    rowsCached = rows;
    hs = sizes.map((s) => new Float64Array(rows * s));
    gs = sizes.map((s) => new Float64Array(rows * s));
  };

  /** `out = act(inp·W + b)`, skipping zero inputs. */
  function layer(inp: Float64Array, out: Float64Array, rows: number, l: number): void {
    const k = sizes[l]!;
    const m = sizes[l + 1]!;
    const W = weights[l]!;
    const b = biases[l]!;
    for (let i = 0; i < rows; i++) {
      const o = i * m;
      for (let j = 0; j < m; j++) out[o + j] = b[j]!;
      for (let p = 0; p < k; p++) {
        const v = inp[i * k + p]!;
        if (v === 0) continue;
        const w = p * m;
        for (let j = 0; j < m; j++) out[o + j]! += v * W[w + j]!;
      }
    }
    if (l < L - 1) {
      const s = rows * m;
      if (act === 'tanh') for (let i = 0; i < s; i++) out[i] = Math.tanh(out[i]!);
      else for (let i = 0; i < s; i++) out[i] = out[i]! > 0 ? out[i]! : 0;
    }
  }

  /** Writes `(softmax(z) − onehot(y)) / n` into `gz` and returns the summed loss `Σ −log softmax(z)_y`. */
  function lossGrad(z: Float64Array, gz: Float64Array, labels: Int32Array, n: number, c: number): number {
    let loss = 0;
    for (let i = 0; i < n; i++) {
      const o = i * c;
      let mx = -Infinity;
      for (let j = 0; j < c; j++) mx = Math.max(mx, z[o + j]!);
      let s = 0;
      for (let j = 0; j < c; j++) s += gz[o + j] = Math.exp(z[o + j]! - mx);
      const y = labels[i]!;
      loss += Math.log(s) + mx - z[o + y]!;
      for (let j = 0; j < c; j++) gz[o + j] = gz[o + j]! / s / n;
      gz[o + y]! -= 1 / n;
    }
    return loss;
  }

  /** Backward through layer `l` given `g = ∂ℓ/∂(its pre-activation)`, then its SGD update. */
  function backLayer(l: number, n: number, lr: number, needInputGrad: boolean): void {
    const k = sizes[l]!;
    const m = sizes[l + 1]!;
    const g = gs[l + 1]!;
    const h = hs[l]!;
    const W = weights[l]!;
    const b = biases[l]!;
    const dW = gW[l]!.fill(0);
    const db = gb[l]!.fill(0);
    for (let i = 0; i < n; i++) {
      const o = i * m;
      for (let j = 0; j < m; j++) db[j]! += g[o + j]!;
      for (let p = 0; p < k; p++) {
        const v = h[i * k + p]!;
        if (v === 0) continue;
        const w = p * m;
        for (let j = 0; j < m; j++) dW[w + j]! += v * g[o + j]!;
      }
    }
    if (needInputGrad) {
      const gh = gs[l]!;
      const relu = l > 0 && act === 'relu';
      const tanh = l > 0 && act === 'tanh';
      for (let i = 0; i < n; i++) {
        const o = i * m;
        for (let p = 0; p < k; p++) {
          const hv = h[i * k + p]!;
          if (relu && hv === 0) {
            gh[i * k + p] = 0;
            continue;
          }
          let s = 0;
          const w = p * m;
          for (let j = 0; j < m; j++) s += g[o + j]! * W[w + j]!;
          gh[i * k + p] = tanh ? s * (1 - hv * hv) : s;
        }
      }
    }
    update(W, dW, mW[l]!, lr);
    update(b, db, mb[l]!, lr);
  }

  function step(x: Float64Array, labels: Int32Array, lr: number, dx?: Float64Array): number {
    const n = labels.length;
    t++;
    buffers(n);
    hs[0]!.set(x);
    for (let l = 0; l < L; l++) layer(hs[l]!, hs[l + 1]!, n, l);
    const loss = lossGrad(hs[L]!, gs[L]!, labels, n, sizes[L]!);
    for (let l = L - 1; l >= 0; l--) backLayer(l, n, lr, l > 0 || dx !== undefined);
    if (dx) dx.set(gs[0]!);
    return loss / n;
  }

  let fx: Float64Array[] = [];
  let frows = -1;
  function forward(inp: Float64Array, rows: number): Float64Array {
    if (rows !== frows) {
      fx = sizes.map((s) => new Float64Array(rows * s));
      frows = rows;
    }
    fx[0]!.set(inp);
    for (let l = 0; l < L; l++) layer(fx[l]!, fx[l + 1]!, rows, l);
    return fx[L]!;
  }
  return { step, forward };
}

/**
 * The window language model of chapter 4 (Bengio et al. 2003) by hand: the `n` context words' rows of the embedding
 * table `E: [vocab, dim]` are concatenated into one `[n·dim]` input of `referenceMlp`; the backward pass scatter-adds
 * `∂ℓ/∂x` into only the rows used, and SGD updates only those rows.
 */
export function referenceWindow(n: number, dim: number, E: Float64Array, net: RefNet): { step(context: Int32Array, targets: Int32Array, lr: number): number } {
  let x = new Float64Array(0);
  let dx = new Float64Array(0);
  return {
    step(context, targets, lr) {
      const width = n * dim;
      if (x.length !== targets.length * width) {
        x = new Float64Array(targets.length * width);
        dx = new Float64Array(targets.length * width);
      }
      for (let i = 0; i < context.length; i++) x.set(E.subarray(context[i]! * dim, (context[i]! + 1) * dim), i * dim);
      const loss = net.step(x, targets, lr, dx);
      for (let i = 0; i < context.length; i++) {
        const row = context[i]! * dim;
        for (let j = 0; j < dim; j++) E[row + j]! -= lr * dx[i * dim + j]!;
      }
      return loss;
    },
  };
}
