import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gzip, grayPng, sha256 } from './encode.ts';
import { buildMnist, PIXELS, readMnistPackage, testCounts, toByte } from './mnist.ts';
import { mnistManifest } from './mnist-manifest.ts';
import { buildCorpus, coverage, narrative, readMobyDickPackage, stripGutenberg } from './moby-dick.ts';
import { corpusManifest } from './moby-dick-manifest.ts';

const mnist = readMnistPackage();
const moby = readMobyDickPackage();

describe('encoders', () => {
  it('gzip round-trips, with a fixed header (no timestamp, OS unknown)', () => {
    const data = new TextEncoder().encode('call me ishmael '.repeat(100));
    const gz = gzip(data);
    expect([...gz.subarray(0, 10)]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 255]);
    expect(new TextDecoder().decode(gunzipSync(gz))).toBe('call me ishmael '.repeat(100));
    expect(sha256(gzip(data))).toBe(sha256(gz));
  });

  it('grayPng writes a PNG signature and the image size in IHDR', () => {
    const png = grayPng(new Uint8Array(6).fill(128), 3, 2);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const view = new DataView(png.buffer, png.byteOffset);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([3, 2]);
    expect(() => grayPng(new Uint8Array(5), 3, 2)).toThrow(/5 bytes for a 3×2 image/);
  });
});

// Building twice from the real packages takes seconds on a busy machine: a generous limit, not a speed target.
describe('MNIST builder', { timeout: 60_000 }, () => {
  it('reads the package: 10,000 digits in ten classes, each value an exact byte', () => {
    expect(mnist.byClass.map((c) => c.length / PIXELS)).toEqual([1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978]);
    expect(toByte(0.992)).toBe(253);
    expect(toByte(1)).toBe(255);
    expect(() => toByte(0.5)).toThrow(/not an 8-bit intensity/);
  });

  it('splits 8,000 / 2,000, stratified by class', () => {
    const counts = [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978];
    const tests = testCounts(counts, 0.2);
    expect(tests).toEqual([200, 225, 198, 206, 196, 173, 203, 214, 189, 196]);
    const built = buildMnist(mnist);
    expect(built.train).toEqual({ start: 0, count: 8000, classCounts: counts.map((c, d) => c - tests[d]!) });
    expect(built.test).toEqual({ start: 8000, count: 2000, classCounts: tests });
    const labels = built.payload.subarray(10000 * PIXELS);
    expect(labels.length).toBe(10000);
    expect(Array.from({ length: 10 }, (_, d) => labels.subarray(8000).filter((l) => l === d).length)).toEqual(tests);
  });

  it('keeps every digit exactly once (train and test are disjoint and cover the package)', () => {
    const built = buildMnist(mnist);
    const key = (img: Uint8Array, d: number): string => `${d}:${sha256(img)}`;
    const source = mnist.byClass
      .flatMap((c, d) => Array.from({ length: c.length / PIXELS }, (_, i) => key(c.subarray(i * PIXELS, (i + 1) * PIXELS), d)))
      .sort();
    const labels = built.payload.subarray(10000 * PIXELS);
    const out = Array.from({ length: 10000 }, (_, k) => key(built.payload.subarray(k * PIXELS, (k + 1) * PIXELS), labels[k]!)).sort();
    expect(out).toEqual(source);
  });

  it('builds the same bytes twice, and a different seed gives a different order', () => {
    const a = mnistManifest('k', mnist);
    const b = mnistManifest('k', mnist);
    expect(a.manifest).toEqual(b.manifest);
    for (const [p, bytes] of a.files) expect(sha256(b.files.get(p)!), p).toBe(sha256(bytes));
    expect(sha256(buildMnist(mnist, 7).payload)).not.toBe(a.manifest.files.digits.decodedSha256);
  });

  it('records sizes and hashes of what is served and of the payload', () => {
    const { manifest, files } = mnistManifest('k', mnist);
    const served = files.get(manifest.files.digits.path)!;
    expect(manifest.files.digits.bytes).toBe(10000 * 785);
    expect(manifest.files.digits.transferBytes).toBe(served.length);
    expect(manifest.files.digits.sha256).toBe(sha256(served));
    expect(manifest.files.digits.decodedSha256).toBe(sha256(gunzipSync(served)));
    expect(manifest.provenance.licence.name).toBe('CC BY-SA 3.0');
    const labels = gunzipSync(served).subarray(10000 * PIXELS);
    expect(manifest.files.samples.indices.map((i) => labels[i])).toEqual(Array.from({ length: 120 }, (_, k) => Math.floor(k / 12)));
  });
});

