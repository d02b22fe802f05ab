import { describe, expect, it } from 'vitest';
import { blobs, circles, minibatches, moons, rng, spirals, split, xor } from './internal.ts';

describe('data generators', () => {
  it('xor corners and noisy xor', () => {
    const c = xor();
    expect(c.x.toArray()).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
    expect(Array.from(c.labels)).toEqual([0, 1, 1, 0]);
    const n = xor({ n: 40, noise: 0.1, rng: rng(1) });
    expect(n.x.shape).toEqual([40, 2]);
    n.labels.forEach((l, i) => expect(l).toBe(Math.round(n.x.data[2 * i]!) ^ Math.round(n.x.data[2 * i + 1]!)));
  });

  it('generators have the right shapes and classes, and are seeded', () => {
    for (const [ds, k] of [
      [circles({ n: 100, rng: rng(1) }), 2],
      [moons({ n: 100, rng: rng(1) }), 2],
      [spirals({ n: 100, arms: 2, rng: rng(1) }), 2],
      [spirals({ n: 99, arms: 3, rng: rng(1) }), 3],
      [blobs({ n: 100, k: 4, rng: rng(1) }), 4],
    ] as const) {
      expect(ds.x.shape[0]).toBe(ds.labels.length);
      expect(ds.classes).toBe(k);
      expect(ds.x.data.every(Number.isFinite)).toBe(true);
    }
    expect(spirals({ rng: rng(9) }).x.data).toEqual(spirals({ rng: rng(9) }).x.data);
    expect(blobs({ dim: 5, n: 10 }).x.shape).toEqual([10, 5]);
    expect(() => spirals({ arms: 1 })).toThrow('spirals: arms must be an integer ≥ 2, got 1');
    expect(() => circles({ n: 0 })).toThrow(/circles: n must be a positive integer/);
    expect(() => moons({ noise: -1 })).toThrow(/moons: noise/);
  });

  it('split and minibatches partition the rows', () => {
    const ds = blobs({ n: 103, rng: rng(2) });
    const { train, test } = split(ds, { test: 0.2, rng: rng(3) });
    expect(test.labels.length).toBe(21);
    expect(train.labels.length).toBe(82);
    const batches = minibatches(ds, { batchSize: 32, rng: rng(4) });
    expect(batches.map((b) => b.labels.length)).toEqual([32, 32, 32, 7]);
    const sum = (a: Float64Array) => a.reduce((s, v) => s + v, 0);
    expect(batches.reduce((s, b) => s + sum(b.x.data), 0)).toBeCloseTo(sum(ds.x.data), 9);
    expect(() => minibatches(ds, { batchSize: 0 })).toThrow(/batchSize/);
  });
});
