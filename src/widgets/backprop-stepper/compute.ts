import { Tensor, gradcheck, linear, manualBackprop, relu, rng, softmax, softmaxCrossEntropy, type Rng } from '@beyond-linear/tensor';
import { D, M, STEPS, V, type MatrixKey, type StepCheck, type StepperData } from './model';

/**
 * The stepper's numbers, all from the tensor package: the notes' network on a seeded minibatch,
 * its forward and backward pass by the hand formulas (`manualBackprop`), by autograd, and by
 * central finite differences (`gradcheck`). Loaded lazily, when the widget first scrolls into view.
 */

const MAX_T = 8;
const EPS = 1e-6;

/** The network's weights and the first `t` items of a seeded pool of eight. */
interface Batch {
  /** The inputs `X`, one row per item (`t × d`). */
  X: Tensor;
  labels: number[];
  H: Tensor;
  bH: Tensor;
  U: Tensor;
  bU: Tensor;
}

const draw = (r: Rng, shape: number[], scale: number): Tensor =>
  new Tensor(
    Float64Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => r.normal(0, scale)),
    shape,
  );

/** A seeded minibatch: weights from one stream, items from another, so raising `t` keeps the first items. */
export function batch(t: number, seed: number): Batch {
  const w = rng(seed * 7919 + 1);
  const items = rng(seed * 7919 + 2);
  const pool = draw(items, [MAX_T, D], 1);
  const labels = Array.from({ length: MAX_T }, () => items.int(M)).slice(0, t);
  const X = new Tensor(pool.data.slice(0, t * D), [t, D]);
  return { X, labels, H: draw(w, [D, V], 0.8), bH: draw(w, [V], 0.3), U: draw(w, [V, M], 0.8), bU: draw(w, [M], 0.3) };
}

/** A fresh copy of a tensor, cut from any graph. */
const copy = (x: Tensor): Tensor => new Tensor(Float64Array.from(x.data), [...x.shape]);

/** Row-major data as rows of `cols` numbers. */
function rows(data: ArrayLike<number>, cols: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < data.length; i += cols) out.push(Array.from({ length: cols }, (_, j) => data[i + j] ?? 0));
  return out;
}

/** `max |aᵢ − s·bᵢ|`. */
function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>, s = 1): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs((a[i] ?? 0) - s * (b[i] ?? 0)));
  return m;
}

/** Autograd on the whole network: every intermediate, its gradient, and each weight's gradient. */
function autograd(b: Batch): Record<'k' | 'h' | 'z' | 'o', Tensor> & { loss: number; params: Tensor[] } {
  const params = [b.H, b.bH, b.U, b.bU].map((p) => copy(p).requireGrad());
  const [H, bH, U, bU] = params as [Tensor, Tensor, Tensor, Tensor];
  const k = linear(b.X, H, bH);
  const h = relu(k);
  const z = linear(h, U, bU);
  const loss = softmaxCrossEntropy(z, b.labels);
  loss.backward();
  return { k, h, z, o: softmax(z), loss: loss.item(), params };
}

/** Central differences `(𝓛(x + ε) − 𝓛(x − ε)) / 2ε` of the mean loss: per intermediate, then per weight. */
function finiteDifferences(b: Batch, auto: ReturnType<typeof autograd>): Float64Array[] {
  const ce = (z: Tensor): Tensor => softmaxCrossEntropy(z, b.labels);
  const [U, bU] = [copy(b.U), copy(b.bU)];
  const num = (fn: (...x: Tensor[]) => Tensor, xs: Tensor[]): Float64Array[] => gradcheck(fn, xs.map(copy), { eps: EPS }).numeric;
  const [dz = new Float64Array()] = num(ce, [auto.z]);
  const [dh = new Float64Array()] = num((h) => ce(linear(h, U, bU)), [auto.h]);
  const [dk = new Float64Array()] = num((k) => ce(linear(relu(k), U, bU)), [auto.k]);
  const weights = num((H, bH, U2, bU2) => ce(linear(relu(linear(b.X, H, bH)), U2, bU2)), [b.H, b.bH, b.U, b.bU]);
  return [dz, dh, dk, ...weights];
}

