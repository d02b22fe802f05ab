/**
 * Shared by the differential tests against TensorFlow.js (tfjs.test.ts, tfjs-ops.test.ts):
 * seeded random tensors, conversion to tfjs, and an element-wise comparison. Test-only: the
 * package index does not export it.
 */
import * as tf from '@tensorflow/tfjs-core';
import { expect } from 'vitest';
import type { Rng } from './random.ts';
import { Tensor, sizeOf } from './tensor.ts';

/** Switch tfjs to its CPU backend and warm it up, without its one-time advice to install tfjs-node. */
export async function useTfjsCpu(): Promise<void> {
  const warn = console.warn;
  console.warn = () => {};
  await tf.setBackend('cpu');
  tf.tidy(() => tf.add(1, 1));
  console.warn = warn;
}

/** A tensor of `shape` with entries uniform in [lo, hi), drawn from `r` in order. */
export function randomTensor(r: Rng, shape: number[], lo = -2, hi = 2): Tensor {
  return new Tensor(
    Float64Array.from({ length: sizeOf(shape) }, () => r.uniform(lo, hi)),
    shape,
  );
}

/** The same values as a tfjs tensor. */
export const toTf = (t: Tensor): tf.Tensor => tf.tensor(Array.from(t.data), t.shape);

/** Every entry agrees to a relative 1e-4 (tfjs computes in float32). */
export function expectClose(ours: ArrayLike<number>, theirs: ArrayLike<number>, label: string): void {
  expect(ours.length, label).toBe(theirs.length);
  for (let i = 0; i < ours.length; i++) {
    const a = ours[i] ?? Number.NaN;
    const b = theirs[i] ?? Number.NaN;
    expect(Math.abs(a - b) / Math.max(1, Math.abs(a), Math.abs(b)), `${label}[${i}]: ${a} vs ${b}`).toBeLessThan(1e-4);
  }
}
