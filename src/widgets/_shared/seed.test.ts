import { describe, expect, it } from 'vitest';
import { newSeed } from './seed';

describe('newSeed', () => {
  it('picks an integer in range that differs from the current seed', () => {
    let i = 0;
    const seq = [0.5, 0.5, 0.99, 0];
    const random = (): number => seq[i++ % seq.length] ?? 0;
    // 0.5 of [1, 9] is 5 (the current seed, so drawn again), then 0.5 again, then 0.99 gives 9
    expect(newSeed(1, 9, 5, random)).toBe(9);
    for (let k = 0; k < 200; k++) {
      const s = newSeed(0, 99, 3);
      expect(Number.isInteger(s)).toBe(true);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(99);
      expect(s).not.toBe(3);
    }
  });

  it('returns the only seed when the range has one', () => {
    expect(newSeed(4, 4, 4)).toBe(4);
  });
});
