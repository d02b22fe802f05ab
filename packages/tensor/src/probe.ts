/* Probes (Alain & Bengio): simple classifiers fitted on frozen features to measure what a layer makes easy to read.
   The features are detached first, so no gradient can reach the model that produced them. */
import { at, indexAt } from './kernels.ts';
import { noGrad } from './autograd.ts';
import { accuracy, dataset, split } from './data.ts';
import { normalEquations } from './fitting.ts';
import { initWeight } from './nn.ts';
import { relu } from './ops-activation.ts';
import { add, sub } from './ops-elementwise.ts';
import { eachTouched, gather, gatherSum, markSparse } from './ops-embedding.ts';
import { sum } from './ops-reduce.ts';
import { checkedLabels, softmaxCrossEntropy } from './ops-loss.ts';
import { linear } from './ops-matrix.ts';
import { adam } from './optim.ts';
import { rng as makeRng, type Rng } from './random.ts';
import { Tensor, fmt, takeRows, zeros } from './tensor.ts';
import { checkRange, positiveInt } from './validate.ts';

/** Labelled rows to score a probe on: features `[m, d]` (or pixel values for the lookup kind) and their labels. */
export interface ProbeData {
  x: Tensor;
  labels: ArrayLike<number>;
}

/** Options of `probe`. Every kind but `regression` is trained by minibatch Adam with early stopping. */
export interface ProbeOptions {
  /**
   * `softmax` (default): multinomial logistic regression `softmax(x·W + b)`.
   * `mlp`: one hidden ReLU layer of width `hidden`, `softmax(relu(x·W₁ + b₁)·W₂ + b₂)`, for capacity comparisons.
   * `lookup`: linear on one-hot inputs, each whole-number input `x[i,p] ∈ [0, values)` selecting a row of a table:
   * `softmax(Σ_p T[p, x[i,p]] + b)`, computed with lookups instead of an `n × d·values` one-hot matrix.
   * `regression`: the article's probe, least squares onto one-hot targets in closed form, `ŷ = argmax(x·W + b)`.
   */
  kind?: 'softmax' | 'mlp' | 'lookup' | 'regression';
  /** L2 penalty `λ‖W‖²` on the weights, not the biases (ridge for `regression`); default 1e-4. */
  l2?: number;
  /** Hidden width of the `mlp` kind; default 32. */
  hidden?: number;
  /** Number of distinct input values of the `lookup` kind; default `max x + 1`. */
  values?: number;
  /** Number of classes; default `max label + 1`. */
  classes?: number;
  /** Most passes over the training rows; default 40. */
  epochs?: number;
  /** Rows per Adam step; default 128. */
  batchSize?: number;
  /** Adam learning rate; default 0.01. */
  lr?: number;
  /** Share of the training rows held out to stop early on (0 trains every epoch); default 0.1. */
  validation?: number;
  /** Epochs without a lower validation loss before stopping; default 3. */
  patience?: number;
  /** Seed of the validation split, the batch order and the `mlp` initialisation; default 0. */
  seed?: number;
  /** Held-out rows to report test accuracy and loss on. */
  test?: ProbeData;
}

/** Accuracy, error `1 − accuracy` and mean loss (cross-entropy, or squared error for `regression`) on a set of rows. */
export interface ProbeScore {
  accuracy: number;
  error: number;
  loss: number;
}

/** A fitted probe: its score on the rows it was fitted on (the training rows minus the validation split), and more. */
export interface ProbeResult extends ProbeScore {
  kind: NonNullable<ProbeOptions['kind']>;
  /** Score on the held-out validation split (absent when `validation` is 0). */
  validation?: ProbeScore;
  /** Score on `options.test`. */
  test?: ProbeScore;
  /** Epochs run, and the epoch whose weights were kept (lowest validation loss); 0 for `regression`. */
  epochs: number;
  bestEpoch: number;
  /** Class scores (logits) for a batch of rows, computed without recording a graph. */
  scores(x: Tensor): Tensor;
}

/** A trainable classifier head: its parameters, the ones under the L2 penalty, and its logits for a batch. */
interface Head {
  params: Tensor[];
  penalised: Tensor[];
  logits(x: Tensor): Tensor;
  /** Logits of chosen rows of `x`, for the minibatches of one data set; by default `logits` of a copy of the rows. */
  rowsOf?(x: Tensor): (idx: readonly number[]) => Tensor;
}

