import { describe, expect, it } from 'vitest';
import * as T from './internal.ts';
import { erf } from './ops-activation.ts';
import { sizeOf } from './tensor.ts';
import { dense } from './ops-matrix.ts';
import { Tensor, gradcheck, rng, tensor } from './internal.ts';

const r = rng(7);
const rand = (shape: number[], lo = -2, hi = 2): Tensor =>
  new Tensor(
    Float64Array.from({ length: sizeOf(shape) }, () => r.uniform(lo, hi)),
    shape,
  );
const dims = (): number => 1 + r.int(4);

type Case = [name: string, f: (...xs: Tensor[]) => Tensor, shapes: () => number[][], lo?: number, hi?: number];

const cases: Case[] = [
  [
    'add (rows broadcast)',
    T.add,
    () => {
      const m = dims(),
        n = dims();
      return [[m, n], [n]];
    },
  ],
  [
    'add (columns broadcast)',
    T.add,
    () => {
      const m = dims(),
        n = dims();
      return [
        [m, n],
        [m, 1],
      ];
    },
  ],
  [
    'sub',
    T.sub,
    () => {
      const m = dims(),
        n = dims();
      return [
        [m, 1],
        [1, n],
      ];
    },
  ],
  [
    'mul',
    T.mul,
    () => {
      const m = dims(),
        n = dims();
      return [
        [m, n],
        [m, n],
      ];
    },
  ],
  [
    'div',
    T.div,
    () => {
      const m = dims(),
        n = dims();
      return [[m, n], [n]];
    },
    0.5,
    2,
  ],
  ['neg', T.neg, () => [[dims(), dims()]]],
  ['exp', T.exp, () => [[dims(), dims()]]],
  ['log', T.log, () => [[dims(), dims()]], 0.3, 3],
  ['pow', (a) => T.pow(a, 3), () => [[dims(), dims()]]],
  [
    'matmul',
    T.matmul,
    () => {
      const m = dims(),
        k = dims(),
        n = dims();
      return [
        [m, k],
        [k, n],
      ];
    },
  ],
  ['transpose', T.transpose, () => [[dims(), dims()]]],
  [
    'linear',
    T.linear,
    () => {
      const m = dims(),
        k = dims(),
        n = dims();
      return [[m, k], [k, n], [n]];
    },
  ],
  ['sum (all)', (a) => T.sum(a), () => [[dims(), dims(), dims()]]],
  ['sum (axis 1)', (a) => T.sum(a, 1), () => [[dims(), dims(), dims()]]],
  ['mean (axis 0)', (a) => T.mean(a, 0, true), () => [[dims(), dims()]]],
  ['max (axis -1)', (a) => T.max(a, -1), () => [[dims(), dims()]]],
  ['reshape', (a) => T.reshape(a, [-1]), () => [[dims(), dims()]]],
  ['slice', (a) => T.slice(a, [1, 0], [1, -1]), () => [[2 + dims(), dims()]]],
  [
    'concat',
    (a, b) => T.concat([a, b], 1),
    () => {
      const m = dims();
      return [
        [m, dims()],
        [m, dims()],
      ];
    },
  ],
  ['gather', (a) => T.gather(a, [2, 0, 2]), () => [[3, dims()]]],
  ['relu', T.relu, () => [[dims(), dims()]]],
  ['leakyRelu', (a) => T.leakyRelu(a, 0.1), () => [[dims(), dims()]]],
  ['sigmoid', T.sigmoid, () => [[dims(), dims()]]],
  ['tanh', T.tanh, () => [[dims(), dims()]]],
  ['gelu (erf)', (a) => T.gelu(a), () => [[dims(), dims()]]],
  ['swish', (a) => T.swish(a, 1.7), () => [[dims(), dims()]]],
  ['swish (β = 1, SiLU)', (a) => T.swish(a), () => [[dims(), dims()]]],
  ['softmax', T.softmax, () => [[dims(), 1 + dims()]]],
  ['logSoftmax', T.logSoftmax, () => [[dims(), 1 + dims()]]],
  [
    'mse',
    T.mse,
    () => {
      const s = [dims(), dims()];
      return [s, s];
    },
  ],
];

