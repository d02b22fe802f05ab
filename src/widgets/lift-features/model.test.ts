import { describe as suite, expect, it } from 'vitest';
import { defaults } from '../_shared/state';
import { correct, describe, liftedView, mse, predict, props } from './model';
import { bestLiftedFit } from './fit';

suite('lift-features model', () => {
  it('least squares on (x1, x2, x1x2) recovers XOR exactly: x1 + x2 − 2·x1x2', () => {
    const fit = bestLiftedFit();
    expect(fit).toEqual({ w1: 1, w2: 1, w3: -2, b: 0 });
    expect(mse(fit)).toBe(0);
    expect(correct(fit)).toBe(4);
  });

  it('without the product feature (w3 = 0) the default line gets XOR wrong', () => {
    const v = defaults(props);
    expect(correct(v)).toBeLessThan(4);
    expect(predict(v, 1, 1)).toBe(2);
  });

  it('the lifted view puts the boundary on a straight line s + w3·p + b = 1/2', () => {
    const v = { w1: 1, w2: 1, w3: -2, b: 0 };
    for (const [x1, x2] of [
      [0, 0],
      [0, 1],
      [1, 1],
    ] as const) {
      const { s, p } = liftedView(v, x1, x2);
      expect(s + v.w3 * p + v.b).toBeCloseTo(predict(v, x1, x2), 12);
    }
  });

  it('says in words when the plane separates XOR', () => {
    expect(describe({ w1: 1, w2: 1, w3: -2, b: 0 })).toContain('all four corners');
    expect(describe(defaults(props))).not.toMatch(/NaN|undefined|Infinity/);
  });
});
