import {
  accuracy,
  adam,
  blobs,
  circles,
  dataset,
  divergence,
  minibatches,
  mlp,
  noGrad,
  rng,
  sgd,
  softmaxCrossEntropy,
  spirals,
  split,
  tensor,
  xor,
  type Dataset,
  type MLP,
  type Optimizer,
  type Rng,
  type Tensor,
} from '@beyond-linear/tensor';
import { stepWithin, type Budget, type Progress, type Run } from '../_shared/run/contract';
import { learningRate, type PlaygroundValues } from './model';
import { TEST_FRACTION, classCount, l2Of, lift, sizes } from './network';
import { BOX, GRID, UNIT_GRID, type Metrics, type DataPoint, type Regions, type RunView, type HistoryPoint, type Units } from './view';

/** A run pauses after this many steps (the reader can press Train to go on). */
export const MAX_STEPS = 5000;
/** Steps between two points of the loss and accuracy curves (doubled whenever the history grows past `MAX_HISTORY`). */
const RECORD_EVERY = 10;
const MAX_HISTORY = 240;
/** A minibatch loss above `BLOWUP · ln k` counts as divergence (see `blowup`). */
const BLOWUP = 20;

/** Draws the chosen dataset from `r`, scaled into `[−1, 1]²` (same scale on both axes, centred). */
export function makeData(v: PlaygroundValues, r: Rng): Dataset {
  const o = { n: v.n, noise: v.noise, rng: r };
  const raw =
    v.data === 'spiral'
      ? spirals({ ...o, arms: v.classes })
      : v.data === 'xor'
        ? xor(o)
        : v.data === 'circles'
          ? circles(o)
          : blobs({ n: v.n, rng: r, k: v.classes, std: 0.4 + 4 * v.noise });
  const p = raw.x.data;
  const mid = [0, 1].map((d) => {
    const xs = p.filter((_, i) => i % 2 === d);
    return (Math.min(...xs) + Math.max(...xs)) / 2;
  });
  const scale = Math.max(1e-9, ...p.map((x, i) => Math.abs(x - (mid[i % 2] ?? 0))));
  const out = dataset(
    p.map((x, i) => (x - (mid[i % 2] ?? 0)) / scale),
    raw.labels,
  );
  out.classes = classCount(v);
  return out;
}

/** The centres of the `n × n` heatmap cells, row-major from the bottom-left, as an input batch with the chosen features. */
function gridInputs(v: PlaygroundValues, n: number): Tensor {
  const d = (BOX[1] - BOX[0]) / n;
  const pts = new Float64Array(n * n * 2);
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) pts.set([BOX[0] + (i + 0.5) * d, BOX[0] + (j + 0.5) * d], 2 * (j * n + i));
  return tensor(lift(v, pts), [n * n, sizes(v)[0]!]);
}

/** A 2-D dataset with the chosen features added to each row: what the network sees. */
function lifted(v: PlaygroundValues, d: Dataset): Dataset {
  return dataset(lift(v, d.x.data), d.labels, sizes(v)[0]);
}

/** The L2 penalty `(λ/2) Σ ‖W‖²` over the weight matrices (biases are not penalised). */
function penalty(net: MLP, l2: number): number {
  let s = 0;
  for (const layer of net.layers) for (const w of layer.weight.data) s += w * w;
  return (l2 / 2) * s;
}

/** Add the penalty's gradient `λW` to each weight matrix's gradient. */
function addPenaltyGrad(net: MLP, l2: number): void {
  for (const { weight } of net.layers) {
    const g = weight.grad;
    if (g) for (let i = 0; i < g.length; i++) g[i]! += l2 * weight.data[i]!;
  }
}

/**
 * A resumable training run of the softmax MLP on one seeded dataset: minibatch steps on `𝓛 = −(1/t) Σ log o_y`, plus
 * `(λ/2) Σ ‖W‖²` when an L2 coefficient is set, with the train and test loss and accuracy recorded every few steps. Same settings, same seed: the bit-identical run,
 * however the steps are sliced into animation frames.
 */
