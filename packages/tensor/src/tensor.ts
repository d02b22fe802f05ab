import { at } from './kernels.ts';
import { backward as backprop, gradState } from './autograd.ts';

/** A nested array of numbers as returned by `toArray()` (a plain number for rank 0). */
export type Nested = number | Nested[];

/** Formats a shape the way error messages show it: `[4,3]`. */
export const fmt = (shape: readonly number[]): string => `[${shape}]`;

/** Number of elements of a shape: `∏ shapeᵢ`. */
export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** A dense row-major Float64Array buffer with a shape, a gradient, and the closure that back-propagates into its parents. */
export class Tensor {
  /** Row-major element buffer. */
  data: Float64Array;
  /** Dimensions, outermost first; `[]` for a scalar. */
  shape: number[];
  /** Accumulated gradient `∂ℓ/∂t` (same layout as `data`), or null before the first backward pass. */
  grad: Float64Array | null = null;
  /** Whether backward() should compute `∂ℓ/∂t`. */
  requiresGrad = false;
  /** Inputs of the op that produced this tensor (empty for leaves). */
  parents: Tensor[] = [];
  /** Adds this tensor's gradient, pulled back through its op, into the parents' gradients. */
  backwardFn: (() => void) | null = null;
  /** Name of the producing op, `leaf` for inputs and parameters. */
  op = 'leaf';

  /** Wraps an existing buffer without copying; `data.length` must equal `∏ shape`. */
  constructor(data: Float64Array, shape: number[]) {
    if (data.length !== sizeOf(shape)) {
      throw new Error(`tensor: data has ${data.length} values but shape ${fmt(shape)} needs ${sizeOf(shape)}`);
    }
    this.data = data;
    this.shape = shape;
  }

  /** Number of elements: `∏ shape`. */
  get size(): number {
    return this.data.length;
  }

  /** The single value of a one-element tensor: `data[0]`. */
  item(): number {
    if (this.size !== 1) throw new Error(`item: expected one element, got shape ${fmt(this.shape)}`);
    return at(this.data, 0);
  }

  /** Copies the data into nested arrays following the shape (a number for rank 0). */
  toArray(): Nested {
    const build = (d: number, off: number): Nested => {
      if (d === this.shape.length) return at(this.data, off);
      const n = this.shape[d]!;
      const stride = sizeOf(this.shape.slice(d + 1));
      return Array.from({ length: n }, (_, i) => build(d + 1, off + i * stride));
    };
    return build(0, 0);
  }

  /** Back-propagates from this scalar: accumulates `∂this/∂x` into `x.grad` for every x that requires grad. */
  backward(): void {
    backprop(this);
  }

  /** Marks this tensor as a trainable leaf (or not) and returns it: `requiresGrad ← flag`. */
  requireGrad(flag = true): this {
    this.requiresGrad = flag;
    return this;
  }

  /** Resets the gradient to zero: `grad ← 0`. */
  zeroGrad(): void {
    this.grad?.fill(0);
  }

  /** A new leaf sharing this data but cut from the graph: `detach(x) = x`, `∂/∂x = 0`. */
  detach(): Tensor {
    return new Tensor(this.data, this.shape.slice());
  }
}

/** Whether any of the tensors requires grad. */
function needsGrad(ts: Tensor[]): boolean {
  for (const t of ts) if (t.requiresGrad) return true;
  return false;
}

/**
 * Records one op on the tape: wraps `data` as the op's output and, while recording (not under `noGrad`) and when an
 * input requires grad, remembers the inputs and `backward(∂ℓ/∂out)`, which `backward()` replays in reverse order.
 */
export function recordOp(op: string, data: Float64Array, shape: number[], parents: Tensor[], backward: (g: Float64Array) => void): Tensor {
  const out = new Tensor(data, shape);
  out.op = op;
  if (gradState.enabled && needsGrad(parents)) {
    out.requiresGrad = true;
    out.parents = parents;
    out.backwardFn = () => {
      if (out.grad !== null) backward(out.grad);
    };
  }
  return out;
}

function inferShape(data: Nested, shape: number[]): void {
  if (Array.isArray(data)) {
    shape.push(data.length);
    if (data.length > 0) inferShape(data[0]!, shape);
  }
}

function flatten(data: Nested, shape: number[], d: number, out: number[]): void {
  const isArr = Array.isArray(data);
  if (isArr ? data.length !== shape[d] : d !== shape.length) throw new Error(`tensor: ragged nested array at depth ${d}`);
  if (isArr) for (const x of data) flatten(x, shape, d + 1, out);
  else out.push(data);
}

/** Creates a tensor from a number, nested arrays or a Float64Array (copied); `shape` defaults to the nesting. */
export function tensor(data: Nested | Float64Array | readonly number[], shape?: number[]): Tensor {
  if (data instanceof Float64Array) return new Tensor(data.slice(), shape ?? [data.length]);
  const inferred: number[] = [];
  inferShape(data as Nested, inferred);
  const flat: number[] = [];
  flatten(data as Nested, inferred, 0, flat);
  return new Tensor(Float64Array.from(flat), shape ?? inferred);
}

/** A trainable leaf tensor: `tensor(data, shape)` with `requiresGrad = true`. */
export function param(data: Nested | Float64Array | readonly number[], shape?: number[]): Tensor {
  return tensor(data, shape).requireGrad();
}

/** Rows `idx` of a `[n, d]` tensor, copied into a new `[k, d]` tensor (no gradient): minibatches, splits, seeds. */
export function takeRows(x: Tensor, idx: readonly number[] | Int32Array): Tensor {
  const d = sizeOf(x.shape.slice(1));
  const out = new Float64Array(idx.length * d);
  let k = 0;
  for (const row of idx) out.set(x.data.subarray(row * d, row * d + d), d * k++);
  return new Tensor(out, [idx.length, ...x.shape.slice(1)]);
}

/** A tensor of zeros: `0`. */
export function zeros(shape: number[]): Tensor {
  return new Tensor(new Float64Array(sizeOf(shape)), shape.slice());
}

/** A tensor of scalar `v` with shape `[]`. */
export function scalar(value: number): Tensor {
  return new Tensor(Float64Array.of(value), []);
}
