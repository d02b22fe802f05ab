import { describe, expect, it } from 'vitest';
import { Tensor, linear, manualBackprop, relu, rng, softmaxCrossEntropy, tensor } from './index.ts';

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
      const f = rand([t, d]);
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
    });
  }

  it('accepts one-hot targets and checks shapes', () => {
    const f = tensor([[1, 2]]);
    const p = { H: rand([2, 3]), bH: rand([3]), U: rand([3, 2]), bU: rand([2]) };
    const a = manualBackprop({ f, targets: [1], ...p });
    const b = manualBackprop({ f, targets: tensor([[0, 1]]), ...p });
    expect(b.loss).toBe(a.loss);
    expect(() => manualBackprop({ f, targets: [1], ...p, U: rand([4, 2]) })).toThrow(/manualBackprop: .* shapes differ/);
  });
});
