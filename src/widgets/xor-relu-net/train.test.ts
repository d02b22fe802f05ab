import { describe as suite, expect, it } from 'vitest';
import { defaults } from '../_shared/state';
import { correct, deadUnits, diagnose, mse, props } from './model';
import { MAX_STEPS, XorTrainer } from './train';
import { steps } from '../_shared/run/contract';

const settings = defaults(props);
/** Train seed `seed` with the widget's defaults (plain gradient descent, learning rate 0.1) to the end. */
function run(seed: number, extra: Partial<typeof settings> = {}): XorTrainer {
  const t = new XorTrainer({ ...settings, seed, ...extra });
  t.advance(steps(MAX_STEPS));
  return t;
}

suite('xor-relu-net training from scratch', () => {
  it('seeds 3 (the default), 10, 12 and 13 succeed with the defaults', () => {
    expect(settings.seed).toBe(3);
    for (const seed of [3, 10, 12, 13]) {
      const w = { ...run(seed).weights(), relu: true };
      expect(mse(w)).toBeLessThan(0.01);
      expect(correct(w)).toBe(4);
      expect(diagnose(w)).toBe('');
    }
  });

  it('seed 2 starts with both units dead and stays at loss 0.5', () => {
    const t = new XorTrainer({ ...settings, seed: 2 });
    expect(deadUnits({ ...t.weights() })).toEqual([0, 1]);
    t.advance(steps(MAX_STEPS));
    expect(t.loss).toBe(0.5);
    expect(t.settled).toBe(true);
  });

  it('seed 5 (unit 2 dead from the start) and seed 7 (unit 1 dies while training) get stuck at 0.25', () => {
    const five = run(5);
    expect(deadUnits(five.weights())).toEqual([1]);
    expect(mse({ ...five.weights(), relu: true })).toBeCloseTo(0.25, 3);
    const seven = new XorTrainer({ ...settings, seed: 7 });
    expect(deadUnits(seven.weights())).toEqual([]);
    seven.advance(steps(MAX_STEPS));
    expect(deadUnits(seven.weights())).toEqual([0]);
    expect(diagnose({ ...seven.weights(), relu: true })).toContain('Hidden unit 1 is dead');
  });

  it('seed 1 fails without a dead unit: nothing fires on corner 01', () => {
    const w = { ...run(1).weights(), relu: true };
    expect(deadUnits(w)).toEqual([]);
    expect(mse(w)).toBeCloseTo(0.25, 3);
    expect(diagnose(w)).toContain('No unit fires on corner 01');
  });

  it('is deterministic per seed and however the steps are sliced into frames', () => {
    const a = run(12);
    const b = new XorTrainer({ ...settings, seed: 12 });
    while (!b.done) b.advance(steps(7));
    expect(b.weights()).toEqual(a.weights());
    expect(b.steps).toBe(a.steps);
    expect(run(12, { opt: 'adam', lr: 0.05 }).weights()).toEqual(run(12, { opt: 'adam', lr: 0.05 }).weights());
  });

  it('at the largest learning rate the units die instead of producing NaN, and the run stops', () => {
    const t = run(3, { lr: props.lr.max });
    expect(Number.isFinite(t.loss)).toBe(true);
    expect(t.done).toBe(true);
    expect(diagnose({ ...t.weights(), relu: true })).toContain('dead');
  });

  it('without the ReLU training ends no better than the best linear map through the origin (loss 1/3)', () => {
    const t = run(3, { relu: false });
    expect(t.loss).toBeCloseTo(1 / 3, 3);
  });
});
