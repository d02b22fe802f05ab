import { describe, expect, it } from 'vitest';
import { blankText, inkCounts, inverse, MIDDLE, permutation, props, scramble, weightedCorrelation } from './model';
import { readouts, tableText } from './text';

describe('the pixel-value permutation', () => {
  it('is a permutation of 0–255, fixed by its seed, and loses nothing', () => {
    const pi = permutation(1);
    expect([...pi].sort((a, b) => a - b)).toEqual(Array.from({ length: 256 }, (_, v) => v));
    expect(permutation(1)).toEqual(pi);
    expect(permutation(2)).not.toEqual(pi);
    const pixels = Uint8Array.from({ length: 784 }, (_, i) => (i * 37) % 256);
    expect(scramble(scramble(pixels, pi), inverse(pi))).toEqual(pixels);
  });

  it('sends blank to the middle by default, and leaves it where the shuffle put it with blank: random', () => {
    for (let seed = 0; seed < 20; seed++) expect(permutation(seed)[0]).toBe(MIDDLE);
    const random = permutation(1, 'random');
    expect(random[0]).not.toBe(MIDDLE);
    // Only 0 and the value that went to 128 trade places.
    const middle = permutation(1, 'middle');
    const differ = [...random].flatMap((p, v) => (p === middle[v] ? [] : [v]));
    expect(differ).toHaveLength(2);
    expect(props.blank.default).toBe('middle');
  });

  it('scatters neighbouring intensities: consecutive values land on average far apart', () => {
    const pi = permutation(1);
    const jumps = Array.from({ length: 255 }, (_, v) => Math.abs(pi[v + 1]! - pi[v]!));
    expect(jumps.reduce((a, b) => a + b, 0) / 255).toBeGreaterThan(60);
    expect(blankText(pi)).toBe(`blank (0) becomes 128, full ink (255) becomes ${pi[255]}`);
  });

  it('measures how far a table undid π: weighted correlation with v, blank (weight 0) left out', () => {
    const v = Float64Array.from({ length: 256 }, (_, i) => i);
    const w = new Float64Array(256).fill(1);
    w[0] = 0;
    expect(
      weightedCorrelation(
        v.map((x) => 3 * x + 1),
        w,
      ),
    ).toBeCloseTo(1, 12);
    expect(
      weightedCorrelation(
        v.map((x) => -x),
        w,
      ),
    ).toBeCloseTo(-1, 12);
    // Blank's entry carries no weight: a wild value there changes nothing.
    const wild = v.map((x) => x);
    wild[0] = 1e6;
    expect(weightedCorrelation(wild, w)).toBeCloseTo(1, 12);
    const counts = inkCounts({ pixels: Uint8Array.from([0, 0, 5, 5, 5, 9, 0, 7]), trainCount: 1, size: 4 });
    expect([counts[0], counts[5], counts[9], counts[7]]).toEqual([0, 2, 0, 0]);
  });
});

describe('the readouts', () => {
  it('name each accuracy, the network under training, and the table’s correlation of either sign', () => {
    const r = { raw: 0.886, scrambled: 0.19, lookup: null, netRaw: null, netPlain: null, netLookup: null };
    const out = readouts(r, { netRaw: 'training: epoch 2 of 3', netPlain: 'waiting' });
    expect(out).toEqual({
      raw: '88.6 %',
      scrambled: '19.0 %',
      lookup: 'not yet measured',
      netRaw: 'training: epoch 2 of 3',
      netPlain: 'waiting',
      netLookup: 'not yet measured',
    });
    expect(tableText(0.802)).toContain('correlate with v at r = 0.80;');
    expect(tableText(-0.792)).toContain('r = -0.79 (a falling table');
    expect(tableText(null)).toBe('The lookup network’s table appears once it trains.');
  });
});
