/** The MNIST digits as the network's inputs: pixel bytes scaled to `[0, 1]`, split into training and test rows. Pure. */
import { Tensor } from '@beyond-linear/tensor';
import type { Digits } from '../data/mnist';
import { PIXELS } from './net';

/** Inputs `[n, 784]` in `[0, 1]` and labels, and where these rows sit in the data file (`first + i`). */
export interface Split {
  x: Tensor;
  labels: Int32Array;
  first: number;
}

/** The training and the test rows. */
export interface MnistSplits {
  train: Split;
  test: Split;
}

/** Digits `from … to − 1` as a split (`x = (byte − offset) / 255`). */
function part(d: Digits, from: number, to: number, offset: number): Split {
  const n = to - from;
  const x = new Float64Array(n * PIXELS);
  const px = d.pixels;
  for (let i = 0, o = from * PIXELS; i < x.length; i++, o++) x[i] = (px[o]! - offset) / 255;
  return { x: new Tensor(x, [n, PIXELS]), labels: Int32Array.from(d.labels.subarray(from, to)), first: from };
}

/**
 * The training digits (the file's first `trainCount`) and the test digits (the rest), optionally only the first
 * `limit.train` and `limit.test` of each (for tests; any prefix of either part is a random sample of it). `offset` is
 * the byte that reads as 0 (default 0, blank; scrambled digits use the value blank became).
 */
export function splits(d: Digits, limit: { train?: number; test?: number } = {}, offset = 0): MnistSplits {
  if (d.size !== PIXELS) throw new Error(`mnist-net: expected ${PIXELS} pixels per digit, got ${d.size}`);
  const trainEnd = Math.min(d.trainCount, limit.train ?? d.trainCount);
  const testEnd = Math.min(d.count, d.trainCount + (limit.test ?? d.count));
  return { train: part(d, 0, trainEnd, offset), test: part(d, d.trainCount, testEnd, offset) };
}

/** Rows `idx` of a split's inputs, as a minibatch `[idx.length, 784]`. */
export function rowsOf(s: Split, idx: ArrayLike<number>): Tensor {
  const out = new Float64Array(idx.length * PIXELS);
  const x = s.x.data;
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k]!;
    out.set(x.subarray(i * PIXELS, (i + 1) * PIXELS), k * PIXELS);
  }
  return new Tensor(out, [idx.length, PIXELS]);
}