export class PlaygroundTrainer implements Run<RunView> {
  readonly train: Dataset;
  readonly test: Dataset;
  readonly classes: number;
  /** Minibatch steps taken, and full passes over the training set begun. */
  steps = 0;
  epochs = 0;
  /** A sentence explaining divergence, or `null` while every number is finite. */
  error: string | null = null;
  /** The run pauses when `steps` reaches this; `extend()` raises it. */
  limit = MAX_STEPS;
  readonly history: HistoryPoint[] = [];
  private every = RECORD_EVERY;
  private readonly net: MLP;
  private readonly opt: Optimizer;
  private readonly r: Rng;
  private readonly batch: number;
  private readonly l2: number;
  /** The training and test sets as the network sees them: `(x₁, x₂)` and the chosen features. */
  private readonly seen: { train: Dataset; test: Dataset };
  private queue: Dataset[] = [];
  private readonly grid: Tensor;
  private readonly unitGrid: Tensor;
  private points: DataPoint[] | undefined;
  private cache: { steps: number; metrics: Metrics; regions?: Regions; units?: Units } | undefined;

  constructor(v: PlaygroundValues) {
    this.r = rng(v.seed);
    const all = makeData(v, this.r);
    ({ train: this.train, test: this.test } = split(all, { test: TEST_FRACTION, rng: this.r }));
    this.classes = all.classes;
    this.seen = { train: lifted(v, this.train), test: lifted(v, this.test) };
    this.grid = gridInputs(v, GRID);
    this.unitGrid = gridInputs(v, UNIT_GRID);
    this.net = mlp({ sizes: sizes(v), activation: v.act, rng: this.r });
    const lr = learningRate(v);
    this.opt = v.opt === 'adam' ? adam(this.net, { lr }) : sgd(this.net, { lr, momentum: v.opt === 'momentum' ? 0.9 : 0 });
    this.batch = v.batch === 'all' ? this.train.labels.length : Number(v.batch);
    this.l2 = l2Of(v);
    this.record();
    this.regions();
  }

  /** True once the run diverged or reached its step limit. */
  get done(): boolean {
    return this.error !== null || this.steps >= this.limit;
  }

  /** Let a paused run go on for another `MAX_STEPS` steps (not after divergence). */
  extend(): void {
    if (!this.error && this.steps >= this.limit) this.limit = this.steps + MAX_STEPS;
  }

  /** One minibatch step (a new shuffled epoch when the last one is used up); stops with `error` on divergence. */
  step(): void {
    if (this.queue.length === 0) {
      this.queue = minibatches(this.seen.train, { batchSize: this.batch, rng: this.r });
      this.epochs++;
    }
    const b = this.queue.shift() as Dataset;
    this.opt.zeroGrad();
    const loss = softmaxCrossEntropy(this.net.forward(b.x), b.labels);
    loss.backward();
    if (this.l2 > 0) addPenaltyGrad(this.net, this.l2);
    this.opt.step();
    this.steps++;
    this.error = divergence(loss, this.net) ?? this.blowup(loss.item());
    if (!this.error && this.steps % this.every === 0) this.record();
  }

  /** Take steps within the budget (at least one unless done). */
  advance(budget: Budget): void {
    stepWithin(budget, this);
  }

  /** Steps done, as a fraction of the current step limit. */
  progress(): Progress {
    return { steps: this.steps, fraction: Math.min(1, this.steps / this.limit), phase: this.error ? 'diverged' : this.done ? 'finished' : 'training' };
  }

  /** The view with its own copies of the regions and the curves, safe to keep or to transfer from a worker. */
  snapshot(): RunView {
    const v = this.view();
    const units = { n: v.units.n, layers: v.units.layers.map((l) => ({ count: l.count, values: l.values.slice() })) };
    return { ...v, regions: { cls: v.regions.cls.slice(), conf: v.regions.conf.slice() }, history: v.history.slice(), units };
  }

