import { describe, expect, it } from 'vitest';
import { defaults } from '../_shared/state';
import { probeXor } from './compute';
import { measured } from './measured';
import { props } from './model';

const base = defaults(props);

describe('XOR probe: the numbers chapter 5 quotes', () => {
  it('regression probe on the inputs and on the hidden layer (to 4 decimals)', () => {
    const r = probeXor(base);
    expect(r.input.coef.bias).toBeCloseTo(measured.inputIntercept, 4);
    expect(r.input.correct).toBe(measured.inputCorrect);
    expect(r.hiddenFit.correct).toBe(measured.hiddenCorrect);
    expect(r.hiddenFit.coef.w1).toBeCloseTo(measured.hiddenW1, 4);
    expect(r.hiddenFit.coef.w2).toBeCloseTo(measured.hiddenW2, 4);
  });

  it('logistic probe on the hidden layer (to 3 decimals)', () => {
    const r = probeXor({ ...base, probe: 'logistic' });
    expect(r.input.correct).toBe(measured.inputCorrect);
    expect(r.hiddenFit.values[0]).toBeCloseTo(measured.logisticAt00, 3);
    expect(r.hiddenFit.values[1]).toBeCloseTo(measured.logisticAt01, 3);
  });

  it('random starts whose hidden layer is already separable (exact count)', () => {
    const seeds = Array.from({ length: measured.randomSeeds }, (_, seed) => seed);
    const ok = seeds.filter((seed) => probeXor({ ...base, net: 'random', seed }).hiddenFit.correct === 4);
    expect(ok.length).toBe(measured.randomSeparable);
  });
});
