import { describe as suite, expect, it } from 'vitest';
import { defaults } from '../_shared/state';
import { XS, mse, props, sliderHinges, sumAt } from './model';
import { HingeTrainer, MAX_STEPS, scatter } from './train';
import { steps } from '../_shared/run/contract';

const base = defaults(props);

suite('hinges fit', () => {
  it('the network starts as exactly the reader’s hinges', () => {
    const v = { ...base, n: 4 };
    const t = new HingeTrainer(v);
    t.predict(XS).forEach((y, j) => expect(y).toBeCloseTo(sumAt(v, XS[j] ?? 0), 12));
  });

  it('a fit on sin x drives the error far below its start and moves the kinks', () => {
    const v = { ...base, n: 4 };
    const t = new HingeTrainer(v);
    t.advance(steps(MAX_STEPS));
    const fitted = { ...v, ...t.hinges() };
    expect(mse(v)).toBeGreaterThan(0.02);
    expect(mse(fitted)).toBeLessThan(mse(v) / 10);
    expect(fitted.k0).not.toBeCloseTo(v.k0, 2);
    // the trained network and its hinges are the same function
    t.predict(XS).forEach((y, j) => expect(y).toBeCloseTo(sumAt(fitted, XS[j] ?? 0), 9));
    // the sliders' (rounded) values keep nearly all of the gain
    expect(mse({ ...v, ...sliderHinges(t.hinges(), 4) })).toBeLessThan(mse(v) / 5);
  });

  it('from random hinges with eight units it also fits sin', () => {
    const v = { ...base, n: 8, ...scatter(1) };
    const t = new HingeTrainer(v);
    t.advance(steps(MAX_STEPS));
    expect(mse({ ...v, ...t.hinges() })).toBeLessThan(0.01);
    expect(mse(v)).toBeGreaterThan(1);
  });

  it('is deterministic: same settings and seed, bit-identical hinges, however the steps are sliced', () => {
    expect(scatter(7)).toEqual(scatter(7));
    expect(scatter(7)).not.toEqual(scatter(8));
    const v = { ...base, n: 6, target: 'abs' as const, ...scatter(7) };
    const a = new HingeTrainer(v);
    a.advance(steps(300));
    const b = new HingeTrainer(v);
    for (let i = 0; i < 30; i++) b.advance(steps(10));
    expect(b.net()).toEqual(a.net());
  });

  it('stops at the step budget with every number finite, even at the largest learning rate', () => {
    const t = new HingeTrainer({ ...base, n: 8, lr: props.lr.max, ...scatter(3) });
    t.advance(steps(MAX_STEPS + 5));
    expect(t.done).toBe(true);
    expect(t.steps).toBe(MAX_STEPS);
    expect(t.progress()).toEqual({ steps: MAX_STEPS, fraction: 1, phase: 'finished' });
    expect(t.error).toBeNull();
    expect(Number.isFinite(t.loss)).toBe(true);
  });
});
