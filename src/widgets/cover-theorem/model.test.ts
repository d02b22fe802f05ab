import { describe as suite, expect, it } from 'vitest';
import { rng } from '@beyond-linear/tensor';
import { defaults } from '../_shared/state';
import { binomial, coverCount, coverFraction, describe, maxPoints, pointCounts, props } from './model';
import { estimateFraction, streamSeed } from './sampling';
import { EstimateRun, estimateAll } from './estimate';
import { deviationReadout, halfReadout, progressText } from './readouts';

suite('cover-theorem closed form', () => {
  it('counts every labelling for N ≤ d: C(N, d) = 2ᴺ', () => {
    for (let d = 1; d <= 10; d++) for (let N = 1; N <= d; N++) expect(coverCount(N, d)).toBe(1n << BigInt(N));
  });

  it('is exactly one half at N = 2d', () => {
    for (let d = 1; d <= 30; d++) expect(coverFraction(2 * d, d)).toBe(0.5);
  });

  it('is monotone decreasing in N and stays finite up to N = 60', () => {
    for (let d = 1; d <= 10; d++)
      for (let N = 1; N < 60; N++) {
        const [a, b] = [coverFraction(N, d), coverFraction(N + 1, d)];
        expect(Number.isFinite(b)).toBe(true);
        expect(b).toBeLessThanOrEqual(a);
        if (N >= d) expect(b).toBeLessThan(a);
      }
    expect(coverFraction(60, 1)).toBeCloseTo(2 / 2 ** 60, 30);
  });

  it('matches small cases by hand', () => {
    expect(binomial(59, 9)).toBe(12565671261n);
    expect(coverCount(4, 2)).toBe(8n); // 2·(1 + 3)
    expect(coverFraction(3, 2)).toBe(0.75); // 2·(1 + 2) / 8
  });

  it('shows N = 1 … max(4d, 12), capped at 60', () => {
    expect(pointCounts(2)).toHaveLength(12);
    expect(maxPoints(10)).toBe(40);
    expect(maxPoints(20)).toBe(60);
  });
});

suite('cover-theorem Monte Carlo', () => {
  it('is deterministic per seed, and the same chunked or in one go', () => {
    const v = { d: 3, trials: 100, seed: 7 };
    const once = estimateAll(v);
    expect(estimateAll(v)).toEqual(once);
    const run = new EstimateRun(v);
    let t = 0;
    while (!run.done) run.advance({ deadline: t + 1, now: () => t++ });
    expect(run.estimates()).toEqual(once);
    for (const e of once) expect(e.separable / e.trials).toBe(estimateFraction(e.N, 3, 100, rng(streamSeed(7, 3, e.N))));
    expect(estimateAll({ ...v, seed: 8 })).not.toEqual(once);
  });

  it('lands within 4 standard errors of the closed form', () => {
    const trials = 600;
    for (const [N, d] of [
      [4, 2],
      [6, 2],
      [6, 3],
      [9, 3],
      [10, 5],
      [14, 5],
    ] as const) {
      const p = coverFraction(N, d);
      const se = Math.sqrt((p * (1 - p)) / trials);
      const est = estimateFraction(N, d, trials, rng(streamSeed(3, d, N)));
      expect(Math.abs(est - p)).toBeLessThanOrEqual(4 * se + 1e-12);
    }
  });

  it('reports progress, readouts and a description without NaN', () => {
    const v = defaults(props);
    const est = estimateAll(v);
    const text = describe(v, est, true);
    expect(text).toContain('In 2 dimensions every labelling of up to 2 points is separable');
    expect(text).toMatch(/at N = 4 exactly half are \(measured 0\.\d\d\)/);
    expect(describe(v, [], false)).toContain('still running');
    const all = [text, describe(v, [], false), halfReadout(2, est).value, halfReadout(2, []).value, deviationReadout(2, est), deviationReadout(2, [])].join(
      ' ',
    );
    expect(all).not.toMatch(/NaN|undefined|Infinity/);
    expect(progressText(120, 1200)).toBe('120 of 1,200 trials');
  });
});