describe('gradients match central differences', () => {
  for (const [name, f, shapes, lo, hi] of cases) {
    it(name, () => {
      for (let trial = 0; trial < 3; trial++) {
        const xs = shapes().map((s) => rand(s, lo, hi));
        // Keep kinks (relu, abs, max ties) away from the finite-difference step.
        for (const x of xs) x.data.forEach((v, i) => (x.data[i] = Math.abs(v) < 1e-3 ? 0.5 : v));
        // Reduce the output to a scalar with fixed random weights so every output element's gradient is exercised.
        const weights = new Map<string, Tensor>();
        const scalarOf = (...ins: Tensor[]): Tensor => {
          const y = f(...ins);
          const key = y.shape.join();
          if (!weights.has(key)) weights.set(key, rand(y.shape));
          return y.size === 1 ? T.sum(y) : T.sum(T.mul(y, weights.get(key)!));
        };
        const res = gradcheck(scalarOf, xs);
        expect(res.maxError, `${name} shapes ${xs.map((x) => x.shape.join('x')).join(', ')}`).toBeLessThan(1e-4);
      }
    });
  }

  it('softmaxCrossEntropy on labels is −(1/n) Σ T ⊙ log softmax(z) with one-hot targets T', () => {
    const n = 5;
    const k = 3;
    const labels = [0, 2, 1, 1, 0];
    const onehot = tensor(labels.map((y) => [0, 1, 2].map((j) => (j === y ? 1 : 0))));
    const z = rand([n, k]);
    expect(gradcheck((a) => T.softmaxCrossEntropy(a, labels), [z]).maxError).toBeLessThan(1e-6);
    const composed = (a: T.Tensor): T.Tensor => T.neg(T.mean(T.sum(T.mul(T.logSoftmax(a), onehot), 1)));
    expect(T.softmaxCrossEntropy(z, labels).item()).toBeCloseTo(composed(z).item(), 12);
    const [fused, slow] = [z, z.detach()].map((a) => {
      a.requireGrad().grad = null;
      (a === z ? T.softmaxCrossEntropy(a, labels) : composed(a)).backward();
      return a.grad!;
    });
    fused!.forEach((g, i) => expect(g).toBeCloseTo(slow![i]!, 12));
  });

  it('gather backward touches only the rows used', () => {
    const table = rand([5, 3]).requireGrad();
    T.sum(T.gather(table, [1, 3, 1])).backward();
    expect(Array.from(table.grad!)).toEqual([0, 0, 0, 2, 2, 2, 0, 0, 0, 1, 1, 1, 0, 0, 0]);
  });
});

describe('forward values', () => {
  it('broadcasts over rows and columns', () => {
    const a = tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(T.add(a, tensor([10, 20, 30])).toArray()).toEqual([
      [11, 22, 33],
      [14, 25, 36],
    ]);
    expect(T.sub(a, tensor([[1], [4]])).toArray()).toEqual([
      [0, 1, 2],
      [0, 1, 2],
    ]);
    expect(T.div(a, 2).toArray()).toEqual([
      [0.5, 1, 1.5],
      [2, 2.5, 3],
    ]);
    expect(T.mul(2, a).data[1 * 3 + 2]).toBe(12);
  });

  it('matmul, transpose, reductions and activations', () => {
    const a = tensor([
      [1, 2],
      [3, 4],
    ]);
    expect(T.matmul(a, a).toArray()).toEqual([
      [7, 10],
      [15, 22],
    ]);
    expect(T.transpose(a).toArray()).toEqual([
      [1, 3],
      [2, 4],
    ]);
    expect(T.sum(a, 0).toArray()).toEqual([4, 6]);
    expect(T.mean(a).item()).toBe(2.5);
    expect(T.max(a, 1).toArray()).toEqual([2, 4]);
    expect(
      T.argmax(
        tensor([
          [1, 5, 2],
          [7, 0, 7],
        ]),
        1,
      ).toArray(),
    ).toEqual([1, 0]);
    expect(T.relu(tensor([-1, 0, 2])).toArray()).toEqual([0, 0, 2]);
    expect(T.step(tensor([-1, 0, 2])).toArray()).toEqual([0, 1, 1]);
    expect(T.sigmoid(tensor([0])).item()).toBe(0.5);
    expect(T.tanh(tensor([0.5])).item()).toBeCloseTo(Math.tanh(0.5), 15);
    expect(T.mse(tensor([[1], [2]]), tensor([1, 4])).item()).toBe(2);
    const s = T.softmax(tensor([[1000, 1000, -Infinity]]));
    expect(s.data[0]).toBeCloseTo(0.5, 15);
    expect(s.data[2]).toBe(0);
    expect(erf(0.5)).toBeCloseTo(0.5204998778130465, 6);
    expect(T.gelu(tensor([1])).item()).toBeCloseTo(0.8413447460685429, 6);
  });

  it('reshape, slice, concat and gather', () => {
    const a = tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(T.reshape(a, [3, -1]).toArray()).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(T.slice(a, [0, 1], [2, 2]).toArray()).toEqual([
      [2, 3],
      [5, 6],
    ]);
    expect(T.concat([a, a], 0).shape).toEqual([4, 3]);
    expect(T.concat([a, tensor([[7], [8]])], 1).toArray()).toEqual([
      [1, 2, 3, 7],
      [4, 5, 6, 8],
    ]);
    expect(T.gather(a, [1, 1]).toArray()).toEqual([
      [4, 5, 6],
      [4, 5, 6],
    ]);
  });
});

