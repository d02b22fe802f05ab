import { gradOf } from './autograd.ts';
import { addChain, gatherAt, map, scatterAddProduct, stridedIndex, stridesOf, zip } from './kernels.ts';
import { type Tensor, fmt, recordOp, scalar } from './tensor.ts';

/** A tensor or a plain number (promoted to a scalar tensor). */
export type TensorLike = Tensor | number;

/** A primitive of two numbers: its value and its partial derivative with respect to each input. */
export interface BinaryPrimitive {
  forward: (a: number, b: number) => number;
  dA: (a: number, b: number) => number;
  dB: (a: number, b: number) => number;
}

/** A primitive of one number: its value `y = f(x)` and its derivative, which may use `y` (e.g. `(eˣ)′ = y`). */
export interface UnaryPrimitive {
  forward: (x: number) => number;
  dX: (x: number, y: number) => number;
}

/** Index maps from each output element back to the elements of `a` and `b` under numpy broadcasting. */
export function broadcast(op: string, sym: string, sa: number[], sb: number[]): { shape: number[]; ia: Int32Array; ib: Int32Array } {
  const r = Math.max(sa.length, sb.length);
  const pa = [...Array<number>(r - sa.length).fill(1), ...sa];
  const pb = [...Array<number>(r - sb.length).fill(1), ...sb];
  const shape = pa.map((x, d) => {
    const y = pb[d] ?? 1;
    if (x !== y && x !== 1 && y !== 1) throw new Error(`${op}: ${fmt(sa)} ${sym} ${fmt(sb)} — dimensions ${x} and ${y} do not broadcast`);
    return Math.max(x, y);
  });
  // a's and b's strides in the output's index space: 0 along the axes they are broadcast over
  const inOutput = (p: number[]): number[] => stridesOf(p).map((st, d) => (p[d] === 1 ? 0 : st));
  return { shape, ia: stridedIndex(shape, inOutput(pa)), ib: stridedIndex(shape, inOutput(pb)) };
}

const asTensor = (x: TensorLike): Tensor => (typeof x === 'number' ? scalar(x) : x);

/**
 * Turns a binary primitive into a broadcasting op: `out = f(a, b)`, `∂ℓ/∂a = Σ g·∂f/∂a`, `∂ℓ/∂b = Σ g·∂f/∂b`, the sums
 * running over the axes that were broadcast.
 */
/* @__NO_SIDE_EFFECTS__ */ // so bundlers drop the ops a widget does not import
export function binaryOp(name: string, sym: string, f: BinaryPrimitive): (a: TensorLike, b: TensorLike) => Tensor {
  return (x, y) => {
    const a = asTensor(x);
    const b = asTensor(y);
    const { shape, ia, ib } = broadcast(name, sym, a.shape, b.shape);
    const av = gatherAt(a.data, ia);
    const bv = gatherAt(b.data, ib);
    return recordOp(name, zip(av, bv, f.forward), shape, [a, b], (g) => {
      if (a.requiresGrad) scatterAddProduct(gradOf(a), ia, g, zip(av, bv, f.dA));
      if (b.requiresGrad) scatterAddProduct(gradOf(b), ib, g, zip(av, bv, f.dB));
    });
  };
}

/** An elementwise op, carrying the primitive it was made from. */
export type UnaryOp = ((a: Tensor) => Tensor) & { primitive: UnaryPrimitive };

/** Turns a unary primitive into an elementwise op: `y = f(x)`, `∂ℓ/∂x = g·f′(x)`. */
/* @__NO_SIDE_EFFECTS__ */ // so bundlers drop the ops a widget does not import
export function unaryOp(name: string, f: UnaryPrimitive): UnaryOp {
  const op = (a: Tensor): Tensor => {
    const y = map(a.data, f.forward);
    return recordOp(name, y, a.shape.slice(), [a], (g) => {
      if (a.requiresGrad) addChain(gradOf(a), g, a.data, y, f.dX);
    });
  };
  return Object.assign(op, { primitive: f });
}

/** Elementwise sum with broadcasting over rows and columns: `a + b`, `∂/∂a = 1`, `∂/∂b = 1`. */
export const add = binaryOp('add', '+', { forward: (a, b) => a + b, dA: () => 1, dB: () => 1 });

/** Elementwise difference with broadcasting: `a − b`, `∂/∂a = 1`, `∂/∂b = −1`. */
export const sub = binaryOp('sub', '-', { forward: (a, b) => a - b, dA: () => 1, dB: () => -1 });

/** Elementwise product with broadcasting: `a·b`, `∂/∂a = b`, `∂/∂b = a`. */
export const mul = binaryOp('mul', '*', { forward: (a, b) => a * b, dA: (_a, b) => b, dB: (a) => a });

/** Elementwise quotient with broadcasting: `a / b`, `∂/∂a = 1/b`, `∂/∂b = −a/b²`. */
export const div = binaryOp('div', '/', { forward: (a, b) => a / b, dA: (_a, b) => 1 / b, dB: (a, b) => -a / (b * b) });

/** Negation: `−x`, `∂/∂x = −1`. */
export const neg = unaryOp('neg', { forward: (x) => -x, dX: () => -1 });

/** Natural exponential: `eˣ`, `∂/∂x = eˣ = y`. */
export const exp = unaryOp('exp', { forward: Math.exp, dX: (_x, y) => y });

/** Natural logarithm: `ln x`, `∂/∂x = 1/x`. */
export const log = unaryOp('log', { forward: Math.log, dX: (x) => 1 / x });

/** Power with a constant exponent: `xᵖ`, `∂/∂x = p·xᵖ⁻¹`. */
export const pow = (a: Tensor, p: number): Tensor => unaryOp('pow', { forward: (x) => x ** p, dX: (x) => p * x ** (p - 1) })(a);
