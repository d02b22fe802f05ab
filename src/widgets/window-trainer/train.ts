import {
  Embedding,
  Linear,
  divergence,
  noGrad,
  pca2,
  rng,
  sgd,
  softmaxCrossEntropy,
  tanh,
  tensor,
  type Optimizer,
  type Projection2D,
  type Rng,
  type Tensor,
} from '@beyond-linear/tensor';
import { stepWithin, type Budget, type Progress, type Run } from '../_shared/run/contract';
import { ANALOGIES, CATEGORIES, CATEGORY_INDEX, WORDS, generateCorpus } from './grammar';
import { analogyAccuracy, purity } from './metrics';
import { BATCH, learningRate, type WindowValues } from './model';
import type { HistoryPoint, WindowView } from './view';

/** A run pauses after this many steps (the reader can press Train to go on). */
export const MAX_STEPS = 20_000;
/** Steps between two points of the curves and two projections (doubled whenever the history grows past `MAX_HISTORY`). */
export const RECORD_EVERY = 25;
const MAX_HISTORY = 240;
/** Held-out windows the loss curve is measured on (a fixed, seeded sample of the last 10 % of the corpus). */
export const EVAL_WINDOWS = 256;
/** Share of the corpus held out at its end. */
const HELD_OUT = 0.1;
/** Words of the text drawn in the projection: the most frequent ones. */
export const TEXT_SHOWN = 150;
/** Standard deviation of the initial entries of E. */
export const INIT_STD = 0.1;
/** A minibatch loss above `BLOWUP · ln |V|` counts as divergence. */
const BLOWUP = 5;

/** A text corpus for the run: word ids (the cut vocabulary, `<unk>` last), the words by id, and where its held-out part starts. */
export interface TextCorpus {
  ids: Uint16Array;
  words: string[];
  heldOutStart?: number;
}

/** The run's settings: the widget's values, and the loaded text when the corpus is Moby-Dick. */
export type WindowSettings = WindowValues & { text?: TextCorpus | null };

/** The windows predicting the words at `positions`: the `n` ids before each (window by window), and the word itself. */
export function windows(ids: Uint16Array, positions: readonly number[], n: number): { context: number[]; target: number[] } {
  const context: number[] = [];
  const target: number[] = [];
  for (const p of positions) {
    for (let k = p - n; k < p; k++) context.push(ids[k]!);
    target.push(ids[p]!);
  }
  return { context, target };
}

/**
 * A resumable training run of the window model: each minibatch of `BATCH` windows looks up its n context words in
 * E, concatenates them into x = [j₁E; …; jₙE], and trains `softmax(tanh(xH + b)W + c)` on the word to predict by
 * plain SGD (E updated only in the rows the batch used). Every `RECORD_EVERY` steps it records the held-out loss,
 * purity@5 and the projection. Same settings, same seed: the bit-identical run, however the steps are sliced.
 */
export class WindowTrainer implements Run<WindowView> {
  steps = 0;
  error: string | null = null;
  limit = MAX_STEPS;
  readonly history: HistoryPoint[] = [];
  readonly vocab: number;
  readonly embedding: Embedding;
  private readonly ids: Uint16Array;
  private readonly words: readonly string[];
  private readonly category: readonly number[] | null;
  private readonly hidden: Linear;
  private readonly output: Linear;
  private readonly opt: Optimizer;
  private readonly r: Rng;
  /** Training targets lie in `[n, split)`, held-out ones in `[split, |corpus|)`. */
  private readonly split: number;
  private readonly eval: { context: number[]; target: number[] };
  private every = RECORD_EVERY;
  private projection: Projection2D | null = null;
  private recorded = 0;
  private analogy: number | null = null;
  /**
   * Ids of the words drawn: the grammar's words with a category (the six others, `.` above all, are so frequent that
   * they would set the scale of the picture); the `TEXT_SHOWN` most frequent words of the text (ids are frequency ranks).
   */
  private readonly shown: number[];

