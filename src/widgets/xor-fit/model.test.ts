import { describe as suite, expect, it } from 'vitest';
import { defaults } from '../_shared/state';
import { correct, describe, mse, predict, props } from './model';
import { bestFit } from './fit';

suite('xor-fit model', () => {
  it('predicts w1·x1 + w2·x2 + b', () => {
    expect(predict({ w1: 0.5, w2: -1, b: 0.25 }, 1, 1)).toBeCloseTo(-0.25);
  });

  it('least squares on XOR predicts one half everywhere', () => {
    const fit = bestFit();
    expect(fit).toEqual({ w1: 0, w2: 0, b: 0.5 });
    expect(mse(fit)).toBeCloseTo(0.25, 12);
  });

  it('no setting beats the least-squares error on a grid of weights', () => {
    const best = mse(bestFit());
    for (let w1 = -2; w1 <= 2; w1 += 0.5)
      for (let w2 = -2; w2 <= 2; w2 += 0.5) for (let b = -1; b <= 1; b += 0.25) expect(mse({ w1, w2, b })).toBeGreaterThanOrEqual(best - 1e-12);
  });

  it('no linear model classifies all four corners', () => {
    for (let w1 = -2; w1 <= 2; w1 += 0.25)
      for (let w2 = -2; w2 <= 2; w2 += 0.25) for (let b = -2; b <= 2; b += 0.25) expect(correct({ w1, w2, b })).toBeLessThan(4);
  });

  it('describes the default model in words, without NaN', () => {
    const text = describe(defaults(props));
    expect(text).toContain('Mean squared error 0.375');
    expect(text).not.toMatch(/NaN|undefined|Infinity/);
    expect(describe({ w1: 0, w2: 0, b: 0.5 })).toContain('predicts 0.50 everywhere');
  });
});
