import { describe, expect, it } from 'vitest';
import { leastSquares, tensor } from './index.ts';

describe('leastSquares', () => {
  const corners = tensor([
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ]);

  it('on XOR corners predicts ½ everywhere: w = 0, b = 0.5', () => {
    const fit = leastSquares(corners, [0, 1, 1, 0]);
    expect(fit.weights[0]).toBeCloseTo(0, 12);
    expect(fit.weights[1]).toBeCloseTo(0, 12);
    expect(fit.bias).toBeCloseTo(0.5, 12);
  });

  it('recovers an exact linear function and accepts [n,1] targets', () => {
    const X = tensor([
      [1, 2],
      [3, -1],
      [0, 4],
      [2, 2],
    ]);
    const y = tensor([[1 * 2 - 3 * 2 + 1], [3 * 2 + 3 + 1], [-12 + 1], [4 - 6 + 1]]);
    const fit = leastSquares(X, y);
    expect(fit.weights[0]).toBeCloseTo(2, 10);
    expect(fit.weights[1]).toBeCloseTo(-3, 10);
    expect(fit.bias).toBeCloseTo(1, 10);
  });

  it('falls back to a tiny ridge for singular systems and validates inputs', () => {
    const X = tensor([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    const fit = leastSquares(X, [2, 4, 6], { bias: false });
    expect(fit.weights[0]! + fit.weights[1]!).toBeCloseTo(2, 6);
    expect(fit.weights[0]).toBeCloseTo(1, 4);
    expect(() => leastSquares(X, [1, 2])).toThrow('leastSquares: X [3,2] vs y [2] — rows differ');
    expect(() => leastSquares(X, [1, 2, 3], { ridge: -1 })).toThrow(/ridge/);
    const r = leastSquares(corners, [0, 1, 1, 0], { ridge: 10 });
    expect(Math.abs(r.weights[0]!)).toBeLessThan(1e-12);
  });
});
