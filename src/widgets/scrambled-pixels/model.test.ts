import { describe, expect, it } from 'vitest';
import { blankText, inverse, MIDDLE, permutation, props, scramble } from './model';

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
});