  constructor(private readonly v: WindowSettings) {
    this.r = rng(v.seed);
    if (v.corpus === 'grammar') [this.ids, this.words, this.category] = [generateCorpus(v.seed), WORDS, CATEGORY_INDEX];
    else if (v.text) [this.ids, this.words, this.category] = [v.text.ids, v.text.words, null];
    else throw new Error('The text of Moby-Dick is not loaded yet: press the load button first.');
    this.vocab = this.words.length;
    const category = this.category;
    this.shown = category ? category.flatMap((c, j) => (c >= 0 ? [j] : [])) : Array.from({ length: Math.min(TEXT_SHOWN, this.vocab - 1) }, (_, j) => j);
    this.split = v.corpus === 'grammar' ? Math.floor(this.ids.length * (1 - HELD_OUT)) : (v.text?.heldOutStart ?? Math.round(this.ids.length * (1 - HELD_OUT)));
    const held = Array.from({ length: EVAL_WINDOWS }, () => this.split + this.r.int(this.ids.length - this.split));
    this.eval = windows(this.ids, held, v.n);
    this.embedding = new Embedding({ count: this.vocab, dim: v.e, sparse: true, rng: this.r });
    // E starts small, N(0, INIT_STD²), so what training writes into it soon outweighs the random start.
    this.embedding.weight.data.forEach((x, i, d) => (d[i] = x * INIT_STD));
    this.hidden = new Linear({ inputs: v.n * v.e, outputs: v.v, rng: this.r });
    this.output = new Linear({ inputs: v.v, outputs: this.vocab, rng: this.r });
    this.opt = sgd([...this.embedding.params(), ...this.hidden.params(), ...this.output.params()], { lr: learningRate(v) });
    this.record();
  }

  get done(): boolean {
    return this.error !== null || this.steps >= this.limit;
  }

  extend(): void {
    if (!this.error && this.steps >= this.limit) this.limit = this.steps + MAX_STEPS;
  }

  /** Logits for a batch of windows (`t·n` ids): `tanh(xH + b)W + c` with `x = [j₁E; …; jₙE]`. */
  logits(context: readonly number[]): Tensor {
    const x = this.embedding.window(context, this.v.n);
    return this.output.forward(tanh(this.hidden.forward(x)));
  }

  /** One SGD step on `BATCH` windows drawn uniformly from the training part; stops with `error` on divergence. */
  step(): void {
    const positions = Array.from({ length: BATCH }, () => this.v.n + this.r.int(this.split - this.v.n));
    const { context, target } = windows(this.ids, positions, this.v.n);
    this.opt.zeroGrad();
    const loss = softmaxCrossEntropy(this.logits(context), target);
    loss.backward();
    this.opt.step();
    this.steps++;
    this.error = divergence(loss, this.opt.params) ?? this.blowup(loss.item());
    if (!this.error && this.steps % this.every === 0) this.record();
  }

  advance(budget: Budget): void {
    stepWithin(budget, this);
  }

  progress(): Progress {
    return { steps: this.steps, fraction: Math.min(1, this.steps / this.limit), phase: this.error ? 'diverged' : this.done ? 'finished' : 'training' };
  }

  /** The table E as a fresh array (`[|V|, e]`, row-major). */
  table(): Float64Array {
    return this.embedding.weight.data.slice();
  }

  /** Mean cross-entropy on the held-out windows (no gradient). */
  heldOutLoss(): number {
    return noGrad(() => softmaxCrossEntropy(this.logits(this.eval.context), this.eval.target).item());
  }

  snapshot(): WindowView {
    const shown = this.shown;
    return {
      corpus: this.v.corpus,
      steps: this.steps,
      tokens: this.ids.length,
      vocab: this.vocab,
      history: this.history.map((h) => ({ ...h })),
      words: shown.map((j) => this.words[j]!),
      category: this.category ? shown.map((j) => this.category![j]!) : null,
      points: this.projection ? this.projection.points.data.slice() : new Float64Array(2 * shown.length),
      recorded: this.recorded,
      analogy: this.analogy,
      analogies: this.category ? ANALOGIES.length : 0,
      categories: this.category ? [...CATEGORIES] : null,
      error: this.error,
    };
  }

  /** Add the held-out loss, purity and projection at this step to the curves; thin them when there are too many. */
  private record(): void {
    const loss = this.heldOutLoss();
    if (!Number.isFinite(loss)) {
      this.error = divergence(loss);
      return;
    }
    const e = this.v.e;
    const table = this.embedding.weight.data;
    const p = this.category ? purity(table, e, this.category) : null;
    if (this.category) this.analogy = analogyAccuracy(table, e, ANALOGIES);
    const rows = new Float64Array(this.shown.length * e);
    this.shown.forEach((j, i) => rows.set(table.subarray(j * e, j * e + e), i * e));
    this.projection = pca2(tensor(rows, [this.shown.length, e]), this.projection);
    this.recorded = this.steps;
    this.history.push({ step: this.steps, loss, purity: p });
    if (this.history.length > MAX_HISTORY) {
      const kept = this.history.filter((_, i) => i % 2 === 0);
      this.history.splice(0, this.history.length, ...kept);
      this.every *= 2;
    }
  }

  /** A finite loss far above that of guessing every word equally (`ln |V|`) means the steps overshoot: divergence too. */
  private blowup(loss: number): string | null {
    const guess = Math.log(this.vocab);
    if (loss <= BLOWUP * guess) return null;
    return `Training diverged: the loss rose to ${loss.toFixed(1)}, more than ${BLOWUP} times the ${guess.toFixed(2)} of guessing every word equally.`;
  }
}
