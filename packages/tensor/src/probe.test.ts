import { describe, expect, it } from 'vitest';
import { Tensor, blobs, linear, mlp, noGrad, probe, rng, softmaxCrossEntropy, split, tensor, xor } from './index.ts';

/** `n` rows of `d` whole numbers in `[0, values)` and the label `[π(x₀) + π(x₁) ≥ values]` for a fixed permutation π. */
function scrambled(n: number, d: number, values: number, seed: number): { x: Tensor; labels: number[]; onehot: Tensor } {
  const perm = rng(1).shuffle(Array.from({ length: values }, (_, v) => v));
  const r = rng(seed);
  const x = new Float64Array(n * d);
  const onehot = new Float64Array(n * d * values);
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let p = 0; p < d; p++) {
      const v = r.int(values);
      x[i * d + p] = v;
      onehot[(i * d + p) * values + v] = 1;
    }
    labels.push(perm[x[i * d]!]! + perm[x[i * d + 1]!]! >= values ? 1 : 0);
  }
  return { x: new Tensor(x, [n, d]), labels, onehot: new Tensor(onehot, [n, d * values]) };
}

describe('probe kinds', () => {
  it('softmax and regression probes separate blobs, reporting train, validation and test scores', () => {
    // Least squares onto one-hot targets can mask a middle class, so the regression kind gets two blobs.
    for (const [kind, k] of [
      ['regression', 2],
      ['softmax', 3],
    ] as const) {
      const ds = blobs({ n: 300, k, std: 0.3, rng: rng(5) });
      const { train, test } = split(ds, { rng: rng(6) });
      const p = probe(train.x, train.labels, { kind, test: { x: test.x, labels: test.labels } });
      expect(p.kind).toBe(kind);
      expect(p.accuracy).toBeGreaterThan(0.95);
      expect(p.error).toBeCloseTo(1 - p.accuracy, 12);
      expect(p.test!.accuracy).toBeGreaterThan(0.9);
      expect(p.test!.loss).toBeGreaterThan(0);
      expect(p.loss).toBeLessThan(kind === 'softmax' ? 0.2 : 0.1);
      expect(p.validation === undefined).toBe(kind === 'regression');
    }
  });

  it('the article’s regression probe predicts ½ on the XOR corners; a softmax probe on the ReLU net’s hidden layer separates them', () => {
    const x = xor();
    const raw = probe(x.x, x.labels, { kind: 'regression' });
    expect(raw.accuracy).toBe(0.5);
    expect(raw.loss).toBeCloseTo(0.25, 10);
    const net = mlp({ sizes: [2, 2, 1], bias: false });
    net.layers[0]!.weight.data.set([1.1485, -1.0205, -1.1486, 1.0189]);
    const hidden = noGrad(() => net.trace(x.x)[0]!);
    const p = probe(hidden, x.labels, { epochs: 300, lr: 0.1, l2: 0, validation: 0, batchSize: 4 });
    expect(p.accuracy).toBe(1);
    expect(probe(hidden, x.labels, { kind: 'regression' }).accuracy).toBe(1);
  });

  it('an MLP probe reads what a linear probe cannot: noisy XOR on raw inputs', () => {
    const ds = xor({ n: 400, noise: 0.1, rng: rng(2) });
    const lin = probe(ds.x, ds.labels, { seed: 1 });
    const deep = probe(ds.x, ds.labels, { kind: 'mlp', hidden: 16, lr: 0.03, epochs: 200, seed: 1 });
    expect(lin.accuracy).toBeLessThan(0.7);
    expect(deep.accuracy).toBeGreaterThan(0.95);
    expect(deep.validation!.accuracy).toBeGreaterThan(0.95);
  });

  it('a lookup probe reads scrambled values that a linear probe cannot, and equals a softmax probe on one-hot inputs', () => {
    const { x, labels, onehot } = scrambled(600, 3, 12, 7);
    const test = scrambled(300, 3, 12, 8);
    const opts = { epochs: 60, lr: 0.05, seed: 3, test: { x: test.x, labels: test.labels } };
    const lin = probe(x, labels, opts);
    const look = probe(x, labels, { ...opts, kind: 'lookup', values: 12 });
    expect(lin.test!.accuracy).toBeLessThan(0.75);
    expect(look.test!.accuracy).toBeGreaterThan(0.9);
    const same = { epochs: 5, lr: 0.05, seed: 3, validation: 0 };
    const a = probe(x, labels, { ...same, kind: 'lookup', values: 12 });
    const b = probe(onehot, labels, same);
    expect(a.loss).toBeCloseTo(b.loss, 9);
    const za = a.scores(test.x).data;
    b.scores(test.onehot).data.forEach((v, i) => expect(za[i]).toBeCloseTo(v, 9));
  });

  it('a lookup probe is blind to a relabelling of the values: the same fit, bit for bit', () => {
    const { x, labels } = scrambled(400, 4, 10, 11);
    const perm = rng(2).shuffle(Array.from({ length: 10 }, (_, v) => v));
    const relabelled = new Tensor(
      x.data.map((v) => perm[v]!),
      x.shape,
    );
    const a = probe(x, labels, { kind: 'lookup', values: 10, seed: 5, epochs: 8 });
    const b = probe(relabelled, labels, { kind: 'lookup', values: 10, seed: 5, epochs: 8 });
    expect(b.loss).toBe(a.loss);
    expect(b.validation!.accuracy).toBe(a.validation!.accuracy);
  });
});

