import { Tensor, gatherWindow, gradcheck, linear, manualWindowBackprop, relu, rng, softmaxCrossEntropy, type Rng } from '@beyond-linear/tensor';
import { E_WIDTH, HIDDEN, STEPS, WORDS, type CheckData, type MatrixKey, type StepCheck } from './model';

/**
 * The check's numbers, all from the tensor package: a seeded window model (E: |V| × e, H: (n·e) × v, U: v × |V|) on
 * a seeded minibatch of t windows; ∂𝓛/∂E by hand (`manualWindowBackprop`), by autograd (through `gatherWindow`) and
 * by central differences (`gradcheck`, ε = 10⁻⁶). Loaded when the widget starts.
 */

const EPS = 1e-6;
const MAX_T = 4;
const MAX_N = 3;

interface Model {
  ids: number[];
  targets: number[];
  E: Tensor;
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

/** A seeded model and minibatch: weights from one stream, words from another, so raising t keeps the first windows. */
export function model(t: number, n: number, seed: number): Model {
  const w = rng(seed * 7919 + 11);
  const words = rng(seed * 7919 + 12);
  const pool = Array.from({ length: MAX_T * (MAX_N + 1) }, () => words.int(WORDS));
  const ids = Array.from({ length: t }, (_, r) => pool.slice(r * (MAX_N + 1), r * (MAX_N + 1) + n)).flat();
  const targets = Array.from({ length: t }, (_, r) => pool[r * (MAX_N + 1) + MAX_N] ?? 0);
  const E = draw(w, [WORDS, E_WIDTH], 1);
  const full = draw(w, [MAX_N * E_WIDTH, HIDDEN], 0.8);
  const H = new Tensor(full.data.slice(0, n * E_WIDTH * HIDDEN), [n * E_WIDTH, HIDDEN]);
  return { ids, targets, E, H, bH: draw(w, [HIDDEN], 0.3), U: draw(w, [HIDDEN, WORDS], 0.8), bU: draw(w, [WORDS], 0.3) };
}

const copy = (x: Tensor): Tensor => new Tensor(Float64Array.from(x.data), [...x.shape]);

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

/** The three-way comparison of one gradient: hand, autograd and finite differences (the last two times `scale`). */
function threeWay(hand: ArrayLike<number>, auto: ArrayLike<number>, fd: ArrayLike<number>, scale: number): StepCheck {
  const c = { handAuto: maxDiff(hand, auto, scale), handFd: maxDiff(hand, fd, scale), autoFd: scale * maxDiff(auto, fd) };
  return { ...c, max: Math.max(c.handAuto, c.handFd, c.autoFd) };
}

/** Every matrix, each step's check and the three versions of ∂𝓛/∂E for a seeded minibatch. */
export function checkData(t: number, n: number, seed: number): CheckData {
  const m = model(t, n, seed);
  const net = { H: m.H, bH: m.bH, U: m.U, bU: m.bU };
  const hand = manualWindowBackprop({ ids: m.ids, n, E: m.E, targets: m.targets, ...net });
  const head = (x: Tensor): Tensor => softmaxCrossEntropy(linear(relu(linear(x, m.H, m.bH)), m.U, m.bU), m.targets);

  // Autograd through the lookup: the tape keeps the gradient at x (an intermediate) as well as at E.
  const E = copy(m.E).requireGrad();
  const x = gatherWindow(E, m.ids, n);
  head(x).backward();
  const xAuto = x.grad ?? new Float64Array(x.size);
  const fdE = gradcheck((table) => head(gatherWindow(table, m.ids, n)), [copy(m.E)], { eps: EPS }).numeric[0] ?? new Float64Array();
  const fdX = gradcheck(head, [copy(hand.x)], { eps: EPS }).numeric[0] ?? new Float64Array();
  const eAuto = E.grad ?? new Float64Array(E.size);

  const mats: Record<MatrixKey, number[][]> = {
    ids: rows(
      m.ids.map((j) => j + 1),
      n,
    ),
    E: rows(m.E.data, E_WIDTH),
    x: rows(hand.x.data, n * E_WIDTH),
    dk: rows(hand.dk.data, HIDDEN),
    H: rows(m.H.data, HIDDEN),
    dx: rows(hand.df.data, n * E_WIDTH),
    dE: rows(hand.dE.data, E_WIDTH),
    dEauto: rows(eAuto, E_WIDTH),
    dEfd: rows(fdE, E_WIDTH),
  };
  const checks: StepCheck[] = STEPS.map((s) => {
    if (s.result === 'x') {
      const d = maxDiff(hand.x.data, x.data);
      return { handAuto: d, max: d };
    }
    if (s.result === 'dx') return threeWay(hand.df.data, xAuto, fdX, t);
    return threeWay(hand.dE.data, eAuto, fdE, 1);
  });
  return { t, n, mats, checks, loss: hand.loss, used: [...new Set(m.ids)].sort((a, b) => a - b) };
}
