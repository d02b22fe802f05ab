/**
 * The layer-probes widget's settings (all in the URL) and what a run is built from. Small and pure: it is in the
 * page's first load. The network, the training run and the probes are in `../_shared/mnist-net/`.
 */
import type { Digits } from '../_shared/data/mnist';
import type { ChoiceProp, NumberProp, Values } from '../_shared/state';

export type WidthName = '32' | '64' | '128' | '256' | '512';

/** Hidden layers (1–5), the first hidden layer's width (each next one half as wide), and the seed. Defaults: 784-256-128-64-10, seed 1. */
export const props = {
  depth: { kind: 'number', default: 3, min: 1, max: 5, step: 1 } as NumberProp,
  width: { kind: 'choice', default: '256', options: ['32', '64', '128', '256', '512'] } as ChoiceProp<WidthName>,
  seed: { kind: 'number', default: 1, min: 0, max: 99, step: 1 } as NumberProp,
} as const;

export type LayerProbesValues = Values<typeof props>;

/** What the run is built from: the network's settings and the loaded digits. */
export interface LayerProbesSettings {
  depth: number;
  width: number;
  seed: number;
  digits: Digits;
}

/** The run's settings from the widget's values and the digits. */
export function runSettings(v: LayerProbesValues, digits: Digits): LayerProbesSettings {
  return { depth: v.depth, width: Number(v.width), seed: v.seed, digits };
}
