import { Linear, adam, divergence, mse, noGrad, relu, rng, tensor, type Optimizer, type Tensor } from '@beyond-linear/tensor';
import { snap } from '../_shared/state';
import { stepWithin, type Budget, type Progress, type Run } from '../_shared/run/contract';
import { UNITS, XS, hingesFromNet, netFromHinges, props, targetAt, type HingeValues, type Net } from './model';

/** Adam steps per animation frame: slow enough to watch the kinks move (about 3 s for a whole fit at 60 fps). */
export const STEPS_PER_FRAME = 10;
/** A fit stops after this many steps. */
export const MAX_STEPS = 2000;

/** What the widget draws from a fit: steps, loss, and the current weights read as (exact) hinges. */
export interface HingeSnapshot {
  steps: number;
  loss: number;
  n: number;
  hinges: Partial<HingeValues>;
}

/**
 * A resumable fit of the 1-N-1 ReLU network `f(x) = c + Σᵢ uᵢ·ReLU(wᵢx + bᵢ)` to the target on the 64 sample points,
 * starting from the reader's hinges, by Adam on the mean squared error `(1/64) Σⱼ (f(xⱼ) − y(xⱼ))²`.
 * No randomness: the same settings always give the bit-identical run.
 */
export class HingeTrainer implements Run<HingeSnapshot> {
  readonly n: number;
  /** Adam steps taken so far. */
  steps = 0;
  /** The loss at the last step (before its update). */
  loss = Number.NaN;
  /** A sentence explaining divergence, or `null` while every number is finite. */
  error: string | null = null;
  private readonly hidden: Linear;
  private readonly out: Linear;
  private readonly opt: Optimizer;
  private readonly x: Tensor;
  private readonly y: Tensor;

  constructor(v: HingeValues) {
    const net = netFromHinges(v);
    this.n = v.n;
    this.hidden = new Linear({ inputs: 1, outputs: v.n });
    this.hidden.weight.data.set(net.w);
    this.hidden.bias?.data.set(net.b);
    this.out = new Linear({ inputs: v.n, outputs: 1 });
    this.out.weight.data.set(net.u);
    this.out.bias?.data.set([net.c]);
    this.opt = adam([...this.hidden.params(), ...this.out.params()], { lr: v.lr });
    this.x = tensor(XS.map((x) => [x]));
    this.y = tensor(XS.map((x) => [targetAt(v, x)]));
  }

  /** True once the fit has used all its steps or diverged. */
  get done(): boolean {
    return this.error !== null || this.steps >= MAX_STEPS;
  }

  /** The network's output for a batch `x: [m, 1]`: `ReLU(x·W + b)·U + c`. */
  forward(x: Tensor): Tensor {
    return this.out.forward(relu(this.hidden.forward(x)));
  }

  /** One Adam step on the mean squared error; stops (with `error` set) if a number becomes non-finite. */
  step(): void {
    this.opt.zeroGrad();
    const loss = mse(this.forward(this.x), this.y);
    loss.backward();
    this.opt.step();
    this.steps++;
    this.loss = loss.item();
    this.error = divergence(loss, [...this.hidden.params(), ...this.out.params()]);
  }

  /** Take steps within the budget (the widget allows `STEPS_PER_FRAME` per frame, to watch the kinks move). */
  advance(budget: Budget): void {
    stepWithin(budget, this);
  }

  progress(): Progress {
    return { steps: this.steps, fraction: this.steps / MAX_STEPS, phase: this.error ? 'diverged' : this.done ? 'finished' : 'fitting' };
  }

  snapshot(): HingeSnapshot {
    return { steps: this.steps, loss: this.loss, n: this.n, hinges: this.hinges() };
  }

  /** The current weights as a plain network `{ w, b, u, c }`. */
  net(): Net {
    return {
      w: Array.from(this.hidden.weight.data),
      b: Array.from(this.hidden.bias?.data ?? []),
      u: Array.from(this.out.weight.data),
      c: this.out.bias?.data[0] ?? 0,
    };
  }

  /** The current weights read as hinges (exact, not snapped): `kᵢ = −bᵢ/wᵢ`, `aᵢ = uᵢ|wᵢ|`. */
  hinges(): Partial<HingeValues> {
    return hingesFromNet(this.net());
  }

  /** The network's output at `xs`, computed by the tensor package (for tests). */
  predict(xs: readonly number[]): number[] {
    return Array.from(noGrad(() => this.forward(tensor(xs.map((x) => [x])))).data);
  }
}

/** Random hinges for all eight units from `rng(seed)`: kinks uniform on `[−2.8, 2.8]`, slopes `N(0, 0.7²)`, random sides, `c = 0`. */
export function scatter(seed: number): Partial<HingeValues> {
  const r = rng(seed);
  const out: Record<string, number | string> = { c: 0 };
  for (const i of UNITS) {
    out[`k${i}`] = snap(props[`k${i}`], r.uniform(-2.8, 2.8));
    out[`a${i}`] = snap(props[`a${i}`], Math.max(-4, Math.min(4, r.normal(0, 0.7))));
    out[`d${i}`] = r.next() < 0.5 ? 'left' : 'right';
  }
  return out as Partial<HingeValues>;
}
