import type { ChoiceProp, NumberProp, Values } from '../_shared/state';

/** The two probes: the article's least-squares regression onto the 0/1 label, or a logistic (two-class softmax) probe. */
export type ProbeKind = 'regression' | 'logistic';
/** Whose first layer: the article's trained weights, or a seeded random (He) start of the same architecture. */
export type NetKind = 'article' | 'random';

/**
 * Settings, all in the URL: the probe, the network (the article's trained weights or a random start from `seed`, the
 * same start as seed `seed` in chapter 2's XOR ReLU net), and whether the ReLU sits between the layers.
 */
export const props = {
  probe: { kind: 'choice', default: 'regression', options: ['regression', 'logistic'] } as ChoiceProp<ProbeKind>,
  net: { kind: 'choice', default: 'article', options: ['article', 'random'] } as ChoiceProp<NetKind>,
  seed: { kind: 'number', default: 3, min: 0, max: 99, step: 1 } as NumberProp,
  relu: { kind: 'boolean', default: true },
} as const;

/** The widget's values: one per setting in `props`. */
export type XorProbeValues = Values<typeof props>;

/** Probe names in words. */
export const PROBE_LABELS: Readonly<Record<ProbeKind, string>> = {
  regression: 'linear regression (the article’s)',
  logistic: 'logistic (softmax) probe',
};
/** Network names in words. */
export const NET_LABELS: Readonly<Record<NetKind, string>> = {
  article: 'the article’s trained weights',
  random: 'a random start (seed below)',
};

/** A point's score is this close to the threshold: a tie, which counts as class 0 (as `argmax` picks the first class). */
export const TIE = 1e-6;
