/**
 * The MNIST network of chapter 5: its settings, its layer widths and the named layers a probe reads. Pure (no DOM).
 * See `index.ts` for the whole pipeline.
 */
import { mlp, type MLP, type Rng } from '@beyond-linear/tensor';
import { DEFAULT_NET, DEPTH_RANGE, WIDTH_OPTIONS, layerSizes, type NetSettings } from './sizes';

export * from './sizes';

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

/** The same ReLU network on `inputs` numbers per digit instead of 784 (behind a lookup, see `lookup.ts`). */
export function buildBody(s: Pick<NetSettings, 'depth' | 'width'>, inputs: number, r: Rng): MLP {
  return mlp({ sizes: [inputs, ...layerSizes(s).slice(1)], activation: 'relu', rng: r });
}

/** Settings checked and put in range: a bad value (from a URL or a hand-made message) falls back to the default. */
export function checkedSettings(s: Partial<NetSettings>): NetSettings {
  const int = (v: unknown, lo: number, hi: number, d: number): number => (typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi ? v : d);
  const width = (WIDTH_OPTIONS as readonly number[]).includes(s.width as number) ? (s.width as number) : DEFAULT_NET.width;
  return { depth: int(s.depth, DEPTH_RANGE.min, DEPTH_RANGE.max, DEFAULT_NET.depth), width, seed: int(s.seed, 0, 2 ** 31, DEFAULT_NET.seed) };
}
