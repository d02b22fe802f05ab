import { relu, sigmoid, tanh } from './ops-activation.ts';
import { affine, dense, linear } from './ops-matrix.ts';
import type { UnaryPrimitive } from './ops-elementwise.ts';
import { gradState } from './autograd.ts';
import { applyInPlace } from './kernels.ts';
import { gather, gatherWindow, markSparse } from './ops-embedding.ts';
import type { Indices } from './ops-loss.ts';
import { rng as makeRng, type Rng } from './random.ts';
import { Tensor, fmt } from './tensor.ts';
import { positiveInt } from './validate.ts';

/** Anything with trainable parameters: `θ = params()`. */
export interface Module {
  /** Trainable tensors in a stable order. */
  params(): Tensor[];
  /** Trainable tensors with dotted names, e.g. `layers.0.weight`. */
  namedParams(): [string, Tensor][];
}

/** Elementwise nonlinearity names accepted by `mlp`. */
export type Activation = 'relu' | 'tanh' | 'sigmoid' | 'identity';

/** Weight initialisation: Xavier/Glorot uniform `U(±√(6/(fᵢₙ+fₒᵤₜ)))` or He/Kaiming normal `N(0, 2/fᵢₙ)`. */
export type Init = 'xavier' | 'he';

/**
 * The primitive of each activation, which `MLP` fuses with its layer (one `dense` op while recording, applied in place
 * under `noGrad`); `identity` has none, so its layers are plain `linear` ones.
 */
const primitives: Record<Activation, UnaryPrimitive | null> = {
  relu: relu.primitive,
  tanh: tanh.primitive,
  sigmoid: sigmoid.primitive,
  identity: null,
};

/** An initialised `[fanIn, fanOut]` weight tensor that requires grad (see `Init`). */
export function initWeight(fanIn: number, fanOut: number, init: Init, r: Rng): Tensor {
  const data = new Float64Array(fanIn * fanOut);
  const a = Math.sqrt(6 / (fanIn + fanOut));
  const s = Math.sqrt(2 / fanIn);
  for (let i = 0; i < data.length; i++) data[i] = init === 'he' ? r.normal(0, s) : r.uniform(-a, a);
  return new Tensor(data, [fanIn, fanOut]).requireGrad();
}

const named = (prefix: string, m: Module): [string, Tensor][] => m.namedParams().map(([k, t]) => [`${prefix}.${k}`, t]);

/** Base class of the layers: `params()` is the tensors of `namedParams()`. */
export class Layer implements Module {
  params(): Tensor[] {
    return this.namedParams().map((e) => e[1]);
  }
  namedParams(): [string, Tensor][] {
    return [];
  }
}

/** Options of a `Linear` layer. */
export interface LinearOptions {
  inputs: number;
  outputs: number;
  bias?: boolean;
  init?: Init;
  rng?: Rng;
}

/** Fully connected layer `y = x·W + b` with `W: [inputs, outputs]`. */
export class Linear extends Layer {
  weight: Tensor;
  bias: Tensor | null;
  constructor({ inputs, outputs, bias = true, init = 'xavier', rng = makeRng(0) }: LinearOptions) {
    super();
    positiveInt('Linear', 'inputs', inputs);
    positiveInt('Linear', 'outputs', outputs);
    this.weight = initWeight(inputs, outputs, init, rng);
    this.bias = bias ? new Tensor(new Float64Array(outputs), [outputs]).requireGrad() : null;
  }
  /** `x·W + b` for a batch `x: [n, inputs]`. */
  forward(x: Tensor): Tensor {
    return linear(x, this.weight, this.bias);
  }
  override namedParams(): [string, Tensor][] {
    const out: [string, Tensor][] = [['weight', this.weight]];
    if (this.bias) out.push(['bias', this.bias]);
    return out;
  }
}

/** Options of `mlp`. */
export interface MlpOptions {
  /** Layer widths, input first: `[2, 16, 16, 2]`. */
  sizes: number[];
  activation?: Activation;
  bias?: boolean;
  /** Defaults to He for ReLU-like activations and Xavier otherwise. */
  init?: Init;
  rng?: Rng;
}

