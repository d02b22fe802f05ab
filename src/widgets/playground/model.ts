import type { BooleanProp, ChoiceProp, NumberProp, Values } from '../_shared/state';

// The props table and the learning rate only: this module is in the page's first load. What the settings build
// (datasets, features, layer sizes) and their names in words are in network.ts, loaded with the live figure.

/** The datasets a reader can choose: noisy XOR, two circles, spirals with 2–5 arms, Gaussian blobs with k classes. */
export type DatasetName = 'spiral' | 'xor' | 'circles' | 'blobs';
/** The hidden activations offered: `identity` (no activation) makes the whole network one linear map. */
export type ActName = 'relu' | 'tanh' | 'sigmoid' | 'identity';
/** Plain SGD, SGD with momentum 0.9, or Adam. */
export type OptName = 'sgd' | 'momentum' | 'adam';
/** Minibatch sizes: a number of rows, or the whole training set. */
export type BatchName = '1' | '8' | '16' | '32' | '64' | '128' | 'all';
/** L2 coefficients `λ` offered: the penalty `(λ/2)‖W‖²` over every weight matrix (not the biases) is added to `𝓛`. */
export type L2Name = '0' | '0.0001' | '0.001' | '0.003' | '0.01' | '0.03' | '0.1';

const num = (d: number, min: number, max: number, step: number): NumberProp => ({ kind: 'number', default: d, min, max, step });

/** The extra input features' settings (see `FEATURES` in network.ts). */
export type FeatureKey = 'x1sq' | 'x2sq' | 'x1x2' | 'sin1' | 'sin2';

const off: BooleanProp = { kind: 'boolean', default: false };

/**
 * Settings, all in the URL. The defaults (400 points of the 2-arm spiral, noise 0.03, a 2-16-16-2 ReLU network,
 * plain SGD with learning rate η = 10^−0.3 ≈ 0.5, minibatches of 32) reach > 95 % test accuracy within 800 steps for
 * each of seeds 1–10 (see train.test.ts). `lr` is the base-10 logarithm of η, so the slider is log-scale.
 */
export const props = {
  data: { kind: 'choice', default: 'spiral', options: ['spiral', 'xor', 'circles', 'blobs'] } as ChoiceProp<DatasetName>,
  classes: num(2, 2, 5, 1),
  noise: num(0.03, 0, 0.3, 0.01),
  n: num(400, 100, 800, 50),
  seed: num(1, 0, 99, 1),
  x1sq: off,
  x2sq: off,
  x1x2: off,
  sin1: off,
  sin2: off,
  layers: num(2, 0, 3, 1),
  width: num(16, 1, 16, 1),
  act: { kind: 'choice', default: 'relu', options: ['relu', 'tanh', 'sigmoid', 'identity'] } as ChoiceProp<ActName>,
  lr: num(-0.3, -4, 1, 0.1),
  batch: { kind: 'choice', default: '32', options: ['1', '8', '16', '32', '64', '128', 'all'] } as ChoiceProp<BatchName>,
  opt: { kind: 'choice', default: 'sgd', options: ['sgd', 'momentum', 'adam'] } as ChoiceProp<OptName>,
  l2: { kind: 'choice', default: '0', options: ['0', '0.0001', '0.001', '0.003', '0.01', '0.03', '0.1'] } as ChoiceProp<L2Name>,
  showTest: { kind: 'boolean', default: true } as BooleanProp,
} as const;

/** The widget's values: one per setting in `props`. */
export type PlaygroundValues = Values<typeof props>;

/** The learning rate the slider stands for: `η = 10^lr`. */
export function learningRate(v: Pick<PlaygroundValues, 'lr'>): number {
  return 10 ** v.lr;
}

/** The learning rate in words with two significant digits, e.g. `0.032`. */
export function lrText(v: Pick<PlaygroundValues, 'lr'>): string {
  const x = learningRate(v);
  return x >= 1 ? x.toPrecision(2).replace(/\.0$/, '') : Number(x.toPrecision(2)).toString();
}