  /** Cross-entropy (without the penalty) and accuracy on the training and the test set, and the L2 penalty, for the current weights (the last finite ones after divergence). */
  metrics(): Metrics {
    if (this.cache && (this.cache.steps === this.steps || this.error)) return this.cache.metrics;
    const score = (d: Dataset): [number, number] =>
      noGrad(() => {
        const z = this.net.forward(d.x);
        return [softmaxCrossEntropy(z, d.labels).item(), accuracy(z, d.labels)];
      });
    const [trainLoss, trainAcc] = score(this.seen.train);
    const [testLoss, testAcc] = score(this.seen.test);
    const m = { step: this.steps, trainLoss, testLoss, trainAcc, testAcc, penalty: penalty(this.net, this.l2) };
    if (![trainLoss, testLoss, m.penalty].every(Number.isFinite)) {
      this.error ??= divergence(Number.NaN) ?? 'Training diverged.';
      return this.cache?.metrics ?? { ...m, trainLoss: 0, testLoss: 0, penalty: 0 };
    }
    this.cache = { steps: this.steps, metrics: m };
    return m;
  }

  /** The predicted class and its probability `max_c o_c` at every heatmap cell (`noGrad`, cached per step). */
  regions(): Regions {
    this.metrics();
    const c = this.cache;
    if (c?.regions) return c.regions;
    const z = noGrad(() => this.net.forward(this.grid)).data;
    const k = this.classes;
    const cls = new Uint8Array(GRID * GRID);
    const conf = new Float64Array(GRID * GRID);
    for (let i = 0; i < GRID * GRID; i++) {
      let best = 0;
      for (let j = 1; j < k; j++) if (z[i * k + j]! > z[i * k + best]!) best = j;
      let s = 0;
      for (let j = 0; j < k; j++) s += Math.exp(z[i * k + j]! - z[i * k + best]!);
      cls[i] = best;
      conf[i] = Number.isFinite(s) && s > 0 ? 1 / s : 1 / k;
    }
    const out = { cls, conf };
    if (c) c.regions = out;
    return out;
  }

  /** Every hidden unit's output over a coarse `UNIT_GRID × UNIT_GRID` grid, layer by layer (`noGrad`, cached per step). */
  units(): Units {
    this.metrics();
    const c = this.cache;
    if (c?.units) return c.units;
    const hidden = noGrad(() => this.net.trace(this.unitGrid)).slice(0, -1);
    const out: Units = { n: UNIT_GRID, layers: hidden.map((h) => ({ count: h.shape[1] ?? 0, values: Float64Array.from(h.data) })) };
    if (c) c.units = out;
    return out;
  }

  /** Everything the figure and the readouts show: the points, the regions, the curves and the latest metrics. */
  view(): RunView {
    const pts = (d: Dataset, test: boolean): DataPoint[] => Array.from(d.labels, (label, i) => ({ x: d.x.data[2 * i]!, y: d.x.data[2 * i + 1]!, label, test }));
    this.points ??= [...pts(this.train, false), ...pts(this.test, true)];
    return {
      classes: this.classes,
      points: this.points,
      regions: this.regions(),
      units: this.units(),
      history: this.history,
      metrics: this.metrics(),
      steps: this.steps,
      epochs: this.epochs,
      error: this.error,
    };
  }

  /**
   * A finite loss can still have run away: above `BLOWUP · ln k`, many times the loss of guessing every class with
   * probability `1/k`, the steps are overshooting and the weights only grow. That counts as divergence too.
   */
  private blowup(loss: number): string | null {
    const guess = Math.log(this.classes);
    if (loss <= BLOWUP * guess) return null;
    return `Training diverged: the loss rose to ${loss.toFixed(1)}, more than ${BLOWUP} times the ${guess.toFixed(2)} of guessing every class equally.`;
  }

  /** Add the current metrics to the curves; thin them to every other point when there are too many. */
  private record(): void {
    const m = this.metrics();
    if (this.error) return;
    this.history.push(m);
    if (this.history.length > MAX_HISTORY) {
      const kept = this.history.filter((_, i) => i % 2 === 0);
      this.history.splice(0, this.history.length, ...kept);
      this.every *= 2;
    }
  }
}
