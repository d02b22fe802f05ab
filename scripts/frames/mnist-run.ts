/**
 * An MNIST-sized training run for `npm run frames`: a 784-128-64-10 ReLU network trained by SGD
 * on minibatches of 64 random "images" (uniform pixels in [0, 1], random labels), with the book's
 * tensor package. The data is random because only the cost per step matters here.
 */
import { adam, mlp, rng, softmaxCrossEntropy, tensor, type MLP, type Optimizer, type Rng } from '@beyond-linear/tensor';
import { stepWithin, type Budget, type Progress, type Run } from '../../src/widgets/_shared/run/contract.ts';

export const SIZES = [784, 128, 64, 10];
export const BATCH = 64;

/** What the page draws: steps, the last loss, and the first hidden unit's 784 input weights (a 28 × 28 image). */
export interface MnistSnapshot {
  steps: number;
  loss: number;
  unit: Float64Array;
}

export class MnistBenchRun implements Run<MnistSnapshot> {
  steps = 0;
  loss = Number.NaN;
  error: string | null = null;
  readonly done = false;
  private readonly net: MLP;
  private readonly opt: Optimizer;
  private readonly r: Rng;

  constructor(seed: number) {
    this.r = rng(seed);
    this.net = mlp({ sizes: SIZES, activation: 'relu', rng: this.r });
    this.opt = adam(this.net, { lr: 1e-3 });
  }

  step(): void {
    const x = new Float64Array(BATCH * 784);
    for (let i = 0; i < x.length; i++) x[i] = this.r.next();
    const labels = Array.from({ length: BATCH }, () => this.r.int(10));
    this.opt.zeroGrad();
    const loss = softmaxCrossEntropy(this.net.forward(tensor(x, [BATCH, 784])), labels);
    loss.backward();
    this.opt.step();
    this.loss = loss.item();
    this.steps++;
  }

  advance(budget: Budget): void {
    stepWithin(budget, this);
  }

  progress(): Progress {
    return { steps: this.steps, fraction: 0, phase: 'training' };
  }

  snapshot(): MnistSnapshot {
    const w = this.net.layers[0]?.weight.data ?? new Float64Array(784 * 128);
    // The weight matrix is stored [784, 128]: unit 0's weights are every 128th entry.
    return { steps: this.steps, loss: this.loss, unit: Float64Array.from({ length: 784 }, (_, i) => w[i * 128] ?? 0) };
  }
}