/** Multi-layer perceptron `f(x) = L_k(g(… g(L₁(x))))`; no activation after the last layer. */
export class MLP extends Layer {
  layers: Linear[];
  activation: Activation;
  constructor({ sizes, activation = 'relu', bias = true, init, rng = makeRng(0) }: MlpOptions) {
    super();
    if (sizes.length < 2) throw new Error(`mlp: sizes needs input and output widths, got ${fmt(sizes)}`);
    sizes.forEach((s, i) => positiveInt('mlp', `sizes[${i}]`, s));
    if (primitives[activation] === undefined) throw new Error(`mlp: unknown activation ${String(activation)}`);
    const ini = init ?? (activation === 'tanh' || activation === 'sigmoid' || activation === 'identity' ? 'xavier' : 'he');
    this.activation = activation;
    this.layers = sizes.slice(1).map((n, i) => new Linear({ inputs: sizes[i]!, outputs: n, bias, init: ini, rng }));
  }
  /** Output logits for a batch `x: [n, sizes[0]]`. */
  forward(x: Tensor): Tensor {
    return gradState.enabled ? this.trace(x).at(-1)! : this.infer(x);
  }
  /** Every layer's output, hidden ones after the activation: `[h₁, …, h_{k−1}, f(x)]` (for probes and plots). */
  trace(x: Tensor): Tensor[] {
    const out: Tensor[] = [];
    let h = x;
    const f = primitives[this.activation];
    this.layers.forEach((layer, i) => {
      h = f && i < this.layers.length - 1 ? dense(h, layer.weight, layer.bias, f) : layer.forward(h);
      out.push(h);
    });
    return out;
  }

  private scratch: Float64Array[] = [];

  /**
   * `forward` under `noGrad` (a heatmap's 10,000 grid points, every frame): nothing is recorded and only the logits
   * are returned, so each hidden layer `g(h·W + b)` is written into a buffer this network keeps from call to call,
   * with relu, tanh or sigmoid applied in the same buffer. The returned tensor is always fresh; no tensor is mutated.
   */
  private infer(x: Tensor): Tensor {
    let h = x;
    const f = primitives[this.activation];
    this.layers.forEach((layer, i) => {
      const shape = [h.shape[0] ?? 0, layer.weight.shape[1] ?? 0];
      if (!f || i === this.layers.length - 1) {
        h = new Tensor(affine(h, layer.weight, layer.bias), shape);
        return;
      }
      const size = shape[0]! * shape[1]!;
      const buf = this.scratch[i]?.length === size ? this.scratch[i] : (this.scratch[i] = new Float64Array(size));
      h = new Tensor(affine(h, layer.weight, layer.bias, buf), shape);
      applyInPlace(buf, f.forward);
    });
    return h;
  }
  override namedParams(): [string, Tensor][] {
    return this.layers.flatMap((l, i) => named(`layers.${i}`, l));
  }
}

/** Builds an `MLP` from an options object, e.g. `mlp({ sizes: [2, 16, 16, 2], activation: 'tanh', rng: rng(1) })`. */
export function mlp(options: MlpOptions): MLP {
  return new MLP(options);
}

/**
 * Embedding table `E: [count, dim]` looked up by index: `embed(j) = E[j]`; initialised `N(0, 1)`, no bias.
 * With `sparse` (the default) the table is marked for `markSparse`: its gradient comes only from lookups, and `sgd`
 * updates and zeroes only the rows a minibatch used. Pass `sparse: false` if E also gets gradient from elsewhere.
 */
export class Embedding extends Layer {
  weight: Tensor;
  constructor({ count, dim, sparse = true, rng = makeRng(0) }: { count: number; dim: number; sparse?: boolean; rng?: Rng }) {
    super();
    positiveInt('Embedding', 'count', count);
    positiveInt('Embedding', 'dim', dim);
    this.weight = new Tensor(
      Float64Array.from({ length: count * dim }, () => rng.normal()),
      [count, dim],
    ).requireGrad();
    if (sparse) markSparse(this.weight);
  }
  /** Rows of the table for the given indices: `[k, dim]`. */
  forward(indices: Indices): Tensor {
    return gather(this.weight, indices);
  }
  /** Windows of `n` looked-up rows, concatenated: `t·n` indices give `[t, n·dim]` (see `gatherWindow`). */
  window(indices: Indices, n: number): Tensor {
    return gatherWindow(this.weight, indices, n);
  }
  override namedParams(): [string, Tensor][] {
    return [['weight', this.weight]];
  }
}
