/** The book's MNIST payload (see `scripts/data/mnist.ts`): views onto pixels and labels, and which split a digit is in. Pure module. */
import { DataError } from './load';
import type { MnistManifest } from './manifest';

export interface Digits {
  count: number;
  /** Pixels per image (rows × columns). */
  size: number;
  /** `count × size` bytes, image by image, row-major; 0 is background, 255 full ink. */
  pixels: Uint8Array;
  /** `count` labels 0–9. */
  labels: Uint8Array;
  /** Digits `0 … trainCount − 1` are the training set, the rest the test set. */
  trainCount: number;
}

/** What decoding needs to know: how many digits, their shape, and how many of them (from the start) are training digits. */
export interface MnistShape {
  count: number;
  shape: readonly [number, number];
  trainCount: number;
}

/** The shape of the full MNIST file, from its manifest. */
export function mnistShape(m: Pick<MnistManifest, 'count' | 'shape' | 'split'>): MnistShape {
  return { count: m.count, shape: m.shape, trainCount: m.split.train.count };
}

/** Views onto a decoded payload; a payload of the wrong size or with a label outside 0–9 is refused. */
export function decodeMnist(payload: Uint8Array, manifest: MnistShape): Digits {
  const { count } = manifest;
  const size = manifest.shape[0] * manifest.shape[1];
  if (payload.length !== count * (size + 1))
    throw new DataError('corrupt', `The digits file holds ${payload.length} bytes where ${count * (size + 1)} were expected, so it was not used.`);
  const pixels = payload.subarray(0, count * size);
  const labels = payload.subarray(count * size);
  const bad = labels.findIndex((l) => l > 9);
  if (bad >= 0) throw new DataError('corrupt', `Digit ${bad} of the file has the label ${labels[bad]}, which is not 0–9, so the file was not used.`);
  return { count, size, pixels, labels, trainCount: manifest.trainCount };
}

/** The split a digit belongs to. */
export function splitOf(digits: Pick<Digits, 'trainCount'>, index: number): 'train' | 'test' {
  return index < digits.trainCount ? 'train' : 'test';
}

/** The image of digit `index`, as a view (no copy). */
export function image(digits: Digits, index: number): Uint8Array {
  return digits.pixels.subarray(index * digits.size, (index + 1) * digits.size);
}
