import { describe as suite, expect, it } from 'vitest';
import { textsOf } from '../_shared/format';
import { gradcheck, param, sum } from '@beyond-linear/tensor';
import { defaults } from '../_shared/state';
import { ACTIVATIONS, activationSlope, activationValue } from '../_shared/activations';
import { describe, flatText, props, readoutTexts, swishGap, visible } from './model';
import { applyActivation, evaluate, flatRanges, readings, sampleXs } from './curves';
import { explorerFigure } from './figure';

const p = { alpha: 0.1, beta: 1.5 };

suite('activation explorer: values and slopes by autograd', () => {
  it('autograd slopes equal the closed forms for every function', () => {
    const xs = sampleXs(100);
    for (const name of ACTIVATIONS) {
      const { value, slope } = evaluate(name, xs, p);
      xs.forEach((x, i) => {
        expect(value[i]).toBeCloseTo(activationValue(name, x, p), 6);
        expect(slope[i]).toBeCloseTo(activationSlope(name, x, p), 6);
      });
    }
  });

  it('passes the tensor package gradient check away from the kinks', () => {
    for (const name of ACTIVATIONS) {
      const x = param([-3.3, -1.2, 0.4, 2.7]);
      expect(gradcheck((t) => sum(applyActivation(name, t, p)), [x]).ok).toBe(true);
    }
  });

  it("sigmoid' is at most 0.25, reached at 0", () => {
    const { slope } = evaluate('sigmoid', sampleXs(), p);
    expect(Math.max(...slope)).toBeCloseTo(0.25, 12);
    expect(evaluate('sigmoid', [0], p).slope[0]).toBe(0.25);
  });

  it('raising Swish β moves swish(−2) towards ReLU(−2) = 0', () => {
    const at = (beta: number): number => Math.abs(readings({ ...defaults(props), x: -2, beta }).at.find((r) => r.name === 'swish')?.value ?? 1);
    const gaps = [0.5, 1, 2, 5, 10].map(at);
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeLessThan(gaps[i - 1] ?? 0);
    expect(gaps.at(-1)).toBeLessThan(1e-6);
    expect(swishGap(readings({ ...defaults(props), x: -2, beta: 10 }).at)).toBeLessThan(1e-6);
  });
});

suite('activation explorer: flat stretches', () => {
  it('sigmoid is flat beyond |x| ≈ 2.89, where σ(1 − σ) = 0.05', () => {
    const flat = flatRanges('sigmoid', p);
    expect(flat).toHaveLength(2);
    const edge = Math.log((1 + Math.sqrt(0.8)) / (1 - Math.sqrt(0.8)));
    expect(flat[0]?.[1]).toBeCloseTo(-edge, 6);
    expect(flat[1]?.[0]).toBeCloseTo(edge, 6);
    expect(flatText(flat)).toBe('x < −2.89 and x > 2.89');
  });

  it('ReLU is flat for x < 0; Leaky ReLU only when α < 0.05; GELU nowhere as a whole half-line', () => {
    const relu = flatRanges('relu', p);
    expect(relu).toHaveLength(1);
    expect(relu[0]?.[1]).toBeCloseTo(0, 6);
    expect(flatRanges('leaky', { ...p, alpha: 0.1 })).toEqual([]);
    expect(flatRanges('leaky', { ...p, alpha: 0.01 })).toHaveLength(1);
    expect(flatText([])).toBe('nowhere between −5 and 5');
  });
});

suite('activation explorer: text and figure', () => {
  it('describes the default state in words without NaN', () => {
    const v = defaults(props);
    const text = describe(v, readings(v));
    expect(text).toContain('Swish (β = 1.0) −0.238');
    expect(text).not.toMatch(/NaN|undefined|Infinity/);
    expect(visible(v)).toEqual(['sigmoid', 'tanh', 'relu', 'leaky', 'swish']);
  });

  it('readouts stay finite at the extremes', () => {
    for (const x of [-5, 5])
      for (const beta of [0.1, 10]) {
        const texts = Object.values(textsOf(readoutTexts(readings({ ...defaults(props), x, beta, alpha: 0, focus: 'swish' }))));
        for (const t of texts) expect(t).not.toMatch(/NaN|undefined|Infinity|too/);
      }
  });

  it('draws the slope chart only when asked', () => {
    expect(explorerFigure({ ...defaults(props), derivatives: true })).toHaveLength(2);
    expect(explorerFigure({ ...defaults(props), derivatives: false })).toHaveLength(1);
  });
});