describe('probe training', () => {
  it('is deterministic given a seed', () => {
    const ds = blobs({ n: 200, k: 4, dim: 6, std: 1.5, rng: rng(9) });
    for (const kind of ['softmax', 'mlp'] as const) {
      const a = probe(ds.x, ds.labels, { kind, seed: 4 });
      const b = probe(ds.x, ds.labels, { kind, seed: 4 });
      const c = probe(ds.x, ds.labels, { kind, seed: 5 });
      expect(b.loss).toBe(a.loss);
      expect(b.scores(ds.x).data).toEqual(a.scores(ds.x).data);
      expect(c.loss).not.toBe(a.loss);
    }
  });

  it('stops early when the validation loss has not improved for `patience` epochs, keeping the best epoch', () => {
    // Random labels: the fitted rows can be memorised a little, the validation rows cannot.
    const r = rng(12);
    const x = new Tensor(
      Float64Array.from({ length: 300 * 40 }, () => r.normal()),
      [300, 40],
    );
    const labels = Array.from({ length: 300 }, () => r.int(3));
    const p = probe(x, labels, { epochs: 200, lr: 0.05, l2: 0, validation: 0.3, patience: 4 });
    expect(p.epochs).toBeLessThan(200);
    expect(p.epochs - p.bestEpoch).toBe(4);
    expect(p.validation!.loss).toBeGreaterThan(p.loss);
  });

  it('validates its inputs with clear messages', () => {
    const x = tensor([
      [0, 1],
      [1, 0],
    ]);
    expect(() => probe(x, [0])).toThrow('probe (training data): 2 rows vs 1 labels');
    expect(() => probe(x, [0, 1.5])).toThrow('probe (training data): label 1.5 out of range for 2 classes');
    expect(() => probe(tensor([1, 2]), [0, 1])).toThrow('probe: expected training features [n,d], got [2]');
    expect(() => probe(x, [0, 1], { test: { x: tensor([[1, 2, 3]]), labels: [0] } })).toThrow('probe: expected test features [n,2], got [1,3]');
    expect(() => probe(x, [0, 1], { test: { x: tensor([[1, 2]]), labels: [5] } })).toThrow('probe (test data): label 5 out of range for 2 classes');
    expect(() => probe(tensor([[0.5], [1]]), [0, 1], { kind: 'lookup' })).toThrow('probe: the lookup kind needs whole-number inputs in [0, 2), got 0.5');
    expect(() => probe(x, [0, 1], { kind: 'lookup', validation: 0, test: { x: tensor([[0, 7]]), labels: [1] } })).toThrow(/in \[0, 2\), got 7/);
    expect(() => probe(x, [0, 1], { l2: -1 })).toThrow(/l2/);
    expect(() => probe(x, [0, 1], { hidden: 0, kind: 'mlp' })).toThrow(/hidden/);
  });
});

describe('no gradient flows from a probe into the probed model', () => {
  const setup = (): { net: ReturnType<typeof mlp>; features: Tensor[]; labels: number[] } => {
    const ds = blobs({ n: 120, k: 3, dim: 5, rng: rng(14) });
    const net = mlp({ sizes: [5, 8, 6, 3], rng: rng(15) });
    // Leave real gradients in the model, and record the features with the graph on: they point back into the net.
    softmaxCrossEntropy(net.forward(ds.x), ds.labels).backward();
    return { net, features: net.trace(ds.x).slice(0, 2), labels: Array.from(ds.labels) };
  };
  const snapshot = (net: ReturnType<typeof mlp>): Float64Array[] => net.params().flatMap((p) => [p.data.slice(), p.grad!.slice()]);

  it('every kind leaves the model’s parameters and gradients bit-identical', () => {
    const { net, features, labels } = setup();
    expect(features[0]!.requiresGrad).toBe(true);
    const before = snapshot(net);
    const values = features[0]!.data.slice();
    for (const h of features) {
      for (const kind of ['softmax', 'mlp', 'regression'] as const) probe(h, labels, { kind, epochs: 5, test: { x: h, labels } });
    }
    expect(snapshot(net)).toEqual(before);
    expect(features[0]!.data).toEqual(values);
  });

  it('the check can fail: a classifier trained on the same features without detaching them moves the model’s gradients', () => {
    const { net, features, labels } = setup();
    const before = snapshot(net);
    const W = tensor(
      Array.from({ length: 24 }, (_, i) => Math.cos(i)),
      [8, 3],
    ).requireGrad();
    softmaxCrossEntropy(linear(features[0]!, W), labels).backward();
    expect(snapshot(net)).not.toEqual(before);
  });
});