function softmaxHead(d: number, c: number): Head {
  const W = zeros([d, c]).requireGrad();
  const b = zeros([c]).requireGrad();
  return { params: [W, b], penalised: [W], logits: (x) => linear(x, W, b) };
}

function mlpHead(d: number, c: number, hidden: number, r: Rng): Head {
  const W1 = initWeight(d, hidden, 'he', r);
  const b1 = zeros([hidden]).requireGrad();
  const W2 = initWeight(hidden, c, 'xavier', r);
  const b2 = zeros([c]).requireGrad();
  return { params: [W1, b1, W2, b2], penalised: [W1, W2], logits: (x) => linear(relu(linear(x, W1, b1)), W2, b2) };
}

/**
 * The lookup probe, `softmax(Σ_p T[p, x_p] + b)`. Only the (position, value) pairs seen in training get a row of the
 * table; every other pair reads a last row of zeros. That is exact, not an approximation: a row that never receives a
 * data gradient stays at its zero start under Adam with an L2 penalty, so the full `d·values` table would hold the same
 * numbers. Most of a row's lookups are its positions' most common values (MNIST: 81 % blank pixels), so the sum is taken
 * as `Σ_p T[p, ref_p] + Σ_{p : x_p ≠ ref_p} (T[p, x_p] − T[p, ref_p])`: one sum of the reference rows per batch, then
 * two lookups per other position (about 150 of 784), the same numbers with about a fifth of the lookups. A data set is
 * encoded into each row's lookups once, so a minibatch only concatenates its rows' lists.
 */
function lookupHead(train: Tensor, c: number, values: number): Head {
  const [, d] = train.shape as [number, number];
  const counts = new Int32Array(d * values);
  for (let i = 0; i < train.size; i++) {
    const k = (i % d) * values + valueAt(train, i, values);
    counts[k] = indexAt(counts, k) + 1;
  }
  const code = new Int32Array(d * values).fill(-1);
  const refs = new Int32Array(d);
  const refValue = new Float64Array(d);
  let rows = 0;
  for (let p = 0; p < d; p++) {
    const seen = counts.subarray(p * values, p * values + values);
    refValue[p] = seen.indexOf(Math.max(...seen));
    seen.forEach((k, v) => {
      if (k > 0) code[p * values + v] = rows++;
    });
    refs[p] = indexAt(code, p * values + at(refValue, p));
  }
  const T = markSparse(zeros([rows + 1, c]).requireGrad());
  const b = zeros([c]).requireGrad();
  /** Each row's lookups, found once per data set: the rows of T for its non-reference values and their reference rows. */
  const encode = (x: Tensor): Lookups => {
    const [m] = x.shape as [number, number];
    const starts = new Int32Array(m + 1);
    const ids: number[] = [];
    const base: number[] = [];
    for (let i = 0; i < m; i++) {
      for (let p = 0, o = i * d; p < d; p++) {
        if (at(x.data, o + p) === refValue[p]) continue;
        const id = indexAt(code, p * values + valueAt(x, o + p, values));
        ids.push(id === -1 ? rows : id);
        base.push(indexAt(refs, p));
      }
      starts[i + 1] = ids.length;
    }
    return { starts, ids: Int32Array.from(ids), base: Int32Array.from(base) };
  };
  const rowsOf = (x: Tensor): ((idx: readonly number[]) => Tensor) => {
    const L = encode(x);
    return (idx) => {
      const [ids, bagStarts] = bags(L.ids, L.starts, idx);
      const [base] = bags(L.base, L.starts, idx);
      const shared = add(sum(gather(T, refs), 0), b);
      return add(sub(gatherSum(T, ids, bagStarts), gatherSum(T, base, bagStarts)), shared);
    };
  };
  const logits = (x: Tensor): Tensor => rowsOf(x)(Array.from({ length: x.shape[0] ?? 0 }, (_, i) => i));
  return { params: [T, b], penalised: [T], logits, rowsOf };
}

/**
 * Each row's lookups, end to end: row `i` reads the rows `ids[k]` of the table, `starts[i] ≤ k < starts[i+1]`, and `base[k]`
 * is the reference row of the same position.
 */
interface Lookups {
  starts: Int32Array;
  ids: Int32Array;
  base: Int32Array;
}

