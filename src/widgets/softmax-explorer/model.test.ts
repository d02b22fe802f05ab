import { describe as suite, expect, it } from 'vitest';
import { textsOf } from '../_shared/format';
import { backward, div, log, neg, param, slice, softmax, sum } from '@beyond-linear/tensor';
import { defaults } from '../_shared/state';
import {
  EXTREME,
  classNote,
  describe,
  logits,
  naiveOverflows,
  naiveText,
  probText,
  props,
  readoutTexts,
  shifted,
  trueClass,
  type SoftmaxValues,
} from './model';
import { explore, softmaxReading } from './compute';
import { softmaxFigure } from './figure';

const base: SoftmaxValues = defaults(props);

/** `−log softmax(z/τ)_y` built from generic ops, so autograd differentiates it without the fused loss. */
function genericGrad(z: number[], y: number, temp: number): number[] {
  const zt = param(Float64Array.from(z), [1, z.length]);
  backward(neg(sum(log(slice(softmax(div(zt, temp)), [0, y], [1, 1])))));
  return Array.from(zt.grad ?? []);
}

suite('softmax explorer', () => {
  it('is invariant to adding a constant to every logit', () => {
    const a = explore(base);
    const patch = shifted(base, 5);
    const b = explore({ ...base, ...patch });
    expect(logits({ ...base, ...patch })).toEqual(logits(base).map((z) => z + 5));
    b.probs.forEach((p, i) => expect(p).toBeCloseTo(a.probs[i] ?? NaN, 12));
    expect(b.loss).toBeCloseTo(a.loss, 12);
    expect(softmaxReading([1000, 1001, 1002], 0).probs).toEqual(softmaxReading([0, 1, 2], 0).probs.map((p) => expect.closeTo(p, 12)));
  });

  it("starts at the chapter's running example z = (2, 1, 0.1), y = 1, τ = 1, with sliders spanning ±10", () => {
    expect(logits(base)).toEqual([2, 1, 0.1]);
    expect([base.y, base.temp]).toEqual(['1', 1]);
    expect([props.z1.min, props.z1.max]).toEqual([-10, 10]);
    const r = explore(base);
    r.probs.forEach((p, i) => expect(p).toBeCloseTo([0.659, 0.2424, 0.0986][i] ?? NaN, 4));
    r.diff.forEach((g, i) => expect(g).toBeCloseTo([-0.341, 0.2424, 0.0986][i] ?? NaN, 4));
    const readouts = readoutTexts(base, r);
    expect(textsOf(readouts)).toMatchObject({ z: '(2.0, 1.0, 0.1)', p1: '0.6590', g1: '−0.3410', g2: '0.2424', loss: '0.4170' });
    expect(readouts['p1']).toEqual({ text: '0.6590', value: expect.closeTo(0.659, 4) });
    expect(readouts['z']).toBe('(2.0, 1.0, 0.1)');
  });

  it('shifts every logit through the offset c, refusing to pass ±1000', () => {
    expect(shifted(base, 5)).toEqual({ c: 5 });
    expect(logits({ ...base, c: -5 })).toEqual([-3, -4, -4.9]);
    expect(shifted({ ...base, c: 998 }, 5)).toBeUndefined();
    expect(shifted({ ...base, c: -995 }, -5)).toEqual({ c: -1000 });
    expect(shifted({ ...base, c: -996 }, -5)).toBeUndefined();
  });

  it('gives o − T (summing to zero) for the bars and (o − T)/τ as the gradient with respect to z', () => {
    for (const temp of [0.05, 0.5, 1, 3]) {
      const r = softmaxReading([2, -1, 0.5, 3, -4], 3, temp);
      expect(Math.abs(r.gradSum)).toBeLessThan(1e-12);
      r.diff.forEach((d, i) => expect(d).toBeCloseTo((r.probs[i] ?? 0) - (i === 3 ? 1 : 0), 12));
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
    const extreme = { ...base, z1: 10, z2: -10, c: 1000, temp: 0.05 };
    const text = Object.values(textsOf(readoutTexts(extreme, explore(extreme)))).join(' ') + describe(extreme, explore(extreme));
    expect(text).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('has an extreme-logits preset z = (1000, 999, 998): the naive formula overflows, the readouts match the chapter', () => {
    const v = { ...base, ...EXTREME };
    expect(logits(v)).toEqual([1000, 999, 998]);
    const r = explore(v);
    const out = textsOf(readoutTexts(v, r));
    expect(out).toMatchObject({ z: '(1000.0, 999.0, 998.0)', p1: '0.6652', p2: '0.2447', p3: '0.0900', loss: '0.4076' });
    expect(out['naive']).toBe('overflows: e^1000.0 = ∞');
    expect(naiveText(explore({ ...v, c: -1000, z1: 0, z2: 1, z3: 2 }))).toBe('underflows: every e^x = 0');
    expect(describe(v, r)).toContain('e^1000.0, which overflows past the largest floating-point number, and ∞/∞ is not a number');
    expect(explore({ ...v, y: '3' }).loss).toBeCloseTo(2.4076, 4);
  });

  it('falls back to class 1, with a sentence, when the true class is beyond m; writes tiny probabilities in scientific notation', () => {
    expect(trueClass({ ...base, k: 3, y: '5' })).toBe(0);
    expect(trueClass({ ...base, k: 5, y: '5' })).toBe(4);
    expect(classNote({ ...base, k: 3, y: '5' })).toBe('There is no class 5 among m = 3 classes, so the true class is class 1.');
    expect(classNote({ ...base, k: 5, y: '5' })).toBe('');
    expect(probText(0.25)).toBe('0.2500');
    expect(probText(0)).toBe('0.0000');
    expect(probText(1.234e-200)).toBe('1.23e−200');
  });

  it('raises a probability with its logit and lowers all the others', () => {
    const a = explore(base);
    const b = explore({ ...base, z2: base.z2 + 1 });
    expect(b.probs[1]).toBeGreaterThan(a.probs[1] ?? 1);
    for (const i of [0, 2]) expect(b.probs[i]).toBeLessThan(a.probs[i] ?? 0);
  });

  it('draws one bar per class in both panels', () => {
    const [top, bottom] = softmaxFigure({ ...base, k: 6 });
    expect(top?.x?.domain).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(bottom?.x?.domain).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(bottom?.y?.label).toBe('↑ oᵢ − Tᵢ');
    expect([top?.width, softmaxFigure(base, { width: 340 })[0]?.width, softmaxFigure(base, { width: 900 })[0]?.width]).toEqual([320, 340, 560]);
  });
});