describe('shape errors name the op and both shapes', () => {
  it('throws readable messages', () => {
    expect(() => T.matmul(T.zeros([4, 3]), T.zeros([2, 5]))).toThrow('matmul: [4,3] x [2,5] — inner dimensions 3 and 2 differ');
    expect(() => T.add(T.zeros([4, 3]), T.zeros([2, 3]))).toThrow('add: [4,3] + [2,3] — dimensions 4 and 2 do not broadcast');
    expect(() => T.mse(T.zeros([4, 1]), T.zeros([3, 1]))).toThrow('mse: [4,1] vs [3,1] — shapes differ');
    expect(() => T.linear(T.zeros([4, 3]), T.zeros([3, 2]), T.zeros([3]))).toThrow(/bias \[3\]/);
    expect(() => T.softmaxCrossEntropy(T.zeros([2, 3]), [0, 3])).toThrow(/label 3 out of range for 3 classes/);
    expect(() => T.reshape(T.zeros([4, 3]), [5, 2])).toThrow('reshape: [4,3] to [5,2] — sizes 12 and 10 differ');
    expect(() => T.concat([T.zeros([2, 3]), T.zeros([3, 3])], 1)).toThrow(/concat/);
    expect(() => T.gather(T.zeros([3, 2]), [3])).toThrow(/index 3 out of range/);
    expect(() => T.sum(T.zeros([2]), 2)).toThrow(/axis 2 out of range/);
  });
});

describe('dense (a layer and its activation in one op, as MLP trains)', () => {
  const f = rng(11);
  const x = T.tensor(
    Array.from({ length: 15 }, (_, i) => (i % 4 === 0 ? 0 : f.normal())),
    [5, 3],
  ).requireGrad();
  const W = T.param(
    Array.from({ length: 12 }, () => f.normal()),
    [3, 4],
  );
  const b = T.param([0.1, 0, -0.2, 0.3]);
  const weights = T.tensor(
    Array.from({ length: 20 }, () => f.normal()),
    [5, 4],
  );
  const grads = (y: (x: Tensor, W: Tensor, b: Tensor) => Tensor): number[][] => {
    for (const t of [x, W, b]) t.zeroGrad();
    T.sum(T.mul(y(x, W, b), weights)).backward();
    return [x, W, b].map((t) => Array.from(t.grad ?? []));
  };
  for (const [name, act] of [
    ['relu', T.relu],
    ['tanh', T.tanh],
    ['sigmoid', T.sigmoid],
  ] as const) {
    it(`equals ${name}(linear(x, W, b)) to the last bit, values and gradients, and passes the gradient check`, () => {
      const fused = (a: Tensor, w: Tensor, c: Tensor): Tensor => dense(a, w, c, act.primitive);
      const apart = (a: Tensor, w: Tensor, c: Tensor): Tensor => act(T.linear(a, w, c));
      expect(Array.from(fused(x, W, b).data)).toEqual(Array.from(apart(x, W, b).data));
      expect(grads(fused)).toEqual(grads(apart));
      expect(gradcheck((a, w, c) => T.sum(T.mul(fused(a, w, c), weights)), [x, W, b]).maxError).toBeLessThan(1e-6);
    });
  }
});