describe('Moby-Dick builder', { timeout: 60_000 }, () => {
  it('strips a Project Gutenberg header and footer', () => {
    const text =
      'The Project Gutenberg eBook of Moby-Dick\nRelease date: 2001\n*** START OF THE PROJECT GUTENBERG EBOOK MOBY-DICK; OR, THE WHALE ***\n' +
      'Call me Ishmael.\n*** END OF THE PROJECT GUTENBERG EBOOK MOBY-DICK; OR, THE WHALE ***\nSection 1. General Terms of Use';
    const out = stripGutenberg(text);
    expect(out.text).toBe('Call me Ishmael.');
    expect(out.stripped).toBe(text.length - 'Call me Ishmael.'.length - 2);
    expect(stripGutenberg('No header here.')).toEqual({ text: 'No header here.', stripped: 0 });
  });

  it('keeps the narrative, from "Call me Ishmael" to the Epilogue, and no boilerplate', () => {
    const n = narrative(moby.sections);
    expect(n.text.startsWith('Call me Ishmael.')).toBe(true);
    expect(n.text.endsWith('only found another orphan.')).toBe(true);
    expect(n.text).not.toMatch(/gutenberg/i);
    expect(n.text).not.toMatch(/ETYMOLOGY|Supplied by a Sub-Sub-Librarian/);
    expect(n.dropped).toEqual(['contents', 'etymology', 'extracts']);
  });

  it('ranks words by training count and holds out the last 10 % of tokens', () => {
    const c = buildCorpus('b a b c . a b d');
    // tokens b a b c a b d; held out from round(7·0.9) = 6: the final "d"
    expect(c.heldOutStart).toBe(6);
    expect(c.words).toEqual(['b', 'a', 'c', 'd']);
    expect([...c.ids]).toEqual([0, 1, 0, 2, 1, 0, 3]);
    expect(c.trainCounts).toEqual([3, 2, 1, 0]);
    expect(coverage(c.ids, 2, 0, 6)).toBeCloseTo(5 / 6, 12);
  });

  it('builds the corpus deterministically with its counts and cut', () => {
    const a = corpusManifest('k', moby);
    const b = corpusManifest('k', moby);
    for (const [p, bytes] of a.files) expect(sha256(b.files.get(p)!), p).toBe(sha256(bytes));
    const m = a.manifest;
    expect(m.tokens).toBe(213573);
    expect(m.split.heldOutStart).toBe(Math.round(m.tokens * 0.9));
    expect(m.split.trainTokens + m.split.heldOutTokens).toBe(m.tokens);
    expect(m.vocabulary.top.slice(0, 3)).toEqual([
      ['the', 12576],
      ['of', 5997],
      ['and', 5654],
    ]);
    const ids = gunzipSync(a.files.get(m.files.ids.path)!);
    expect(ids.length).toBe(m.tokens * 2);
    const vocab = JSON.parse(gunzipSync(a.files.get(m.files.vocabulary.path)!).toString('utf8')) as { words: string[]; counts: number[] };
    expect(vocab.words.length).toBe(m.types);
    expect(vocab.counts.reduce((s, x) => s + x, 0)).toBe(m.tokens);
    expect(m.vocabulary.cut.size).toBe(2000);
    expect(m.vocabulary.cut.heldOutCoverage).toBeGreaterThan(0.8);
  });
});
