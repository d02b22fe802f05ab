import { describe, expect, it } from 'vitest';
import {
  Embedding,
  Linear,
  adam,
  accuracy,
  exportWeights,
  gradcheck,
  importWeights,
  linear,
  matmul,
  mlp,
  mse,
  noGrad,
  relu,
  rng,
  sgd,
  softmaxCrossEntropy,
  spirals,
  sum,
  tensor,
  xor,
  type Tensor,
} from './internal.ts';

describe('the article’s 2-2-1 ReLU XOR network (no biases)', () => {
  // PyTorch stores weights as [out, in]; here layers compute x·W with W: [in, out], so the article's matrices are transposed.
  const W1 = tensor([
    [1.1485, -1.1486],
    [-1.0205, 1.0189],
  ]);
  const W2 = tensor([[0.8707, 0.9815]]);
  const corners = xor();
  const W1t = tensor([
    [1.1485, -1.0205],
    [-1.1486, 1.0189],
  ]);
  const W2t = tensor([[0.8707], [0.9815]]);

  it('outputs XOR on the four corners within 0.15', () => {
    const out = matmul(relu(matmul(corners.x, W1t)), W2t);
    expect(W1.shape).toEqual([2, 2]);
    expect(W2.shape).toEqual([1, 2]);
    out.data.forEach((v, i) => expect(Math.abs(v - corners.labels[i]!)).toBeLessThan(0.15));
    expect(mse(out, corners.y).item()).toBeLessThan(0.01);
  });

  it('without the ReLU collapses to a linear function that fails', () => {
    const out = matmul(matmul(corners.x, W1t), W2t);
    const worst = Math.max(...out.data.map((v, i) => Math.abs(v - corners.labels[i]!)));
    expect(worst).toBeGreaterThan(0.15);
    // The collapsed map is x·(W1ᵀW2ᵀ) ≈ −0.0016x + −0.0001y: essentially zero everywhere.
    const collapsed = matmul(W1t, W2t);
    expect(Math.abs(collapsed.data[0]!)).toBeLessThan(0.01);
    expect(Math.abs(collapsed.data[1]!)).toBeLessThan(0.01);
  });
});

describe('nn', () => {
  it('mlp has the requested layer shapes, seeded init and validates sizes', () => {
    const a = mlp({ sizes: [2, 16, 16, 2], activation: 'tanh', rng: rng(3) });
    const b = mlp({ sizes: [2, 16, 16, 2], activation: 'tanh', rng: rng(3) });
    expect(a.params().map((p) => p.shape)).toEqual([[2, 16], [16], [16, 16], [16], [16, 2], [2]]);
    expect(a.params()[2]!.data).toEqual(b.params()[2]!.data);
    expect(a.params().every((p) => p.requiresGrad)).toBe(true);
    expect(mlp({ sizes: [3, 4], bias: false }).params().length).toBe(1);
    expect(() => mlp({ sizes: [2, 0, 1] })).toThrow('mlp: sizes[1] must be a positive integer, got 0');
    expect(() => mlp({ sizes: [2, 1], activation: 'gelu' as 'relu' })).toThrow('mlp: unknown activation gelu');
    expect(() => new Linear({ inputs: 2, outputs: -1 })).toThrow(/outputs must be a positive integer/);
    expect(a.trace(tensor([[0.1, 0.2]])).map((t) => t.shape)).toEqual([
      [1, 16],
      [1, 16],
      [1, 2],
    ]);
  });

  it('Xavier and He initialisations have the expected spread', () => {
    const big = (init: 'xavier' | 'he'): number => {
      const w = new Linear({ inputs: 200, outputs: 300, init, rng: rng(5) }).weight.data;
      return Math.sqrt(w.reduce((s, v) => s + v * v, 0) / w.length);
    };
    expect(big('xavier')).toBeCloseTo(Math.sqrt(2 / 500), 2);
    expect(big('he')).toBeCloseTo(Math.sqrt(2 / 200), 2);
  });

  it('exports and imports weights, checking shapes', () => {
    const a = mlp({ sizes: [2, 3, 1], rng: rng(1) });
    const b = mlp({ sizes: [2, 3, 1], rng: rng(2) });
    const bytes = exportWeights(a);
    importWeights(b, bytes);
    const x = tensor([[0.3, -0.7]]);
    expect(b.forward(x).item()).toBeCloseTo(a.forward(x).item(), 5);
    expect(() => importWeights(mlp({ sizes: [2, 4, 1] }), bytes)).toThrow('importWeights: layers.0.weight has shape [2,3], expected [2,4]');
  });

  it('Embedding has correct gradients; embedding rows not used get none', () => {
    const emb = new Embedding({ count: 6, dim: 3, rng: rng(1) });
    const ids = [4, 1, 4];
    const W = tensor([[0.3], [-1.2], [0.7]]);
    const f = (E: Tensor): Tensor => {
      emb.weight = E;
      return sum(relu(linear(emb.forward(ids), W)));
    };
    const res = gradcheck(f, [emb.weight]);
    expect(res.maxError).toBeLessThan(1e-6);
    expect(Array.from(res.analytic[0]!.subarray(0, 3))).toEqual([0, 0, 0]);
    expect(emb.params().length).toBe(1);
  });
});

