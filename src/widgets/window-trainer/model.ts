import type { ChoiceProp, NumberProp, Values } from '../_shared/state';

/** The corpora a reader can train on: the generated grammar, or the text of Moby-Dick (loaded on request). */
export type CorpusName = 'grammar' | 'moby-dick';

const num = (d: number, min: number, max: number, step: number): NumberProp => ({ kind: 'number', default: d, min, max, step });

/**
 * Settings, all in the URL. The model predicts the next word from the `n` words before it: each is looked up in E
 * (|V| × e) and the rows are concatenated into x (1 × n·e), then a tanh hidden layer of width `v` (H is n·e × v) and a
 * softmax over the vocabulary, trained by plain SGD on minibatches of `BATCH` windows at learning rate η = 10^lr (the
 * slider is log-scale). The defaults reach purity@5 ≥ 0.8 on the grammar well within 20 s (see measured.ts).
 */
export const props = {
  corpus: { kind: 'choice', default: 'grammar', options: ['grammar', 'moby-dick'] } as ChoiceProp<CorpusName>,
  n: num(2, 1, 6, 1),
  e: num(16, 2, 64, 2),
  v: num(32, 8, 256, 8),
  lr: num(-0.3, -3, 2, 0.1),
  seed: num(1, 0, 99, 1),
} as const;

/** The widget's values: one per setting in `props`. */
export type WindowValues = Values<typeof props>;

/** Windows per minibatch (t). */
export const BATCH = 32;
/** The Moby-Dick vocabulary: the 2,000 most frequent words of the training part, plus `<unk>`. */
export const TEXT_VOCABULARY = 2000;

export const CORPUS_LABELS: Readonly<Record<CorpusName, string>> = {
  grammar: 'generated grammar (102 words)',
  'moby-dick': 'Moby-Dick (2,000 words + <unk>)',
};

/** The learning rate the slider stands for: `η = 10^lr`. */
export function learningRate(v: Pick<WindowValues, 'lr'>): number {
  return 10 ** v.lr;
}

/** The learning rate in words with two significant digits, e.g. `0.32`. */
export function lrText(v: Pick<WindowValues, 'lr'>): string {
  const x = learningRate(v);
  return x >= 1 ? x.toPrecision(2).replace(/\.0$/, '') : Number(x.toPrecision(2)).toString();
}

/** The architecture in words. */
export function architecture(v: WindowValues, vocab: number): string {
  return `x = ${v.n} rows of E (e = ${v.e}), d = ${v.n * v.e} → tanh hidden layer of ${v.v} → softmax over ${vocab.toLocaleString('en')} words`;
}
