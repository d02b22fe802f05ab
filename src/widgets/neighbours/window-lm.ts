/**
 * The window language model chapter 4 ships ready-trained (`scripts/data/pretrain-embeddings.ts`): predict the next
 * word from the previous n words. In the book's notation the window x = [j₁E; …; jₙE] (d = n·e) goes through one
 * hidden layer, k = x·H + b_H and h = relu(k), and a softmax over the |V| words, o = softmax(h·U + b_U). Pure module
 * (no DOM, no Node), imports with extensions so the Node script, Vitest and the site share it.
 */
import { Embedding, Linear, adam, noGrad, relu, rng, softmaxCrossEntropy, type Module, type Tensor } from '@beyond-linear/tensor';
import { contexts } from './perplexity.ts';

export interface WindowConfig {
  /** Vocabulary size |V| (the cut words plus `<unk>`). */
  vocab: number;
  /** Words in the window, n. */
  n: number;
  /** Embedding width, e. */
  e: number;
  /** Hidden width, v. */
  hidden: number;
  seed: number;
  /**
   * E starts as N(0, s²) with this s (default 0.1). The tensor package's N(0, 1) rows are so long that two epochs of Adam
   * barely turn them, and a word's neighbours would still be those of its random start.
   */
  embedScale?: number;
}

/** E (`embedding.weight`, |V| × e), H and b_H (`hidden.*`), U and b_U (`output.*`). */
export class WindowLM implements Module {
  readonly embedding: Embedding;
  readonly hidden: Linear;
  readonly output: Linear;
  readonly config: WindowConfig;
  constructor(config: WindowConfig) {
    this.config = config;
    const r = rng(config.seed);
    this.embedding = new Embedding({ count: config.vocab, dim: config.e, sparse: true, rng: r });
    const s = config.embedScale ?? 0.1;
    this.embedding.weight.data.forEach((x, i, a) => (a[i] = x * s));
    this.hidden = new Linear({ inputs: config.n * config.e, outputs: config.hidden, init: 'he', rng: r });
    this.output = new Linear({ inputs: config.hidden, outputs: config.vocab, rng: r });
  }
  /** Logits `[t, |V|]` for `t` windows given as `t·n` ids, window by window. */
  logits(windows: ArrayLike<number>): Tensor {
    const ids = Array.from(windows);
    return this.output.forward(relu(this.hidden.forward(this.embedding.window(ids, this.config.n))));
  }
  params(): Tensor[] {
    return this.namedParams().map((p) => p[1]);
  }
  namedParams(): [string, Tensor][] {
    const named = (prefix: string, m: Module): [string, Tensor][] => m.namedParams().map(([k, t]) => [`${prefix}.${k}`, t]);
    return [...named('embedding', this.embedding), ...named('hidden', this.hidden), ...named('output', this.output)];
  }
}

export interface TrainOptions {
  /** Passes over the training windows. */
  epochs: number;
  /** Minibatch size t. */
  batch: number;
  /** Adam learning rate at the start; it falls linearly to a tenth of this by the last step. */
  lr: number;
  /** Called after each minibatch with the step, the total and the minibatch loss. */
  onStep?: (step: number, total: number, loss: number) => void;
}

/**
 * Train on every position `i` in `[n, end)` of `ids` (the target `ids[i]`, the window `ids[i−n … i−1]`), in a seeded
 * shuffled order each epoch, with Adam and softmax cross-entropy. Same seed, same weights.
 */
export function trainWindowLM(model: WindowLM, ids: ArrayLike<number>, end: number, o: TrainOptions): void {
  const { n, seed } = model.config;
  const positions = Int32Array.from({ length: end - n }, (_, i) => i + n);
  const r = rng(seed + 1);
  const opt = adam(model, { lr: o.lr });
  const perEpoch = Math.ceil(positions.length / o.batch);
  const total = perEpoch * o.epochs;
  let step = 0;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    r.shuffle(positions);
    for (let b = 0; b < positions.length; b += o.batch) {
      const chunk = positions.subarray(b, b + o.batch);
      const { windows, targets } = contexts(ids, n, chunk);
      opt.lr = o.lr * (1 - (0.9 * step) / Math.max(1, total - 1));
      opt.zeroGrad();
      const loss = softmaxCrossEntropy(model.logits(windows), targets);
      loss.backward();
      opt.step();
      o.onStep?.(++step, total, loss.data[0]!);
    }
  }
}

/** Σ −log p(ids[i] | window) over the positions, in chunks, recording nothing: the model's total negative log-likelihood. */
export function windowNll(model: WindowLM, ids: ArrayLike<number>, positions: Int32Array, chunk = 512): number {
  let total = 0;
  for (let b = 0; b < positions.length; b += chunk) {
    const { windows, targets } = contexts(ids, model.config.n, positions.subarray(b, b + chunk));
    total += noGrad(() => softmaxCrossEntropy(model.logits(windows), targets)).data[0]! * targets.length;
  }
  return total;
}
