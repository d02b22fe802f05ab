import { describe, expect, it } from 'vitest';
import { Tensor, gatherWindow, linear, manualBackprop, manualWindowBackprop, relu, rng, softmaxCrossEntropy, tensor } from './index.ts';

const r = rng(11);
const rand = (shape: number[]): Tensor =>
  new Tensor(
    Float64Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => r.normal()),
    shape,
  );

describe('manual backprop of the lecture notes equals autograd', () => {
  for (const [t, d, v, m] of [
    [1, 3, 50, 2],
    [8, 3, 5, 2],
    [17, 4, 7, 3],
    [32, 2, 16, 4],
  ] as const) {
    it(`minibatch t=${t}, d=${d}, v=${v}, m=${m}`, () => {
      const f = rand([t, d]).requireGrad();
      const labels = Array.from({ length: t }, () => r.int(m));
      const [H, bH, U, bU] = [rand([d, v]), rand([v]), rand([v, m]), rand([m])].map((p) => p.requireGrad()) as [Tensor, Tensor, Tensor, Tensor];
      const hand = manualBackprop({ f, targets: labels, H, bH, U, bU });

      const k = linear(f, H, bH);
      const z = linear(relu(k), U, bU);
      const loss = softmaxCrossEntropy(z, labels);
      loss.backward();

      expect(hand.loss).toBeCloseTo(loss.item(), 12);
      const close = (a: Float64Array, b: Float64Array, scale = 1) => a.forEach((x, i) => expect(x).toBeCloseTo(b[i]! * scale, 12));
      close(hand.z.data, z.data);
      close(hand.dU.data, U.grad!);
      close(hand.dbU.data, bU.grad!);
      close(hand.dH.data, H.grad!);
      close(hand.dbH.data, bH.grad!);
      close(hand.dz.data, z.grad!, t); // the notes' ∂ℓ/∂z = o − T is per item; autograd's is averaged
      close(hand.dk.data, k.grad!, t);
      close(hand.df.data, f.grad!, t);
    });
  }

  it('checks shapes and labels', () => {
    const f = tensor([[1, 2]]);
    const p = { H: rand([2, 3]), bH: rand([3]), U: rand([3, 2]), bU: rand([2]) };
    expect(() => manualBackprop({ f, targets: [1], ...p, U: rand([4, 2]) })).toThrow(/manualBackprop: .* shapes differ/);
    expect(() => manualBackprop({ f, targets: [2], ...p })).toThrow('manualBackprop: label 2 out of range for 2 classes');
    expect(() => manualBackprop({ f, targets: [0, 1], ...p })).toThrow('manualBackprop: 1 rows vs 2 labels');
  });
});

describe('the window model by hand: ∂ℓ/∂E scatter-added from the blocks of ∂ℓ/∂x', () => {
  it('equals autograd through gatherWindow, exactly zero on unused rows, a repeated word accumulating', () => {
    const [rows, e, n, v, m] = [9, 3, 3, 5, 4];
    const ids = [2, 7, 2, 4, 2, 0];
    const labels = [1, 3];
    const E = rand([rows, e]).requireGrad();
    const [H, bH, U, bU] = [rand([n * e, v]), rand([v]), rand([v, m]), rand([m])];
    const hand = manualWindowBackprop({ ids, n, E, targets: labels, H, bH, U, bU });
    const x = gatherWindow(E, ids, n);
    const loss = softmaxCrossEntropy(linear(relu(linear(x, H, bH)), U, bU), labels);
    loss.backward();
    expect(hand.loss).toBeCloseTo(loss.item(), 12);
    expect(Array.from(hand.x.data)).toEqual(Array.from(x.data));
    hand.dE.data.forEach((g, i) => expect(g).toBeCloseTo(E.grad![i]!, 12));
    for (const unused of [1, 3, 5, 6, 8]) expect(Array.from(hand.dE.data.subarray(unused * e, unused * e + e))).toEqual([0, 0, 0]);
    const block = (r: number, k: number, c: number): number => hand.df.data[r * n * e + k * e + c]!;
    for (let c = 0; c < e; c++) expect(hand.dE.data[2 * e + c]).toBeCloseTo((block(0, 0, c) + block(0, 2, c) + block(1, 1, c)) / 2, 14);
    expect(() => manualWindowBackprop({ ids: [0, 9, 1], n, E, targets: [0], H, bH, U, bU })).toThrow(/index 9 out of range/);
    expect(() => manualWindowBackprop({ ids: [0, 1], n, E, targets: [0], H, bH, U, bU })).toThrow(
      'manualWindowBackprop: 2 indices do not split into windows of 3',
    );
  });
});
