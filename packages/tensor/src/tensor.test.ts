import { describe, expect, it } from 'vitest';
import { Tensor, noGrad, param, tensor, zeros, add, mul, sum, step, divergence } from './internal.ts';
import { isFiniteAll } from './gradcheck.ts';

describe('Tensor', () => {
  it('infers shapes from nested arrays and round-trips through toArray', () => {
    const t = tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(t.shape).toEqual([2, 3]);
    expect(t.data).toBeInstanceOf(Float64Array);
    expect(t.toArray()).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(tensor(7).toArray()).toBe(7);
    expect(tensor([1, 2, 3, 4, 5, 6], [3, 2]).toArray()).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
  });

  it('copies Float64Array input and validates sizes', () => {
    const src = Float64Array.of(1, 2);
    const t = tensor(src);
    src[0] = 9;
    expect(t.data[0]).toBe(1);
    expect(() => tensor([1, 2, 3], [2, 2])).toThrow('tensor: data has 3 values but shape [2,2] needs 4');
    expect(() => tensor([[1, 2], [3]])).toThrow(/ragged/);
  });

  it('zeros and item', () => {
    expect(Array.from(zeros([2, 2]).data)).toEqual([0, 0, 0, 0]);
    expect(sum(add(zeros([2, 3]), 1)).item()).toBe(6);
    expect(() => zeros([2]).item()).toThrow(/one element/);
  });

  it('accumulates gradients across backward calls and zeroGrad resets them', () => {
    const w = param([1, 2]);
    const x = tensor([3, 4]);
    sum(mul(w, x)).backward();
    sum(mul(w, x)).backward();
    expect(Array.from(w.grad!)).toEqual([6, 8]);
    expect(x.grad).toBeNull();
    w.zeroGrad();
    expect(Array.from(w.grad!)).toEqual([0, 0]);
  });

  it('intermediate gradients are recomputed, not doubled, when backward runs twice on one graph', () => {
    const w = param([2]);
    const h = mul(w, w);
    const loss = sum(h);
    loss.backward();
    loss.backward();
    expect(h.grad![0]).toBe(1);
    expect(w.grad![0]).toBe(8);
  });

  it('noGrad and detach cut the graph; step has no gradient', () => {
    const w = param([1, 2]);
    const y = noGrad(() => add(w, 1));
    expect(y.requiresGrad).toBe(false);
    expect(w.detach().requiresGrad).toBe(false);
    expect(() => sum(step(w)).backward()).toThrow(/no input requires grad/);
    expect(() => add(w, 1).backward()).toThrow('backward: expected a scalar loss, got shape [2]');
  });

  it('ops never mutate their inputs', () => {
    const a = tensor([[1, -2]]);
    const before = a.data.slice();
    add(a, a);
    mul(a, 3);
    expect(a.data).toEqual(before);
    expect(a).toBeInstanceOf(Tensor);
  });

  it('isFiniteAll and divergence flag NaN and Infinity', () => {
    expect(isFiniteAll(1, tensor([1, 2]), [tensor([3])])).toBe(true);
    expect(isFiniteAll(tensor([1, NaN]))).toBe(false);
    expect(isFiniteAll(Infinity)).toBe(false);
    expect(isFiniteAll({ params: () => [tensor([Infinity])] })).toBe(false);
    expect(divergence(0.5, [tensor([1])])).toBeNull();
    expect(divergence(NaN)).toMatch(/diverged/);
    expect(divergence(1, [tensor([NaN])])).toMatch(/non-finite/);
  });
});
