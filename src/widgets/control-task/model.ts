/* Control tasks (Hewitt & Liang, 2019), chapter 5: each digit's control label is a fixed random function of its k-means
   cluster, so a probe can learn it only by memorising which digits look alike. Selectivity = real − control accuracy.
   Pure module, no DOM. */
import { rng } from '@beyond-linear/tensor';
import type { ChoiceProp, NumberProp, Values } from '../_shared/state';

/** Clusters of raw pixels the control labels attach to (Hewitt & Liang's word types). */
export const CLUSTERS = 100;
/** Classes of both tasks. */
export const CLASSES = 10;

/** Probe capacities, least to most: a linear probe, then MLP probes with one hidden layer of growing width. */
export type CapacityName = 'linear' | 'mlp-16' | 'mlp-64' | 'mlp-256';
export const CAPACITIES: readonly CapacityName[] = ['linear', 'mlp-16', 'mlp-64', 'mlp-256'];

/** Settings, all in the URL: the probe capacity shown, and the seed of the clusters, control labels, network and probes. */
export const props = {
  capacity: { kind: 'choice', default: 'mlp-256', options: [...CAPACITIES] } as ChoiceProp<CapacityName>,
  seed: { kind: 'number', default: 1, min: 0, max: 99, step: 1 } as NumberProp,
} as const;

export type ControlValues = Values<typeof props>;

/** The hidden width of an MLP probe, or 0 for the linear probe. */
export function hiddenOf(c: CapacityName): number {
  return c === 'linear' ? 0 : Number(c.slice(4));
}

/** A capacity in words: `linear probe`, `MLP probe, 64 hidden units`. */
export function capacityText(c: CapacityName): string {
  return c === 'linear' ? 'linear probe' : `MLP probe, ${hiddenOf(c)} hidden units`;
}

/**
 * The control task's function from cluster to label: each cluster gets the label of a random training digit, so control
 * labels follow the real labels' frequencies (as Hewitt & Liang sample from the empirical distribution), but carry no
 * information about the digit beyond its cluster.
 */
export function clusterLabels(k: number, trainLabels: ArrayLike<number>, seed: number): Int32Array {
  const r = rng(seed);
  return Int32Array.from({ length: k }, () => trainLabels[r.int(trainLabels.length)]!);
}

/** Each digit's control label: the label of its cluster. */
export function controlLabels(assignments: ArrayLike<number>, byCluster: Int32Array): Int32Array {
  return Int32Array.from(assignments, (c) => byCluster[c]!);
}

/** Selectivity (Hewitt & Liang): held-out accuracy on the real task minus held-out accuracy on the control task. */
export function selectivity(real: number, control: number): number {
  return real - control;
}

/** Share of digits whose control label equals their real label (chance agreement between the two tasks). */
export function agreement(control: ArrayLike<number>, real: ArrayLike<number>): number {
  let same = 0;
  for (let i = 0; i < real.length; i++) if (control[i] === real[i]) same++;
  return real.length === 0 ? 0 : same / real.length;
}
