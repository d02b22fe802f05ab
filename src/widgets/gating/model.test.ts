import { describe as suite, expect, it } from 'vitest';
import { defaults } from '../_shared/state';
import { PRESETS, correct, describe, expansion, polyText, props, readoutTexts } from './model';
import { cornerOutputs, gatedOutputs, lattice } from './compute';
import { gatingFigure } from './figure';

const sig = (z: number): number => 1 / (1 + Math.exp(-z));

suite('gating model', () => {
  it('computes Swish_β(w·x + b)·(w′·x + b′) with the tensor package', () => {
    const v = { w1: 0.7, w2: -1.2, b: 0.3, wp1: 2, wp2: 0.5, bp: -1, beta: 1.7 };
    const [y] = gatedOutputs(v, [[0.4, 0.9]]);
    const z = 0.7 * 0.4 - 1.2 * 0.9 + 0.3;
    expect(y).toBeCloseTo(z * sig(1.7 * z) * (2 * 0.4 + 0.5 * 0.9 - 1), 12);
  });

  it('the XOR preset (the defaults) classifies all four corners', () => {
    expect(defaults(props)).toEqual(PRESETS.xor);
    const out = cornerOutputs(PRESETS.xor);
    expect(correct(out)).toBe(4);
    expect(out[0]).toBeCloseTo(0, 12);
    expect(out[3]).toBeCloseTo(0, 12);
    expect(out[1]).toBeCloseTo(sig(1), 12);
  });

  it('with a large β the gate is ReLU and the corners are exactly XOR', () => {
    const out = cornerOutputs({ ...PRESETS.xor, beta: 5 });
    expect(out[1]).toBeGreaterThan(0.99);
    expect(correct(out)).toBe(4);
  });

  it('a constant gate leaves a linear model, which gets at most 3 of 4', () => {
    expect(correct(cornerOutputs(PRESETS.constant))).toBe(3);
    for (let wp1 = -2; wp1 <= 2; wp1 += 0.5)
      for (let wp2 = -2; wp2 <= 2; wp2 += 0.5)
        for (let bp = -2; bp <= 2; bp += 0.5) expect(correct(cornerOutputs({ ...PRESETS.constant, wp1, wp2, bp }))).toBeLessThan(4);
  });

  it('the product contains the x₁x₂ term of chapter 1: x₁ + x₂ − 2x₁x₂ for the preset', () => {
    const e = expansion(PRESETS.xor);
    expect(e).toEqual({ a1: 1, a2: 1, a12: -2, a0: 0 });
    expect(polyText(e)).toBe('x₁ + x₂ − 2.00·x₁x₂');
    expect(polyText({ a1: 0, a2: 0, a12: 0, a0: 0 })).toBe('0');
    expect(polyText({ a1: -0.5, a2: 0, a12: 1, a0: 1.5 })).toBe('−0.50·x₁ + x₁x₂ + 1.50');
  });

  it("has chapter 2's weights w = (1, 1), b = 0, w′ = (−1, −1), b′ = 2, and reads out its table and cross term w₁w′₂ + w₂w′₁", () => {
    expect(PRESETS.xor).toEqual({ w1: 1, w2: 1, b: 0, wp1: -1, wp2: -1, bp: 2, beta: 1 });
    const text = readoutTexts(PRESETS.xor, cornerOutputs(PRESETS.xor));
    expect([text['y00'], text['y01'], text['y10'], text['y11']]).toEqual(['0.00', '0.73', '0.73', '0.00']);
    expect(text['correct']).toBe('4 of 4');
    expect(text['cross']).toBe('−2.00');
    expect(expansion({ ...PRESETS.xor, w1: 0.5, w2: 2, wp1: 3, wp2: -1 }).a12).toBe(0.5 * -1 + 2 * 3);
  });

  it('the lattice lookup returns the batch value at each vertex', () => {
    const box = { x: [0, 1], y: [0, 1] } as const;
    const f = lattice(PRESETS.xor, box, 4);
    expect(f(0.25, 0.75)).toBeCloseTo(gatedOutputs(PRESETS.xor, [[0.25, 0.75]])[0] ?? NaN, 12);
  });

  it('text and figure have no NaN, even at extreme settings', () => {
    const extreme = { w1: 3, w2: -3, b: 3, wp1: -3, wp2: 3, bp: -3, beta: 5 };
    for (const v of [PRESETS.xor, PRESETS.constant, extreme]) {
      const out = cornerOutputs(v);
      const text = [describe(v, out), ...Object.values(readoutTexts(v, out))].join(' ');
      expect(text).not.toMatch(/NaN|undefined|Infinity/);
      expect(gatingFigure(v).marks?.length).toBeGreaterThan(3);
    }
    expect(describe(PRESETS.xor, cornerOutputs(PRESETS.xor))).toContain('All four XOR corners');
  });
});
