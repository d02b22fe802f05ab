import { describe as suite, expect, it } from 'vitest';
import { backward, div, log, neg, param, slice, softmax, sum } from '@beyond-linear/tensor';
import { defaults } from '../_shared/state';
import { describe, logits, naiveOverflows, probText, props, readoutTexts, shifted, trueClass, type SoftmaxValues } from './model';
import { explore, softmaxReading } from './compute';
import { softmaxFigure } from './figure';

const base: SoftmaxValues = defaults(props);

/** `−log softmax(z/T)_y` built from generic ops, so autograd differentiates it without the fused loss. */
function genericGrad(z: number[], y: number, temp: number): number[] {
  const zt = param(Float64Array.from(z), [1, z.length]);
  backward(neg(sum(log(slice(softmax(div(zt, temp)), [0, y], [1, 1])))));
  return Array.from(zt.grad ?? []);
}

suite('softmax explorer', () => {
  it('is invariant to adding a constant to every logit', () => {
    const a = explore(base);
    const patch = shifted(base, 5);
    expect(patch).toBeDefined();
    const b = explore({ ...base, ...patch });
    expect(logits({ ...base, ...patch })).toEqual(logits(base).map((z) => z + 5));
    b.probs.forEach((p, i) => expect(p).toBeCloseTo(a.probs[i] ?? NaN, 12));
    expect(b.loss).toBeCloseTo(a.loss, 12);
    expect(softmaxReading([1000, 1001, 1002], 0).probs).toEqual(softmaxReading([0, 1, 2], 0).probs.map((p) => expect.closeTo(p, 12)));
  });

  it('refuses a shift that would push a logit off its slider', () => {
    expect(shifted({ ...base, z1: 48 }, 5)).toBeUndefined();
    expect(shifted({ ...base, z6: 48 }, 5)).toBeDefined(); // z6 is not in use at K = 4
  });

  it('has a gradient that sums to zero and equals (o − onehot)/T', () => {
    for (const temp of [0.05, 0.5, 1, 3]) {
      const r = softmaxReading([2, -1, 0.5, 3, -4], 3, temp);
      expect(Math.abs(r.gradSum)).toBeLessThan(1e-12);
      r.grad.forEach((g, i) => expect(g).toBeCloseTo(((r.probs[i] ?? 0) - (i === 3 ? 1 : 0)) / temp, 12));
      expect(r.loss).toBeCloseTo(-Math.log(r.probs[3] ?? 0), 12);
    }
  });

  it('matches autograd through the generic softmax, log and slice ops', () => {
    const z = [0.3, -1.2, 2.5, 0.1];
    for (const temp of [0.5, 1, 2]) {
      const expected = genericGrad(z, 2, temp);
      softmaxReading(z, 2, temp).grad.forEach((g, i) => expect(g).toBeCloseTo(expected[i] ?? NaN, 10));
    }
  });

  it('stays finite at z = ±1000 where the naive formula overflows', () => {
    const r = softmaxReading([1000, -1000, 999], 0);
    expect([...r.probs, ...r.grad, r.loss, r.gradSum].every(Number.isFinite)).toBe(true);
    expect(r.probs[0]).toBeCloseTo(1 / (1 + Math.exp(-1)), 12);
    expect(r.probs[1]).toBe(0);
    expect(r.loss).toBeCloseTo(Math.log(1 + Math.exp(-1)), 12);
    expect(naiveOverflows(r)).toBe(true);
    const extreme = { ...base, z1: 50, z2: -50, temp: 0.05 };
    const text = Object.values(readoutTexts(explore(extreme))).join(' ') + describe(extreme, explore(extreme));
    expect(text).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('clamps the true class to the classes in use and writes tiny probabilities in scientific notation', () => {
    expect(trueClass({ ...base, k: 3, y: '5' })).toBe(2);
    expect(probText(0.25)).toBe('0.2500');
    expect(probText(0)).toBe('0.0000');
    expect(probText(1.234e-200)).toBe('1.23e−200');
  });

  it('raises a probability with its logit and lowers all the others', () => {
    const a = explore(base);
    const b = explore({ ...base, z2: base.z2 + 1 });
    expect(b.probs[1]).toBeGreaterThan(a.probs[1] ?? 1);
    for (const i of [0, 2, 3]) expect(b.probs[i]).toBeLessThan(a.probs[i] ?? 0);
  });

  it('draws one bar per class in both panels', () => {
    const [top, bottom] = softmaxFigure({ ...base, k: 6 });
    expect(top?.x?.domain).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(bottom?.marks?.length).toBeGreaterThan(0);
  });
});
