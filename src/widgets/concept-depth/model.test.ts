import { describe, expect, it } from 'vitest';
import { defaults } from '../_shared/state';
import { conceptLabel, emptySnapshot, firstBit, firstDecodable, inputWidth, layerName, props, sizes } from './model';

describe('concept depth: the concepts and the network', () => {
  it('concept k is the parity of its own k bits: one bit, XOR of two, parity of three', () => {
    const row = [-1, 1, -1, 1, 1, -1, 1, 1];
    expect([0, 1, 2].map((c) => firstBit(c))).toEqual([0, 1, 3]);
    expect(conceptLabel(row, 0)).toBe(1);
    expect(conceptLabel(row, 1)).toBe(1);
    expect(conceptLabel(row, 2)).toBe(1);
    expect(conceptLabel([1, -1, -1, -1, -1, 1], 1)).toBe(0);
    expect(conceptLabel([1, 1, 1, -1, -1, -1], 2)).toBe(1);
    expect(conceptLabel([1, 1, 1, 1, -1, -1], 2)).toBe(0);
  });

  it('the default network reads 6 informative and 12 noise bits, with 4 hidden layers and a 2-class head per concept', () => {
    const v = defaults(props);
    expect(inputWidth(v)).toBe(18);
    expect(sizes(v)).toEqual([18, 32, 32, 32, 32, 6]);
  });

  it('a concept is decodable from the first layer reaching 90 %', () => {
    expect(firstDecodable([0.5, 0.89, 0.9, 1])).toBe(2);
    expect(firstDecodable([0.5, null, 0.6])).toBeNull();
    expect(layerName(0)).toBe('input');
    expect(layerName(12)).toBe('h⁽¹²⁾');
    expect(emptySnapshot({ layers: 3 }).trained).toHaveLength(4);
  });
});
