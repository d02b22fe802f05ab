import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, ACTIVATION_STYLE, activationSlope, activationValue, normalCdf } from './activations';

const p = { alpha: 0.1, beta: 1 };
const xs = Array.from({ length: 81 }, (_, i) => -4 + i / 10);

describe('activation closed forms', () => {
  it('sigmoid′ peaks at 0.25 at x = 0', () => {
    expect(activationSlope('sigmoid', 0, p)).toBe(0.25);
    for (const x of xs) expect(activationSlope('sigmoid', x, p)).toBeLessThanOrEqual(0.25);
  });

  it('tanh(x) = 2σ(2x) − 1', () => {
    for (const x of xs) expect(activationValue('tanh', x, p)).toBeCloseTo(2 * activationValue('sigmoid', 2 * x, p) - 1, 12);
  });

  it('Φ matches known values and GELU(x) = x·Φ(x)', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 12);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(activationValue('gelu', 1, p)).toBeCloseTo(0.841345, 5);
  });

  it('Swish approaches ReLU as β grows and x/2 as β → 0', () => {
    expect(Math.abs(activationValue('swish', -2, { ...p, beta: 10 }))).toBeLessThan(1e-7);
    expect(activationValue('swish', 3, { ...p, beta: 10 })).toBeCloseTo(3, 6);
    expect(activationValue('swish', -2, { ...p, beta: 1e-6 })).toBeCloseTo(-1, 5);
  });

  it('every slope matches a central difference away from the kinks', () => {
    for (const name of ACTIVATIONS)
      for (const x of xs.filter((x) => Math.abs(x) > 0.05)) {
        const h = 1e-5;
        const numeric = (activationValue(name, x + h, p) - activationValue(name, x - h, p)) / (2 * h);
        expect(activationSlope(name, x, p)).toBeCloseTo(numeric, 5);
      }
  });

  it('gives every function a distinct dash pattern', () => {
    const dashes = ACTIVATIONS.map((n) => ACTIVATION_STYLE[n].dash);
    expect(new Set(dashes).size).toBe(ACTIVATIONS.length);
  });
});
