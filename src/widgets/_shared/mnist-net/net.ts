/**
 * The MNIST network of chapter 5: its settings, its layer widths and the named layers a probe reads. Pure (no DOM).
 * See `index.ts` for the whole pipeline.
 */
import { mlp, type MLP, type Rng } from '@beyond-linear/tensor';

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

/** A layer a probe reads: its position (0 = raw pixels, last = output scores), a short name and its width. */
export interface ProbedLayer {
  index: number;
  name: string;
  width: number;
}

/** The layers probed: the raw pixels, each hidden layer after ReLU, and the output scores (logits). */
export function probedLayers(s: Pick<NetSettings, 'depth' | 'width'>): ProbedLayer[] {
  const sizes = layerSizes(s);
  return sizes.map((width, index) => ({
    index,
    width,
    name: index === 0 ? 'pixels' : index === sizes.length - 1 ? 'output' : `hidden ${index}`,
  }));
}

/** The ReLU network for these settings, He-initialised from `r`. */
export function buildNet(s: Pick<NetSettings, 'depth' | 'width'>, r: Rng): MLP {
  return mlp({ sizes: layerSizes(s), activation: 'relu', rng: r });
}

/** Settings checked and put in range: a bad value (from a URL or a hand-made message) falls back to the default. */
export function checkedSettings(s: Partial<NetSettings>): NetSettings {
  const int = (v: unknown, lo: number, hi: number, d: number): number => (typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi ? v : d);
  const width = (WIDTH_OPTIONS as readonly number[]).includes(s.width as number) ? (s.width as number) : DEFAULT_NET.width;
  return { depth: int(s.depth, DEPTH_RANGE.min, DEPTH_RANGE.max, DEFAULT_NET.depth), width, seed: int(s.seed, 0, 2 ** 31, DEFAULT_NET.seed) };
}
