import { describe as suite, expect, it } from 'vitest';
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
  it('the defaults are the 2-arm spiral, 400 points, 2-16-16-2 ReLU, Adam lr 10^−1.7, batch 32', () => {
    expect(base).toMatchObject({ data: 'spiral', classes: 2, n: 400, layers: 2, width: 16, act: 'relu', opt: 'adam', batch: '32', lr: -1.7 });
  });

  it('the default run passes 95 % test accuracy within 300 steps, for the default seed and nine others', () => {
    const { steps, t } = stepsTo(base, 0.95);
    expect(steps).toBe(230);
    expect(t.test.labels.length).toBe(120);
    for (let seed = 2; seed <= 10; seed++) expect(stepsTo({ ...base, seed }, 0.95).steps).toBeLessThanOrEqual(300);
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
    const t = new PlaygroundTrainer({ ...base, opt: 'sgd', act: 'tanh', lr: props.lr.max });
    t.advance(steps(MAX_STEPS));
    expect(t.error ?? '').toMatch(/diverged/);
    expect(t.steps).toBeLessThan(MAX_STEPS);
    expect(t.done).toBe(true);
    const view = t.view();
    const text = [...Object.values(readouts(view)), describe(base, view)].join(' ');
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
