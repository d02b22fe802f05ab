/* Differential tests against TensorFlow.js (dev dependency only). tfjs computes in float32, so values are compared with a
   relative tolerance of 1e-4 (float32 has ~7 significant digits; products of a few terms lose one or two). */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import * as T from './internal.ts';
import { type Tensor, rng } from './internal.ts';
import { expectClose, randomTensor, toTf, useTfjsCpu } from './tfjs-compare.ts';

beforeAll(useTfjsCpu);

const r = rng(21);
const rand = (shape: number[], lo = -2, hi = 2): Tensor => randomTensor(r, shape, lo, hi);

type Pair = [name: string, ours: (...x: Tensor[]) => Tensor, theirs: (...x: tf.Tensor[]) => tf.Tensor, shapes: number[][], lo?: number, hi?: number];
const pairs: Pair[] = [
  ['add', T.add, tf.add, [[4, 3], [3]]],
  [
    'sub',
    T.sub,
    tf.sub,
    [
      [4, 3],
      [4, 1],
    ],
  ],
  [
    'mul',
    T.mul,
    tf.mul,
    [
      [4, 3],
      [4, 3],
    ],
  ],
  [
    'div',
    T.div,
    tf.div,
    [
      [4, 3],
      [1, 3],
    ],
    0.5,
    2,
  ],
  ['neg', T.neg, tf.neg, [[3, 5]]],
  ['exp', T.exp, tf.exp, [[3, 5]]],
  ['log', T.log, tf.log, [[3, 5]], 0.2, 3],
  ['pow', (a) => T.pow(a, 3), (a) => tf.pow(a, 3), [[3, 5]]],
  [
    'matmul',
    T.matmul,
    (a, b) => tf.matMul(a, b),
    [
      [5, 4],
      [4, 3],
    ],
  ],
  ['transpose', T.transpose, (a) => tf.transpose(a), [[5, 4]]],
  ['sum', (a) => T.sum(a, 1), (a) => tf.sum(a, 1), [[5, 4]]],
  ['mean', (a) => T.mean(a, 0), (a) => tf.mean(a, 0), [[5, 4]]],
  ['max', (a) => T.max(a, 1), (a) => tf.max(a, 1), [[5, 4]]],
  ['reshape', (a) => T.reshape(a, [2, 10]), (a) => tf.reshape(a, [2, 10]), [[5, 4]]],
  ['slice', (a) => T.slice(a, [1, 1], [3, 2]), (a) => tf.slice(a, [1, 1], [3, 2]), [[5, 4]]],
  [
    'concat',
    (a, b) => T.concat([a, b], 1),
    (a, b) => tf.concat([a, b], 1),
    [
      [3, 2],
      [3, 4],
    ],
  ],
  ['gather', (a) => T.gather(a, [3, 0, 3]), (a) => tf.gather(a, [3, 0, 3]), [[5, 4]]],
  ['relu', T.relu, tf.relu, [[6, 5]]],
  ['leakyRelu', (a) => T.leakyRelu(a, 0.2), (a) => tf.leakyRelu(a, 0.2), [[6, 5]]],
  ['sigmoid', T.sigmoid, tf.sigmoid, [[6, 5]]],
  ['tanh', T.tanh, tf.tanh, [[6, 5]]],
  ['softmax', T.softmax, (a) => tf.softmax(a), [[6, 5]]],
  ['logSoftmax', T.logSoftmax, (a) => tf.logSoftmax(a), [[6, 5]]],
  [
    'mse',
    T.mse,
    (a, b) => tf.losses.meanSquaredError(a, b),
    [
      [6, 2],
      [6, 2],
    ],
  ],
];

describe('forward values and gradients match tfjs-core (cpu)', () => {
  for (const [name, ours, theirs, shapes, lo, hi] of pairs) {
    it(name, () => {
      const xs = shapes.map((s) => rand(s, lo, hi));
      const y = ours(...xs);
      const w = rand(y.shape);
      const loss = T.sum(T.mul(y, w));
      xs.forEach((x) => x.requireGrad());
      T.sum(T.mul(ours(...xs), w)).backward();
      const tw = toTf(w);
      const ty = theirs(...xs.map(toTf));
      expectClose(y.data, ty.dataSync(), `${name} forward`);
      expect(loss.shape).toEqual([]);
      const grads = tf.grads((...ins: tf.Tensor[]) => tf.sum(tf.mul(theirs(...ins), tw)))(xs.map(toTf));
      grads.forEach((g, i) => expectClose(xs[i]!.grad!, g.dataSync(), `${name} grad ${i}`));
    });
  }

  it('softmaxCrossEntropy', () => {
    const z = rand([7, 3]).requireGrad();
    const labels = [0, 2, 1, 1, 0, 2, 2];
    const onehot = tf.oneHot(labels, 3);
    const loss = T.softmaxCrossEntropy(z, labels);
    loss.backward();
    const f = (a: tf.Tensor): tf.Scalar => tf.losses.softmaxCrossEntropy(onehot, a) as tf.Scalar;
    expectClose([loss.item()], f(toTf(z)).dataSync(), 'loss');
    expectClose(z.grad!, tf.grad(f)(toTf(z)).dataSync(), 'grad');
  });
});

describe('same training trajectory as tfjs-core', () => {
  it('a seeded 2-8-8-3 tanh MLP trained with SGD follows the same loss curve', () => {
    const ds = T.spirals({ n: 60, arms: 3, rng: rng(4) });
    const net = T.mlp({ sizes: [2, 8, 8, 3], activation: 'tanh', rng: rng(5) });
    const tfParams = net.params().map((p) => tf.variable(toTf(p)));
    const opt = T.sgd(net, { lr: 0.1, momentum: 0.5 });
    const tfOpt = tf.train.momentum(0.1, 0.5);
    const x = toTf(ds.x);
    const y = tf.oneHot(Array.from(ds.labels), 3);
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let s = 0; s < 30; s++) {
      opt.zeroGrad();
      const loss = T.softmaxCrossEntropy(net.forward(ds.x), ds.labels);
      ours.push(loss.item());
      loss.backward();
      opt.step();
      const cost = tfOpt.minimize(() => {
        let h: tf.Tensor = x;
        for (let l = 0; l < 3; l++) {
          h = tf.add(tf.matMul(h, tfParams[2 * l]!), tfParams[2 * l + 1]!);
          if (l < 2) h = tf.tanh(h);
        }
        return tf.losses.softmaxCrossEntropy(y, h) as tf.Scalar;
      }, true);
      theirs.push(cost!.dataSync()[0]!);
    }
    expectClose(ours, theirs, 'loss');
    expect(ours[29]!).toBeLessThan(ours[0]!);
  });
});
