import { describe as suite, expect, it } from 'vitest';
import { defaults } from '../_shared/state';
import { N, batchSizes, correction, describe, props, readoutTexts, spread, theory, type NoiseValues } from './model';
import { NoiseRun, batchGradient, drawRows, problem, squaredError } from './noise';
import { noiseFigure } from './figure';
import { rng } from '@beyond-linear/tensor';

const base: NoiseValues = defaults(props);
const spreads = (v: NoiseValues): Map<number, number> => new Map(new NoiseRun(v).runToEnd().map((m) => [m.t, spread(m) ?? NaN]));

suite('minibatch noise', () => {
  it('charts sizes √2 apart from 1 to N', () => {
    const ts = batchSizes();
    expect(ts[0]).toBe(1);
    expect(ts.at(-1)).toBe(N);
    expect(ts).toContain(4);
    expect(ts).toContain(64);
  });

  it('takes the mean of per-item gradients, which is autograd on the minibatch loss', () => {
    const pb = problem();
    const rows = [3, 17, 42, 99, 200];
    const direct = batchGradient(rows);
    const perm = Int32Array.from(rows);
    const acc = new Float64Array(pb.size);
    squaredError(pb, perm, rows.length, acc);
    direct.forEach((g, p) => expect((acc[p] ?? 0) / rows.length).toBeCloseTo(g, 12));
    const all = batchGradient(Array.from({ length: N }, (_, i) => i));
    all.forEach((g, p) => expect(pb.full[p]).toBeCloseTo(g, 12));
  });

  it('has the exact spread σ at t = 1 and none at t = N without replacement', () => {
    const pb = problem();
    let ss = 0;
    const perm = new Int32Array(1);
    const acc = new Float64Array(pb.size);
    for (let i = 0; i < N; i++) {
      perm[0] = i;
      ss += squaredError(pb, perm, 1, acc);
    }
    expect(Math.sqrt(ss / N)).toBeCloseTo(pb.sigma, 12);
    expect(spreads(base).get(N)).toBeLessThan(1e-12);
  });

  it('halves from t to 4t with replacement', () => {
    const s = spreads({ ...base, sampling: 'with', draws: 4000 });
    for (const t of [1, 2, 4, 8, 16, 32, 64]) expect((s.get(t) ?? 0) / (s.get(4 * t) ?? 1)).toBeCloseTo(2, 0);
    for (const t of [1, 4, 16, 64]) expect(Math.abs((s.get(t) ?? 0) / (s.get(4 * t) ?? 1) - 2)).toBeLessThan(0.2);
  });

  it('matches σ/√t · √((N − t)/(N − 1)) without replacement', () => {
    const s = spreads({ ...base, draws: 4000 });
    const { sigma } = problem();
    for (const t of batchSizes().filter((t) => t < N)) expect(Math.abs((s.get(t) ?? 0) / theory(sigma, t, 'without') - 1)).toBeLessThan(0.08);
    expect(correction(N, 'without')).toBe(0);
    expect(correction(1, 'without')).toBe(1);
  });

  it('is deterministic per seed, and the same chunked or in one go', () => {
    const v = { ...base, draws: 200 };
    const once = new NoiseRun(v).runToEnd();
    expect(new NoiseRun(v).runToEnd()).toEqual(once);
    const run = new NoiseRun(v);
    let clock = 0;
    while (!run.done) run.advance({ deadline: clock + 3, now: () => clock++ });
    expect(run.measurements()).toEqual(once);
    expect(new NoiseRun({ ...v, seed: 2 }).runToEnd()).not.toEqual(once);
    const off = new NoiseRun({ ...v, t: 100 }).runToEnd();
    expect(off.filter((m) => m.t !== 100)).toEqual(once);
  });

  it('draws each index once without replacement', () => {
    const perm = Int32Array.from({ length: N }, (_, i) => i);
    drawRows(perm, N, rng(5), 'without');
    expect(new Set(perm).size).toBe(N);
  });

  it('writes readouts and a description without NaN', () => {
    const run = new NoiseRun(base);
    const ms = run.runToEnd();
    const { sigma } = run.problem;
    const text = Object.values(readoutTexts({ ...base, t: N }, sigma, 1, ms, run.completed, run.total)).join(' ') + describe(base, sigma, ms[4], true);
    expect(text).not.toMatch(/NaN|Infinity|undefined/);
    expect(readoutTexts({ ...base, t: N }, sigma, 1, ms, run.completed, run.total)['ratio']).toContain('full batch');
    expect(noiseFigure({ sigma, sampling: 'without', measurements: ms, t: 16 }).marks?.length).toBeGreaterThan(3);
  });
});
