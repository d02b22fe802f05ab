import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Tensor, linear, param, relu, rng, softmaxCrossEntropy, tensor } from '@beyond-linear/tensor';
import { backprop, listingOf } from './backprop';

const r = rng(3);
const draw = (shape: number[]): Tensor =>
  param(
    Float64Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => r.normal()),
    shape,
  );

describe("chapter 3's backprop listing", () => {
  it('gives the same four gradients as autograd, for the notes’ shapes (d = 3, v = 4, m = 2, t = 8)', () => {
    const [d, v, m, t] = [3, 4, 2, 8];
    const X = draw([t, d]);
    const labels = Array.from({ length: t }, (_, i) => i % m);
    const T = tensor(labels.map((y) => Array.from({ length: m }, (_, j) => (j === y ? 1 : 0))));
    const p = { H: draw([d, v]), bH: draw([v]), U: draw([v, m]), bU: draw([m]) };
    const loss = softmaxCrossEntropy(linear(relu(linear(X, p.H, p.bH)), p.U, p.bU), labels);
    loss.backward();
    const g = backprop(X, T, p);
    const pairs = [
      [g.dH, p.H],
      [g.dbH, p.bH],
      [g.dU, p.U],
      [g.dbU, p.bU],
    ] as const;
    for (const [mine, w] of pairs) {
      expect(mine.shape).toEqual(w.shape);
      Array.from(mine.data).forEach((x, i) => expect(x).toBeCloseTo(w.grad?.[i] ?? NaN, 12));
    }
  });

  it('shows 20 lines or fewer, cut from this very file', () => {
    const shown = listingOf(readFileSync(new URL('./backprop.ts', import.meta.url), 'utf8'));
    expect(shown.split('\n').length).toBeLessThanOrEqual(20);
    expect(shown).toMatch(/^\/\*\* Gradients of 𝓛/);
    expect(shown).toContain('const dz = sub(o, T);');
    expect(() => listingOf('no markers')).toThrow(/no \/\/ listing:start/);
  });
});
