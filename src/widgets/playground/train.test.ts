import { describe as suite, expect, it } from 'vitest';
import { textsOf } from '../_shared/format';
import { defaults } from '../_shared/state';
import { renderSvg } from '../_shared/render-static';
import { props, type PlaygroundValues } from './model';
import { MAX_STEPS, PlaygroundTrainer } from './train';
import { describe, readouts } from './text';
import { steps } from '../_shared/run/contract';
import { playgroundCharts } from './figure';

const base = defaults(props);

/** Train until the test accuracy exceeds `goal`; the steps it took (or `Infinity`). */
function stepsTo(v: PlaygroundValues, goal: number, budget = 1500): { steps: number; t: PlaygroundTrainer } {
  const t = new PlaygroundTrainer(v);
  while (t.steps < budget && !t.error) {
    t.advance(steps(10));
    if (t.metrics().testAcc > goal) return { steps: t.steps, t };
  }
  return { steps: Infinity, t };
}

suite('classifier playground training', () => {
  it('the defaults are the 2-arm spiral, 400 points, 2-16-16-2 ReLU, plain SGD at η = 10^−0.3 ≈ 0.5, batch 32, no L2', () => {
    expect(base).toMatchObject({ data: 'spiral', classes: 2, n: 400, layers: 2, width: 16, act: 'relu', opt: 'sgd', batch: '32', lr: -0.3, l2: '0' });
  });

  it('the default run passes 95 % test accuracy within 800 steps, for the default seed and nine others', () => {
    const { steps, t } = stepsTo(base, 0.95);
    expect(steps).toBe(330);
    expect(t.test.labels.length).toBe(120);
    const others = Array.from({ length: 9 }, (_, i) => stepsTo({ ...base, seed: i + 2 }, 0.95).steps);
    expect(Math.max(...others)).toBeLessThanOrEqual(800);
  }, 60_000);

  it('lifting XOR: with x₁x₂ a network with no hidden layer passes 95 %; a linear (identity) network on (x₁, x₂) stays near a guess', () => {
    const xorData = { ...base, data: 'xor', noise: 0.1 } as const;
    expect(stepsTo({ ...xorData, layers: 0, x1x2: true }, 0.95).steps).toBeLessThanOrEqual(300);
    const linear = new PlaygroundTrainer({ ...xorData, act: 'identity' });
    linear.advance(steps(2000));
    expect(linear.metrics().testAcc).toBeLessThan(0.6);
    expect(linear.metrics().trainAcc).toBeLessThan(0.6);
  }, 30_000);

  it('L2: the penalty (λ/2)‖W‖² is reported apart from the cross-entropy and keeps the weights smaller', () => {
    const plain = new PlaygroundTrainer(base);
    const l2 = new PlaygroundTrainer({ ...base, l2: '0.01' });
    plain.advance(steps(300));
    l2.advance(steps(300));
    expect(plain.metrics().penalty).toBe(0);
    expect(l2.metrics().penalty).toBeGreaterThan(0);
    const sq = (t: PlaygroundTrainer): number => (2 * t.metrics().penalty) / 0.01;
    const norm = (t: PlaygroundTrainer): number =>
      (t as unknown as { net: { layers: Array<{ weight: { data: Float64Array } }> } }).net.layers.reduce(
        (s, l) => s + l.weight.data.reduce((a, w) => a + w * w, 0),
        0,
      );
    expect(sq(l2)).toBeCloseTo(norm(l2), 9);
    expect(norm(l2)).toBeLessThan(norm(plain));
  });

  it('reports every hidden unit over the unit grid, layer by layer', () => {
    const t = new PlaygroundTrainer({ ...base, layers: 3, width: 5 });
    const u = t.view().units;
    expect(u.layers.map((l) => l.count)).toEqual([5, 5, 5]);
    expect(u.layers[0]?.values.length).toBe(5 * u.n * u.n);
    expect(u.layers[0]?.values.every((x) => x >= 0)).toBe(true); // ReLU outputs
    expect(new PlaygroundTrainer({ ...base, layers: 0 }).view().units.layers).toEqual([]);
  });

  it('is deterministic per seed, however the steps are sliced into frames', () => {
    const a = new PlaygroundTrainer(base);
    a.advance(steps(200));
    const b = new PlaygroundTrainer(base);
    for (let i = 0; i < 40; i++) b.advance(steps(5));
    expect(b.metrics()).toEqual(a.metrics());
    expect(b.history).toEqual(a.history);
    expect(b.regions().conf).toEqual(a.regions().conf);
    expect(new PlaygroundTrainer({ ...base, seed: 2 }).view().points).not.toEqual(a.view().points);
    // a snapshot owns its arrays: transferring them from a worker cannot touch the run
    const snap = b.snapshot();
    expect(snap.regions.conf).toEqual(a.regions().conf);
    expect(snap.regions.conf).not.toBe(b.regions().conf);
  });

  it('catches divergence at an absurd learning rate, stops, and shows no NaN', () => {
    const t = new PlaygroundTrainer({ ...base, act: 'tanh', lr: props.lr.max });
    t.advance(steps(MAX_STEPS));
    expect(t.error ?? '').toMatch(/diverged/);
    expect(t.steps).toBeLessThan(MAX_STEPS);
    expect(t.done).toBe(true);
    const view = t.view();
    const text = [...Object.values(textsOf(readouts(view))), describe(base, view)].join(' ');
    expect(text).not.toMatch(/NaN|undefined|Infinity/);
    const charts = playgroundCharts(view);
    expect(renderSvg([charts.regions, ...charts.curves])).not.toMatch(/NaN|Infinity/);
  });

  it('every dataset and class count gives finite numbers and a drawable figure', () => {
    for (const data of props.data.options)
      for (let classes = 2; classes <= 5; classes++)
        for (const act of props.act.options) {
          const v = { ...base, data, classes, act, n: 100, noise: 0.3, layers: 3, width: 3 };
          const t = new PlaygroundTrainer(v);
          t.advance(steps(20));
          const view = t.view();
          expect(t.error).toBeNull();
          expect(Object.values(view.metrics).every(Number.isFinite)).toBe(true);
          expect(view.points.every((p) => Math.abs(p.x) <= 1 && Math.abs(p.y) <= 1)).toBe(true);
          expect(describe(v, view)).not.toMatch(/NaN|undefined|Infinity/);
        }
  });

  it('stops at the step limit and extends on request', () => {
    const t = new PlaygroundTrainer({ ...base, n: 100, layers: 1, width: 4, batch: '64' });
    t.advance(steps(MAX_STEPS + 10));
    expect(t.done).toBe(true);
    expect(t.steps).toBe(MAX_STEPS);
    expect(t.progress()).toEqual({ steps: MAX_STEPS, fraction: 1, phase: 'finished' });
    t.extend();
    t.advance(steps(1));
    expect(t.done).toBe(false);
    expect(t.progress().fraction).toBeCloseTo(0.5, 3);
    expect(t.history.length).toBeLessThanOrEqual(241);
  });
});