describe('optim', () => {
  it('validates hyperparameters, naming them', () => {
    const p = [tensor([1]).requireGrad()];
    expect(() => sgd(p, { lr: -0.1 })).toThrow('sgd: lr must be a finite number in [0, Infinity), got -0.1');
    expect(() => sgd(p, { lr: NaN })).toThrow(/lr/);
    expect(() => sgd(p, { lr: 0.1, momentum: 1 })).toThrow(/momentum/);
    expect(() => adam(p, { lr: Infinity })).toThrow(/adam: lr/);
    expect(() => adam(p, { beta2: 1.5 })).toThrow(/beta2/);
    expect(() => adam(p, { eps: 0 })).toThrow(/eps/);
    expect(() => sgd([tensor([1])], { lr: 0.1 })).toThrow(/params\[0\] does not require grad/);
    const o = sgd(p, { lr: 0.1 });
    o.lr = -1;
    expect(() => o.step()).toThrow(/lr/);
  });

  it('SGD with momentum and Adam minimise a quadratic', () => {
    for (const make of [(p: Tensor[]) => sgd(p, { lr: 0.1, momentum: 0.9 }), (p: Tensor[]) => adam(p, { lr: 0.1 })]) {
      const w = tensor([3, -2]).requireGrad();
      const opt = make([w]);
      for (let i = 0; i < 300; i++) {
        opt.zeroGrad();
        mse(w, tensor([1, 1])).backward();
        opt.step();
      }
      expect(w.data[0]).toBeCloseTo(1, 3);
      expect(w.data[1]).toBeCloseTo(1, 3);
    }
  });
});

describe('training', () => {
  const train = (): { acc: number; losses: number[] } => {
    const ds = spirals({ n: 400, arms: 2, rng: rng(1) });
    const net = mlp({ sizes: [2, 16, 16, 2], activation: 'tanh', rng: rng(2) });
    const opt = adam(net, { lr: 0.03 });
    const losses: number[] = [];
    for (let s = 0; s < 400; s++) {
      opt.zeroGrad();
      const loss = softmaxCrossEntropy(net.forward(ds.x), ds.labels);
      losses.push(loss.item());
      loss.backward();
      opt.step();
    }
    return {
      acc: accuracy(
        noGrad(() => net.forward(ds.x)),
        ds.labels,
      ),
      losses,
    };
  };

  it('2-arm spirals: a 2-16-16-2 tanh MLP with Adam reaches 95% training accuracy, identically on every run', () => {
    const a = train();
    const b = train();
    expect(a.acc).toBeGreaterThanOrEqual(0.95);
    expect(b.losses).toEqual(a.losses);
  }, 30_000); // 800 steps: well under a second alone, but this machine is shared
});
