import { describe, expect, it } from 'vitest';
import { Tensor, blobs, kmeans, rng } from './index.ts';
import { kmeansPlusPlus, squaredDistances } from './cluster.ts';

describe('kmeans', () => {
  const ds = blobs({ n: 400, k: 4, dim: 5, std: 0.3, spread: 4, rng: rng(3) });

  it('finds well-separated blobs: every cluster is one blob, sizes add up, inertia is the sum of squared distances', () => {
    const res = kmeans(ds.x, 4, { seed: 1 });
    const blobOf = new Map<number, number>();
    res.assignments.forEach((c, i) => {
      if (!blobOf.has(c)) blobOf.set(c, ds.labels[i]!);
      expect(blobOf.get(c), `row ${i}`).toBe(ds.labels[i]);
    });
    expect(new Set(blobOf.values()).size).toBe(4);
    expect(Array.from(res.sizes)).toEqual([100, 100, 100, 100]);
    const dist = squaredDistances(ds.x, res.centroids);
    const inertia = Array.from(res.assignments).reduce((s, c, i) => s + dist[i * 4 + c]!, 0);
    expect(res.inertia).toBeCloseTo(inertia, 9);
    expect(res.inertia / 400).toBeLessThan(5 * 0.3 ** 2 * 1.3);
  });

  it('is deterministic given a seed, and the seed matters on data without clear clusters', () => {
    const r = rng(8);
    const x = new Tensor(
      Float64Array.from({ length: 300 * 3 }, () => r.normal()),
      [300, 3],
    );
    const a = kmeans(x, 7, { seed: 2 });
    expect(kmeans(x, 7, { seed: 2 }).assignments).toEqual(a.assignments);
    expect(kmeans(x, 7, { seed: 3 }).assignments).not.toEqual(a.assignments);
    expect(a.iterations).toBeGreaterThan(1);
  });

  it('squared distances match the direct sum over coordinates', () => {
    const x = new Tensor(Float64Array.from([0, 0, 3, 4, 1, 0]), [3, 2]);
    const c = new Tensor(Float64Array.from([0, 0, 1, 1]), [2, 2]);
    expect(Array.from(squaredDistances(x, c))).toEqual([0, 2, 25, 13, 1, 1]);
  });

  it('k-means++ seeds on distinct rows, even when rows repeat', () => {
    const x = new Tensor(Float64Array.from([1, 1, 1, 1, 1, 1, 5, 5]), [4, 2]);
    const seeds = kmeansPlusPlus(x, 3, 4);
    expect(new Set(seeds).size).toBe(3);
    expect(seeds).toContain(3);
  });

  it('validates its inputs with clear messages', () => {
    expect(() => kmeans(ds.x, 0)).toThrow('kmeans: k must be a positive integer, got 0');
    expect(() => kmeans(ds.x, 401)).toThrow('kmeans: k = 401 clusters need at least 401 rows, got 400');
    expect(() => kmeans(new Tensor(Float64Array.from([1, 2]), [2]), 1)).toThrow('kmeans: expected data [n,d], got [2]');
  });
});
