/**
 * Linear probes on frozen activations (Alain & Bengio): every layer's activations for the training and the test digits,
 * computed without recording a graph, and a softmax probe fitted on one layer with `probe` from the tensor package.
 * Pure (no DOM). See `index.ts` for the whole pipeline.
 */
import { noGrad, probe, type MLP, type ProbeOptions, type Tensor } from '@beyond-linear/tensor';
import type { Split } from './data';
import { CLASSES, type ProbedLayer } from './net';

/**
 * The probe: multinomial logistic regression `softmax(h·Q + c)` on a layer's frozen activations `h`, trained by
 * minibatch Adam (256 rows a step, at most 12 epochs) with early stopping on 10 % of the training digits: about half the
 * time of the package's defaults (128 rows, 40 epochs) for a held-out accuracy within half a point of theirs. Its seed is fixed: the probe is the measuring
 * instrument, the same for every network, so the raw-pixel probe is the same in every run and can be kept.
 */
export const PROBE_OPTIONS: Readonly<ProbeOptions> = {
  kind: 'softmax',
  classes: CLASSES,
  epochs: 12,
  batchSize: 256,
  lr: 0.02,
  l2: 1e-4,
  validation: 0.1,
  patience: 2,
  seed: 0,
};

/** How many misread digits a probe result keeps to show. */
export const WRONG_SHOWN = 6;

/** A test digit a probe reads wrongly: its index in the data file, its label and the probe's answer. */
export interface WrongDigit {
  index: number;
  label: number;
  predicted: number;
}

/** One layer's probe: held-out (test) accuracy, accuracy on the digits it was fitted on, and the first digits it gets wrong. */
export interface LayerProbe extends ProbedLayer {
  accuracy: number;
  trainAccuracy: number;
  /** Test digits it gets wrong, in all, and the first `WRONG_SHOWN` of them. */
  wrongCount: number;
  wrong: WrongDigit[];
}

/** Every probed layer's activations for a set of digits: `[pixels, h₁, …, h_{k−1}, output scores]`. */
export function frozenActivations(net: Pick<MLP, 'trace'>, s: Split): Tensor[] {
  return [s.x, ...noGrad(() => net.trace(s.x)).map((t) => t.detach())];
}

/** Share of rows whose highest score is the label, and the wrong rows (index into the split, label, answer). */
export function readScores(z: Tensor, labels: Int32Array): { accuracy: number; wrong: Array<[number, number, number]> } {
  const k = z.shape[1]!;
  const wrong: Array<[number, number, number]> = [];
  for (let i = 0; i < labels.length; i++) {
    let best = 0;
    for (let j = 1; j < k; j++) if (z.data[i * k + j]! > z.data[i * k + best]!) best = j;
    if (best !== labels[i]) wrong.push([i, labels[i]!, best]);
  }
  return { accuracy: labels.length === 0 ? 0 : 1 - wrong.length / labels.length, wrong };
}

/** Fit the probe on one layer's training activations and score it on the test activations. */
export function probeLayer(layer: ProbedLayer, train: Tensor, trainLabels: Int32Array, test: Tensor, testSplit: Split): LayerProbe {
  const fitted = probe(train, trainLabels, { ...PROBE_OPTIONS, test: { x: test, labels: testSplit.labels } });
  const { accuracy, wrong } = readScores(fitted.scores(test), testSplit.labels);
  return {
    ...layer,
    accuracy,
    trainAccuracy: fitted.accuracy,
    wrongCount: wrong.length,
    wrong: wrong.slice(0, WRONG_SHOWN).map(([i, label, predicted]) => ({ index: testSplit.first + i, label, predicted })),
  };
}
