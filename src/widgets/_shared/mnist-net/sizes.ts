/**
 * The MNIST network's shape from its settings: pure arithmetic with no imports, so a page can show the architecture
 * without loading the tensor package. `net.ts` re-exports all of it.
 */

/** Pixels per digit (28 × 28) and classes. */
export const PIXELS = 784;
export const CLASSES = 10;

/**
 * What a reader can set: hidden layers (`depth`), the first hidden layer's width (each next one is half as wide, at
 * least `MIN_WIDTH`), and the seed of the initial weights, the batch order and the probes.
 */
export interface NetSettings {
  depth: number;
  width: number;
  seed: number;
}

/** The defaults: 784-256-128-64-10 with ReLU, seed 1. */
export const DEFAULT_NET: NetSettings = { depth: 3, width: 256, seed: 1 };
/** The settings' ranges (for a props table and for refusing bad values). */
export const DEPTH_RANGE = { min: 1, max: 5 } as const;
export const WIDTH_OPTIONS = [32, 64, 128, 256, 512] as const;
/** The narrowest hidden layer the halving goes down to. */
export const MIN_WIDTH = 16;

/** Hidden widths: `width, width/2, …` (`depth` of them, none below `MIN_WIDTH`). */
export function hiddenWidths({ depth, width }: Pick<NetSettings, 'depth' | 'width'>): number[] {
  return Array.from({ length: depth }, (_, i) => Math.max(MIN_WIDTH, Math.floor(width / 2 ** i)));
}

/** Every layer width, input first: `[784, …hidden, 10]`. */
export function layerSizes(s: Pick<NetSettings, 'depth' | 'width'>): number[] {
  return [PIXELS, ...hiddenWidths(s), CLASSES];
}

/** The architecture in the book's notation, e.g. `784-256-128-64-10`. */
export function architecture(s: Pick<NetSettings, 'depth' | 'width'>): string {
  return layerSizes(s).join('-');
}
