import { describe, expect, it } from 'vitest';
import { defaults } from '../_shared/state';
import { probeXor, weights } from './compute';
import { props } from './model';
import { formula, readouts } from './text';

const base = defaults(props);

describe('XOR probe', () => {
  it('the regression probe on the raw corners is ŷ = ½ everywhere: right on 2 of 4', () => {
    const r = probeXor(base);
    expect(r.input.coef.bias).toBeCloseTo(0.5, 9);
    expect(r.input.coef.w1).toBeCloseTo(0, 9);
    expect(r.input.coef.w2).toBeCloseTo(0, 9);
    expect(r.input.correct).toBe(2);
    expect(readouts(r)['input-fit']).toBe('ŷ = 0.50 + 0.00·x₁ + 0.00·x₂');
  });

  it("on the article's hidden layer the regression probe separates, and finds the network's own output weights", () => {
    const r = probeXor(base);
    expect(r.hiddenFit.correct).toBe(4);
    expect(r.hiddenFit.coef.w1).toBeCloseTo(1 / 1.1485, 6);
    expect(r.hiddenFit.coef.w2).toBeCloseTo(1 / 1.0189, 6);
    expect(r.hiddenFit.coef.w1).toBeCloseTo(0.8707, 4);
    expect(r.hiddenFit.coef.w2).toBeCloseTo(0.9815, 4);
    expect(Math.abs(r.hiddenFit.coef.bias)).toBeLessThan(1e-3);
  });

  it('the logistic probe: chance on the inputs, all four on the hidden layer with confident probabilities', () => {
    const r = probeXor({ ...base, probe: 'logistic' });
    expect(r.input.correct).toBe(2);
    r.input.values.forEach((p) => expect(p).toBeCloseTo(0.5, 6));
    expect(r.hiddenFit.correct).toBe(4);
    expect(formula(r.hiddenFit, ['h₁', 'h₂'])).toMatch(/^P\(class 1\) = σ\(/);
    r.hiddenFit.values.forEach((p, i) => expect(Math.abs(p - [0, 1, 1, 0][i]!)).toBeLessThan(0.2));
  });

  it('without the ReLU the hidden layer is a linear image of the input, and the probe is back at chance', () => {
    for (const probe of ['regression', 'logistic'] as const) expect(probeXor({ ...base, probe, relu: false }).hiddenFit.correct).toBe(2);
  });

  it("a random start is chapter 2's seed: seed 2 has both units dead, so the hidden layer is all zeros", () => {
    const r = probeXor({ ...base, net: 'random', seed: 2 });
    expect(r.hidden.flat().every((h) => h === 0)).toBe(true);
    expect(r.hiddenFit.correct).toBe(2);
    expect(weights({ net: 'random', seed: 3 }).W).not.toEqual(weights({ net: 'random', seed: 4 }).W);
  });
});
