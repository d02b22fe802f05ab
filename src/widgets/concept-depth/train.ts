import {
  accuracy,
  adam,
  add,
  divergence,
  mlp,
  mul,
  noGrad,
  probe,
  rng,
  slice,
  softmaxCrossEntropy,
  Tensor,
  type MLP,
  type Optimizer,
  type Rng,
} from '@beyond-linear/tensor';
import { stepWithin, type Budget, type Progress, type Run } from '../_shared/run/contract';
import { COMPLEXITIES, TEST_ROWS, TRAIN_ROWS, TRAIN_STEPS, conceptLabel, grid, inputWidth, sizes, type ConceptSnapshot, type ConceptValues } from './model';

export type { ConceptSnapshot } from './model';

const BATCH = 64;
const LR = 0.003;
/** A probe fit costs about as much time as this many training steps (for the progress bar). */
const PROBE_COST = 25;

/** Rows of ±1 bits with every concept's label. */
export interface ConceptData {
  x: Tensor;
  /** `labels[c][i]`: concept `c`'s label of row `i`. */
  labels: Int32Array[];
}

const RECORD_EVERY = 25;

/** `n` rows of `inputWidth` uniform ±1 bits and their concept labels. */
export function makeData(v: ConceptValues, n: number, r: Rng): ConceptData {
  const d = inputWidth(v);
  const x = new Float64Array(n * d);
  for (let i = 0; i < x.length; i++) x[i] = r.next() < 0.5 ? -1 : 1;
  const labels = COMPLEXITIES.map((_, c) => Int32Array.from({ length: n }, (_, i) => conceptLabel(x.subarray(i * d, (i + 1) * d), c)));
  return { x: new Tensor(x, [n, d]), labels };
}

/** Rows `idx` of the data, as a minibatch. */
function rows(data: ConceptData, idx: number[]): ConceptData {
  const d = data.x.shape[1]!;
  const x = new Float64Array(idx.length * d);
  idx.forEach((i, o) => x.set(data.x.data.subarray(i * d, (i + 1) * d), o * d));
  return { x: new Tensor(x, [idx.length, d]), labels: data.labels.map((l) => Int32Array.from(idx, (i) => l[i]!)) };
}

/** Mean cross-entropy over the concept heads: head `c` reads logits `2c, 2c + 1`. */
export function headsLoss(logits: Tensor, labels: Int32Array[]): Tensor {
  const n = logits.shape[0]!;
  const parts = labels.map((l, c) => softmaxCrossEntropy(slice(logits, [0, 2 * c], [n, 2]), l));
  return mul(
    parts.reduce((s, p) => add(s, p)),
    1 / parts.length,
  );
}

/**
 * The concept-depth run: probe every layer for every concept on the untrained network, train the multi-head network by
 * minibatch Adam, then probe every layer again. One `step()` is one training step or one probe fit. Same settings,
 * same seed: the bit-identical run however it is sliced.
 */
export class ConceptDepthRun implements Run<ConceptSnapshot> {
  readonly train: ConceptData;
  readonly test: ConceptData;
  readonly net: MLP;
  steps = 0;
  error: string | null = null;
  private readonly opt: Optimizer;
  private readonly r: Rng;
  private readonly layers: number;
  private readonly seed: number;
  private order: number[] = [];
  private readonly loss: number[] = [];
  private readonly init: Array<Array<number | null>>;
  private readonly trained: Array<Array<number | null>>;
  private probesDone = 0;
  private headAcc: number[];
  private features: { train: Tensor[]; test: Tensor[] } | undefined;

  constructor(v: ConceptValues) {
    this.seed = v.seed;
    this.r = rng(v.seed);
    this.train = makeData(v, TRAIN_ROWS, this.r);
    this.test = makeData(v, TEST_ROWS, this.r);
    this.net = mlp({ sizes: sizes(v), rng: this.r });
    this.opt = adam(this.net, { lr: LR });
    this.layers = v.layers;
    this.init = grid(v.layers);
    this.trained = grid(v.layers);
    this.headAcc = this.heads();
  }

  private get probes(): number {
    return (this.layers + 1) * COMPLEXITIES.length;
  }

  get done(): boolean {
    return this.error !== null || this.probesDone >= 2 * this.probes;
  }

  /** Every layer's activations for a data set, input first: `[x, h⁽¹⁾, …, h⁽ᴸ⁾]`. */
  private trace(x: Tensor): Tensor[] {
    return noGrad(() => [x, ...this.net.trace(x).slice(0, -1)]);
  }

  /** One probe fit (at initialisation or after training), or one training step. */
  step(): void {
    if (this.done) return;
    const training = this.probesDone === this.probes && this.steps < TRAIN_STEPS;
    if (training) this.trainStep();
    else this.probeStep();
  }

  private trainStep(): void {
    if (this.order.length < BATCH) this.order = this.r.shuffle(Array.from({ length: TRAIN_ROWS }, (_, i) => i));
    const batch = rows(this.train, this.order.splice(0, BATCH));
    this.opt.zeroGrad();
    const loss = headsLoss(this.net.forward(batch.x), batch.labels);
    loss.backward();
    this.opt.step();
    this.steps++;
    this.error = divergence(loss, this.net);
    if (this.steps % RECORD_EVERY === 0 && !this.error) {
      this.loss.push(loss.item());
      this.headAcc = this.heads();
    }
    if (this.steps === TRAIN_STEPS) this.features = undefined;
  }

  private probeStep(): void {
    const after = this.probesDone >= this.probes;
    const k = this.probesDone % this.probes;
    const [l, c] = [Math.floor(k / COMPLEXITIES.length), k % COMPLEXITIES.length];
    this.features ??= { train: this.trace(this.train.x), test: this.trace(this.test.x) };
    const p = probe(this.features.train[l]!, this.train.labels[c]!, {
      classes: 2,
      seed: this.seed,
      test: { x: this.features.test[l]!, labels: this.test.labels[c]! },
    });
    (after ? this.trained : this.init)[l]![c] = p.test?.accuracy ?? null;
    this.probesDone++;
    if (this.probesDone === this.probes) this.features = undefined;
  }

  advance(budget: Budget): void {
    stepWithin(budget, this);
  }

  progress(): Progress {
    const total = TRAIN_STEPS + 2 * this.probes * PROBE_COST;
    const done = this.steps + this.probesDone * PROBE_COST;
    return { steps: this.steps, fraction: Math.min(1, done / total), phase: this.error ? 'diverged' : this.phase() };
  }

  private phase(): ConceptSnapshot['phase'] {
    if (this.probesDone < this.probes) return 'probing at initialisation';
    if (this.steps < TRAIN_STEPS) return 'training';
    return this.done ? 'finished' : 'probing after training';
  }

  /** The network's own held-out accuracy per head. */
  private heads(): number[] {
    const z = noGrad(() => this.net.forward(this.test.x));
    const n = TEST_ROWS;
    return this.test.labels.map((l, c) =>
      accuracy(
        noGrad(() => slice(z, [0, 2 * c], [n, 2])),
        l,
      ),
    );
  }

  snapshot(): ConceptSnapshot {
    return {
      steps: this.steps,
      loss: this.loss.slice(),
      heads: this.headAcc.slice(),
      probes: this.probesDone,
      totalProbes: 2 * this.probes,
      init: this.init.map((r) => r.slice()),
      trained: this.trained.map((r) => r.slice()),
      phase: this.phase(),
    };
  }
}
