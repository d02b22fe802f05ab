import { describe, expect, it } from 'vitest';
import { rng } from './internal.ts';

describe('rng', () => {
  it('is bit-identical for the same seed and differs across seeds', () => {
    const a = rng(42);
    const b = rng(42);
    const c = rng(43);
    const xs = Array.from({ length: 100 }, () => a.next());
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(xs);
    expect(c.next()).not.toBe(xs[0]);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('normal has mean ≈ 0 and variance ≈ 1; int stays in range; shuffle permutes', () => {
    const r = rng(1);
    const n = 20000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const z = r.normal();
      s += z;
      s2 += z * z;
    }
    expect(Math.abs(s / n)).toBeLessThan(0.03);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.05);
    for (let i = 0; i < 100; i++) {
      const k = r.int(5);
      expect(Number.isInteger(k) && k >= 0 && k < 5).toBe(true);
    }
    const arr = [0, 1, 2, 3, 4, 5, 6, 7];
    const out = r.shuffle(arr);
    expect(out).toBe(arr);
    expect([...arr].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});
