import { adam, divergence, mlp, mse, rng, sgd, xor, type MLP, type Optimizer, type Dataset } from '@beyond-linear/tensor';
import { stepWithin, type Budget, type Progress, type Run } from '../_shared/run/contract';
import type { XorNetValues, XorWeights } from './model';

/** What the widget draws from a run: steps, loss, the current weights, and whether the loss settled. */
export interface XorSnapshot {
  steps: number;
  loss: number;
  weights: XorWeights;
  settled: boolean;
}

/** The settings a run is built from. */
export type XorRunSettings = Pick<XorNetValues, 'seed' | 'lr' | 'opt' | 'relu'>;

/** Gradient steps per animation frame: slow enough to watch (a solved run takes a second or two at 60 fps). */
export const STEPS_PER_FRAME = 5;
/** A run stops after this many steps, or earlier once the loss stops changing. */
export const MAX_STEPS = 3000;
/** The loss has settled when it moved less than this over `PLATEAU_STEPS` steps. */
const PLATEAU = 1e-7;
const PLATEAU_STEPS = 100;

/*
 * Seeds with the defaults (plain gradient descent, learning rate 0.1, ReLU on), checked in train.test.ts:
 * succeed: 3 (default; loss < 0.01 by step 240), 10, 12, 13.
 * fail:    2 (both units dead from the start: loss 0.5), 5 (unit 2 dead from the start: loss 0.25),
 *          7 (unit 1 dies during training: loss 0.25), 1 (no dead unit, but both fire on 10 and 11 only,
 *          so nothing fires on 01: loss 0.25), 6 (both units fire on 01, 10, 11: one linear function, loss 1/3).
 */

/**
 * Trains the article's architecture, a 2-2-1 network without biases, from a seeded He initialisation on the four XOR
 * corners by plain gradient descent (`θ ← θ − η∇ℓ`) or Adam on the mean squared error `ℓ = (1/4) Σ (ŷ − y)²`.
 * Same settings, same seed: the bit-identical run.
 */
export class XorTrainer implements Run<XorSnapshot> {
  /** Gradient steps taken so far. */
  steps = 0;
  /** The loss before the last step (the initial loss before any). */
  loss: number;
  /** A sentence explaining divergence, or `null` while every number is finite. */
  error: string | null = null;
  /** True once the loss stopped changing (a solution or a stuck run). */
  settled = false;
  private readonly net: MLP;
  private readonly opt: Optimizer;
  private readonly data: Dataset = xor();
  private readonly history: number[] = [];

  constructor(v: XorRunSettings) {
    this.net = mlp({ sizes: [2, 2, 1], bias: false, activation: v.relu ? 'relu' : 'identity', init: 'he', rng: rng(v.seed) });
    this.opt = v.opt === 'adam' ? adam(this.net, { lr: v.lr }) : sgd(this.net, { lr: v.lr });
    this.loss = mse(this.net.forward(this.data.x), this.data.y).item();
  }

  /** True once the run diverged, settled or used all its steps. */
  get done(): boolean {
    return this.error !== null || this.settled || this.steps >= MAX_STEPS;
  }

  /** One gradient step; sets `error` (and stops) if a number becomes non-finite. */
  step(): void {
    this.opt.zeroGrad();
    const loss = mse(this.net.forward(this.data.x), this.data.y);
    loss.backward();
    this.opt.step();
    this.steps++;
    this.loss = loss.item();
    this.error = divergence(loss, this.net);
    this.history.push(this.loss);
    if (this.history.length > PLATEAU_STEPS) {
      const old = this.history.shift() ?? this.loss;
      this.settled = Math.abs(old - this.loss) < PLATEAU;
    }
  }

  /** Take steps within the budget (the widget allows `STEPS_PER_FRAME` per frame, to watch the weights move). */
  advance(budget: Budget): void {
    stepWithin(budget, this);
  }

  progress(): Progress {
    return { steps: this.steps, fraction: this.done ? 1 : this.steps / MAX_STEPS, phase: this.error ? 'diverged' : this.done ? 'settled' : 'training' };
  }

  snapshot(): XorSnapshot {
    return { steps: this.steps, loss: this.loss, weights: this.weights(), settled: this.settled };
  }

  /** The current weights in the article's layout (`W[i][j]`: input `j` to hidden `i`); the package stores `Wᵀ`. */
  weights(): XorWeights {
    const W = this.net.layers[0]?.weight.data ?? new Float64Array(4);
    const U = this.net.layers[1]?.weight.data ?? new Float64Array(2);
    return { w11: W[0] ?? 0, w21: W[1] ?? 0, w12: W[2] ?? 0, w22: W[3] ?? 0, u1: U[0] ?? 0, u2: U[1] ?? 0 };
  }
}