/** The lists of rows `idx` in `list` (row `i`'s is `list[starts[i] … starts[i+1])`), concatenated, and where each begins. */
function bags(list: Int32Array, starts: Int32Array, idx: readonly number[]): [Int32Array, number[]] {
  const begins: number[] = [];
  let n = 0;
  for (const i of idx) {
    begins.push(n);
    n += indexAt(starts, i + 1) - indexAt(starts, i);
  }
  const out = new Int32Array(n);
  idx.forEach((i, k) => out.set(list.subarray(indexAt(starts, i), indexAt(starts, i + 1)), begins[k]));
  return [out, begins];
}

/** Input `i` of the lookup kind, checked to be a whole number in `[0, values)`. */
function valueAt(x: Tensor, i: number, values: number): number {
  const v = at(x.data, i);
  if (!(Number.isInteger(v) && v >= 0 && v < values)) throw new Error(`probe: the lookup kind needs whole-number inputs in [0, ${values}), got ${v}`);
  return v;
}

/** Accuracy, error and mean loss of class scores `z`: cross-entropy, or for `squared` `(1/(n·c)) Σ (zᵢⱼ − [yᵢ = j])²`. */
function score(z: Tensor, labels: ArrayLike<number>, squared = false): ProbeScore {
  const acc = accuracy(z, labels);
  const [, c] = z.shape as [number, number];
  const loss = squared
    ? z.data.reduce((s, v, i) => s + (v - (labels[Math.floor(i / c)] === i % c ? 1 : 0)) ** 2, 0) / z.size
    : softmaxCrossEntropy(z, Array.from(labels)).item();
  return { accuracy: acc, error: 1 - acc, loss };
}

interface Fit {
  epochs: number;
  bestEpoch: number;
}

/** Adds the L2 penalty's gradient `∂(λ‖W‖²)/∂W = 2λW` to each penalised weight's gradient (a sparse table's used rows only). */
function addPenalty(ws: Tensor[], l2: number): void {
  for (const w of ws) {
    const { grad: g, data: d } = w;
    if (g)
      eachTouched(w, (lo, hi) => {
        for (let i = lo; i < hi; i++) g[i] = at(g, i) + 2 * l2 * at(d, i);
      });
  }
}

interface TrainOptions {
  l2: number;
  epochs: number;
  batchSize: number;
  lr: number;
  patience: number;
}

/** Minibatch Adam on cross-entropy + `λ‖W‖²`, keeping the weights of the epoch with the lowest validation loss. */
function train(head: Head, fit: ProbeData, val: ProbeData | null, o: TrainOptions, r: Rng): Fit {
  // `lazy` changes only sparse tables, the lookup kind's: Adam and the penalty visit the rows a minibatch used.
  const opt = adam(head.params, { lr: o.lr, lazy: true });
  const n = fit.labels.length;
  const order = Array.from({ length: n }, (_, i) => i);
  let best = Infinity;
  let bestEpoch = 0;
  let kept = head.params.map((p) => p.data.slice());
  const batch = head.rowsOf?.(fit.x) ?? ((idx: readonly number[]) => head.logits(takeRows(fit.x, idx)));
  let epoch = 0;
  while (epoch < o.epochs && epoch - bestEpoch < o.patience) {
    epoch++;
    r.shuffle(order);
    for (let s = 0; s < n; s += o.batchSize) {
      const idx = order.slice(s, s + o.batchSize);
      opt.zeroGrad();
      softmaxCrossEntropy(
        batch(idx),
        idx.map((i) => fit.labels[i]!),
      ).backward();
      addPenalty(head.penalised, o.l2);
      opt.step();
    }
    const loss = val ? noGrad(() => score(head.logits(val.x), val.labels).loss) : -epoch;
    if (loss < best) {
      [best, bestEpoch] = [loss, epoch];
      kept = head.params.map((p) => p.data.slice());
    }
  }
  kept.forEach((data, i) => head.params[i]?.data.set(data));
  return { epochs: epoch, bestEpoch };
}

/** The article's regression probe: least squares onto one-hot targets, `W = (XᵀX + λI)⁻¹XᵀY`, `ŷ = argmax(x·W + b)`. */
function regression(x: Tensor, labels: ArrayLike<number>, c: number, l2: number): Head {
  const [n, d] = x.shape as [number, number];
  const Y = new Float64Array(n * c);
  for (let i = 0; i < n; i++) Y[i * c + labels[i]!] = 1;
  const sol = normalEquations(x.data, n, d, Y, c, true, l2);
  const W = new Tensor(sol.slice(0, d * c), [d, c]);
  const b = new Tensor(sol.slice(d * c), [c]);
  return { params: [W, b], penalised: [W], logits: (f) => linear(f, W, b) };
}

