/* Differential tests of the chapter 4–5 operations (lookups, windows, cosine similarity, top-k, probe training) against
   TensorFlow.js (dev dependency only), which computes in float32: values agree to a relative 1e-4. */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import * as T from './internal.ts';
import { type Tensor, rng } from './internal.ts';
import { expectClose, randomTensor, toTf, useTfjsCpu } from './tfjs-compare.ts';
import { gatherSum } from './ops-embedding.ts';
import { topK } from './projection.ts';

beforeAll(useTfjsCpu);

const r = rng(31);
const rand = (shape: number[]): Tensor => randomTensor(r, shape);

/** Compares `ours(x)` and `theirs(x)` and their gradients of `Σ W ⊙ f(x)` for a fixed random `W`. */
function compare(label: string, ours: (x: Tensor) => Tensor, theirs: (x: tf.Tensor) => tf.Tensor, x: Tensor): void {
  const y = ours(x);
  const w = rand(y.shape);
  x.requireGrad();
  x.grad = null;
  T.sum(T.mul(ours(x), w)).backward();
  expectClose(y.data, theirs(toTf(x)).dataSync(), `${label} forward`);
  const g = tf.grad((a: tf.Tensor) => tf.sum(tf.mul(theirs(a), toTf(w))))(toTf(x));
  expectClose(x.grad!, g.dataSync(), `${label} grad`);
}

describe('lookups match tfjs-core (cpu)', () => {
  it('gather with repeated indices, on random shapes', () => {
    for (let trial = 0; trial < 3; trial++) {
      const rows = 2 + r.int(6);
      const ids = Array.from({ length: 1 + r.int(8) }, () => r.int(rows));
      compare(
        'gather',
        (E) => T.gather(E, ids),
        (E) => tf.gather(E, ids),
        rand([rows, 1 + r.int(5)]),
      );
    }
  });

  it('gatherWindow is tf.gather of a [t, n] index matrix reshaped to [t, n·e]', () => {
    const [rows, e, n, t] = [9, 4, 3, 5];
    const ids = Array.from({ length: t * n }, () => r.int(rows));
    compare(
      'gatherWindow',
      (E) => T.gatherWindow(E, ids, n),
      (E) => tf.reshape(tf.gather(E, tf.tensor2d(ids, [t, n], 'int32')), [t, n * e]),
      rand([rows, e]),
    );
  });

  it('gatherSum is tf.sum of tf.gather over a [t, n] index matrix', () => {
    const [rows, e, n, t] = [8, 3, 4, 5];
    const ids = Array.from({ length: t * n }, () => r.int(rows));
    compare(
      'gatherSum',
      (E) =>
        gatherSum(
          E,
          ids,
          Array.from({ length: t }, (_, i) => i * n),
        ),
      (E) => tf.sum(tf.gather(E, tf.tensor2d(ids, [t, n], 'int32')), 1),
      rand([rows, e]),
    );
  });

  it('a lookup is tf.oneHot(ids)·E', () => {
    const ids = [2, 0, 2, 5];
    compare(
      'one-hot product',
      (E) => T.gather(E, ids),
      (E) => tf.matMul(tf.oneHot(tf.tensor1d(ids, 'int32'), 6), E),
      rand([6, 3]),
    );
  });

  it('a window model trained with sparse SGD follows tfjs’s dense SGD trajectory', () => {
    const [V, e, n, hidden] = [12, 4, 2, 5];
    const emb = new T.Embedding({ count: V, dim: e, rng: rng(2) });
    const net = T.mlp({ sizes: [n * e, hidden, V], activation: 'tanh', rng: rng(3) });
    const params = [emb.weight, ...net.params()];
    const vars = params.map((p) => tf.variable(toTf(p)));
    const opt = T.sgd(params, { lr: 0.5 });
    const tfOpt = tf.train.sgd(0.5);
    const data = rng(4);
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let s = 0; s < 20; s++) {
      const ids = Array.from({ length: 6 * n }, () => data.int(V));
      const y = Array.from({ length: 6 }, () => data.int(V));
      opt.zeroGrad();
      const loss = T.softmaxCrossEntropy(net.forward(emb.window(ids, n)), y);
      ours.push(loss.item());
      loss.backward();
      opt.step();
      const cost = tfOpt.minimize(() => {
        const x = tf.reshape(tf.gather(vars[0]!, tf.tensor1d(ids, 'int32')), [6, n * e]);
        const h = tf.tanh(tf.add(tf.matMul(x, vars[1]!), vars[2]!));
        const z = tf.add(tf.matMul(h, vars[3]!), vars[4]!);
        return tf.losses.softmaxCrossEntropy(tf.oneHot(tf.tensor1d(y, 'int32'), V), z) as tf.Scalar;
      }, true);
      theirs.push(cost!.dataSync()[0]!);
    }
    expectClose(ours, theirs, 'loss');
    expectClose(emb.weight.data, vars[0]!.dataSync(), 'E after 20 steps');
  });
});

describe('similarity ops match tfjs-core (cpu)', () => {
  it('cosineSimilarity is tf’s row-normalised product, values and gradients, on random shapes', () => {
    const unit = (a: tf.Tensor): tf.Tensor => tf.div(a, tf.norm(a, 'euclidean', 1, true));
    for (let trial = 0; trial < 3; trial++) {
      const e = 1 + r.int(6);
      const b = rand([1 + r.int(5), e]);
      compare(
        'cosineSimilarity',
        (a) => T.cosineSimilarity(a, b),
        (a) => tf.matMul(unit(a), unit(toTf(b)), false, true),
        rand([1 + r.int(5), e]),
      );
    }
  });

  it('topK equals tf.topk', () => {
    const x = rand([4, 9]);
    const ours = topK(x, 4);
    const theirs = tf.topk(toTf(x), 4);
    expectClose(ours.values.data, theirs.values.dataSync(), 'values');
    expect(Array.from(ours.indices.data)).toEqual(Array.from(theirs.indices.dataSync()));
  });
});

describe('probe training matches tfjs-core', () => {
  it('a full-batch softmax probe with an L2 penalty follows tf.train.adam on cross-entropy + λ‖W‖²', () => {
    // 61 rows: with balanced classes the first bias gradient is exactly 0 in float64 but float32 noise in tfjs, which Adam scales up to a full step.
    const ds = T.blobs({ n: 61, k: 3, dim: 4, std: 1.2, rng: rng(8) });
    const [l2, lr, epochs] = [0.01, 0.05, 25];
    const p = T.probe(ds.x, ds.labels, { l2, lr, epochs, batchSize: 61, validation: 0 });
    const W = tf.variable(tf.zeros([4, 3]));
    const b = tf.variable(tf.zeros([3]));
    const x = toTf(ds.x);
    const y = tf.oneHot(tf.tensor1d(Array.from(ds.labels), 'int32'), 3);
    const opt = tf.train.adam(lr, 0.9, 0.999, 1e-8);
    for (let s = 0; s < epochs; s++) {
      opt.minimize(() => tf.add(tf.losses.softmaxCrossEntropy(y, tf.add(tf.matMul(x, W), b)), tf.mul(l2, tf.sum(tf.square(W)))) as tf.Scalar);
    }
    const z = tf.add(tf.matMul(x, W), b);
    expectClose(p.scores(ds.x).data, z.dataSync(), 'scores');
    expectClose([p.loss], tf.losses.softmaxCrossEntropy(y, z).dataSync(), 'loss');
  });
});