/** Hand, autograd and finite-difference versions of each backward step's result, in the notes' scaling. */
function gradients(
  b: Batch,
  auto: ReturnType<typeof autograd>,
  hand: ReturnType<typeof manualBackprop>,
): Record<string, [ArrayLike<number>, ArrayLike<number>, ArrayLike<number>, number]> {
  const t = b.X.shape[0] ?? 1;
  const [fz, fh, fk, fH, fbH, fU, fbU] = finiteDifferences(b, auto);
  const g = (x: Tensor | undefined): Float64Array => x?.grad ?? new Float64Array();
  const [H, bH, U, bU] = auto.params;
  return {
    dz: [hand.dz.data, g(auto.z), fz ?? [], t],
    dU: [hand.dU.data, g(U), fU ?? [], 1],
    dbU: [hand.dbU.data, g(bU), fbU ?? [], 1],
    dh: [hand.dh.data, g(auto.h), fh ?? [], t],
    dk: [hand.dk.data, g(auto.k), fk ?? [], t],
    dH: [hand.dH.data, g(H), fH ?? [], 1],
    dbH: [hand.dbH.data, g(bH), fbH ?? [], 1],
  };
}

/** Each step's agreement: forward values hand vs autograd; gradients hand vs autograd vs finite differences. */
function checks(b: Batch, auto: ReturnType<typeof autograd>, hand: ReturnType<typeof manualBackprop>): StepCheck[] {
  const grads = gradients(b, auto, hand);
  const forward: Partial<Record<MatrixKey, number>> = {
    k: maxDiff(hand.k.data, auto.k.data),
    h: maxDiff(hand.h.data, auto.h.data),
    z: maxDiff(hand.z.data, auto.z.data),
    o: maxDiff(hand.o.data, auto.o.data),
    loss: Math.abs(hand.loss - auto.loss),
  };
  return STEPS.map((s) => {
    const gr = grads[s.result];
    if (!gr) {
      const d = forward[s.result] ?? 0;
      return { handAuto: d, max: d };
    }
    const [h, a, n, scale] = gr;
    const c = { handAuto: maxDiff(h, a, scale), handFd: maxDiff(h, n, scale), autoFd: scale * maxDiff(a, n) };
    return { ...c, max: Math.max(c.handAuto, c.handFd, c.autoFd) };
  });
}

/** Every matrix, the loss and each step's three-way check for a minibatch of `t` items from `seed`. */
export function stepperData(t: number, seed: number): StepperData {
  const b = batch(t, seed);
  const hand = manualBackprop({ f: b.X, targets: b.labels, H: b.H, bH: b.bH, U: b.U, bU: b.bU });
  const auto = autograd(b);
  const T = b.labels.map((y) => Array.from({ length: M }, (_, j) => (j === y ? 1 : 0)));
  const mats: Record<MatrixKey, number[][]> = {
    X: rows(b.X.data, D),
    y: b.labels.map((y) => [y + 1]),
    H: rows(b.H.data, V),
    bH: [Array.from(b.bH.data)],
    k: rows(hand.k.data, V),
    h: rows(hand.h.data, V),
    U: rows(b.U.data, M),
    bU: [Array.from(b.bU.data)],
    z: rows(hand.z.data, M),
    o: rows(hand.o.data, M),
    T,
    loss: [[hand.loss]],
    dz: rows(hand.dz.data, M),
    dU: rows(hand.dU.data, M),
    dbU: [Array.from(hand.dbU.data)],
    dh: rows(hand.dh.data, V),
    mask: rows(
      hand.k.data.map((x) => (x >= 0 ? 1 : 0)),
      V,
    ),
    dk: rows(hand.dk.data, V),
    dH: rows(hand.dH.data, V),
    dbH: [Array.from(hand.dbH.data)],
  };
  return { t, mats, loss: hand.loss, checks: checks(b, auto, hand) };
}