/** Checks features `[n, d]` (`d` once known, else any) and their labels: one per row, each a class index in `[0, c)`. */
function checkData(what: string, x: Tensor, labels: ArrayLike<number>, d: number, c: number): void {
  if (x.shape.length !== 2 || (d >= 0 && x.shape[1] !== d)) throw new Error(`probe: expected ${what} features [n,${d >= 0 ? d : 'd'}], got ${fmt(x.shape)}`);
  checkedLabels(`probe (${what} data)`, Array.from(labels), x.shape[0]!, c);
}

/** Splits the training rows into fitted rows and a validation share, shuffled by the seeded generator (as `split`). */
function holdOut(x: Tensor, labels: ArrayLike<number>, share: number, r: Rng): [ProbeData, ProbeData | null] {
  const { train, test } = split(dataset(x.data, Array.from(labels), x.shape[1]), { test: share, rng: r });
  return train.labels.length > 0 && test.labels.length > 0 ? [train, test] : [{ x, labels }, null];
}

interface Fitted {
  head: Head;
  fit: ProbeData;
  val: ProbeData | null;
  run: Fit;
}

/** Builds the head of a trained kind and fits it by minibatch Adam on the rows left after the validation split. */
function fitTrained(kind: ProbeOptions['kind'], x: Tensor, labels: ArrayLike<number>, c: number, l2: number, o: ProbeOptions): Fitted {
  const r = makeRng(o.seed ?? 0);
  const opts: TrainOptions = {
    l2,
    epochs: positiveInt('probe', 'epochs', o.epochs ?? 40),
    batchSize: positiveInt('probe', 'batchSize', o.batchSize ?? 128),
    lr: checkRange('probe', 'lr', o.lr ?? 0.01, 0),
    patience: positiveInt('probe', 'patience', o.patience ?? 3),
  };
  const [fit, val] = holdOut(x, labels, checkRange('probe', 'validation', o.validation ?? 0.1, 0, 1), r);
  const [, d] = x.shape as [number, number];
  let head: Head;
  if (kind === 'lookup') head = lookupHead(fit.x, c, positiveInt('probe', 'values', o.values ?? x.data.reduce((m, v) => Math.max(m, v + 1), 1)));
  else if (kind === 'mlp') head = mlpHead(d, c, positiveInt('probe', 'hidden', o.hidden ?? 32), r);
  else if (kind === 'softmax') head = softmaxHead(d, c);
  else throw new Error(`probe: unknown kind ${String(kind)}`);
  return { head, fit, val, run: train(head, fit, val, opts, r) };
}

/**
 * Fits a probe on frozen features `x: [n, d]` with integer labels and reports accuracy and loss on the rows it was
 * fitted on, on a validation split and on `test`. The features are detached, so no gradient reaches the model that
 * computed them, and the same seed gives the same probe. See `ProbeOptions` for the kinds.
 */
export function probe(x: Tensor, labels: ArrayLike<number>, o: ProbeOptions = {}): ProbeResult {
  const kind = o.kind ?? 'softmax';
  const c = positiveInt('probe', 'classes', o.classes ?? Array.from(labels).reduce((m, v) => Math.max(m, Math.floor(v) + 1), 0));
  checkData('training', x, labels, -1, c);
  const l2 = checkRange('probe', 'l2', o.l2 ?? 1e-4, 0);
  const features = x.detach();
  const { head, fit, val, run }: Fitted =
    kind === 'regression'
      ? { head: regression(features, labels, c, l2), fit: { x: features, labels }, val: null, run: { epochs: 0, bestEpoch: 0 } }
      : fitTrained(kind, features, labels, c, l2, o);
  const scores = (f: Tensor): Tensor => noGrad(() => head.logits(f.detach()));
  const scoreOf = (data: ProbeData): ProbeScore => score(scores(data.x), data.labels, kind === 'regression');
  const out: ProbeResult = { kind, ...scoreOf(fit), ...run, scores };
  if (val) out.validation = scoreOf(val);
  if (o.test) {
    checkData('test', o.test.x, o.test.labels, features.shape[1] as number, c);
    out.test = scoreOf(o.test);
  }
  return out;
}
