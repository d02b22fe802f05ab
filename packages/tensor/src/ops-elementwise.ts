import { gradOf } from './autograd.ts';
import { type Tensor, fmt, result, scalar, sizeOf } from './tensor.ts';

/** A tensor or a plain number (promoted to a scalar tensor). */
export type TensorLike = Tensor | number;

const asTensor = (x: TensorLike): Tensor => (typeof x === 'number' ? scalar(x) : x);

interface Plan {
  shape: number[];
  ia: Int32Array;
  ib: Int32Array;
}
const plans = new Map<string, Plan>();

/** Index maps from each output element back to the elements of `a` and `b` under numpy broadcasting (cached per shape pair). */
export function broadcast(op: string, sym: string, sa: number[], sb: number[]): Plan {
  const key = `${sa}|${sb}`;
  const hit = plans.get(key);
  if (hit) return hit;
  const r = Math.max(sa.length, sb.length);
  const pa = [...Array<number>(r - sa.length).fill(1), ...sa];
  const pb = [...Array<number>(r - sb.length).fill(1), ...sb];
  const shape = pa.map((x, d) => {
    const y = pb[d]!;
    if (x !== y && x !== 1 && y !== 1) {
      throw new Error(`${op}: ${fmt(sa)} ${sym} ${fmt(sb)} — dimensions ${x} and ${y} do not broadcast`);
    }
    return Math.max(x, y);
  });
  const n = sizeOf(shape);
  const ia = new Int32Array(n);
  const ib = new Int32Array(n);
  const idx = new Array<number>(r).fill(0);
  for (let i = 0; i < n; i++) {
    let oa = 0;
    let ob = 0;
    for (let d = 0; d < r; d++) {
      oa = oa * pa[d]! + (pa[d] === 1 ? 0 : idx[d]!);
      ob = ob * pb[d]! + (pb[d] === 1 ? 0 : idx[d]!);
    }
    ia[i] = oa;
    ib[i] = ob;
    for (let d = r - 1; d >= 0 && ++idx[d]! === shape[d]; d--) idx[d] = 0;
  }
  if (plans.size > 256) plans.clear();
  const plan = { shape, ia, ib };
  plans.set(key, plan);
  return plan;
}

type F2 = (x: number, y: number, o: number) => number;

function binary(op: string, sym: string, x: TensorLike, y: TensorLike, f: F2, dx: F2, dy: F2): Tensor {
  const a = asTensor(x);
  const b = asTensor(y);
  const { shape, ia, ib } = broadcast(op, sym, a.shape, b.shape);
  const ad = a.data;
  const bd = b.data;
  const out = new Float64Array(ia.length);
  for (let i = 0; i < out.length; i++) out[i] = f(ad[ia[i]!]!, bd[ib[i]!]!, 0);
  return result(op, out, shape.slice(), [a, b], (g) => {
    if (a.requiresGrad) {
      const ga = gradOf(a);
      for (let i = 0; i < g.length; i++) ga[ia[i]!]! += g[i]! * dx(ad[ia[i]!]!, bd[ib[i]!]!, out[i]!);
    }
    if (b.requiresGrad) {
      const gb = gradOf(b);
      for (let i = 0; i < g.length; i++) gb[ib[i]!]! += g[i]! * dy(ad[ia[i]!]!, bd[ib[i]!]!, out[i]!);
    }
  });
}

const one = (): number => 1;

/** Elementwise sum with broadcasting over rows and columns: `a + b`, `∂/∂a = 1`, `∂/∂b = 1`. */
export const add = (a: TensorLike, b: TensorLike): Tensor => binary('add', '+', a, b, (x, y) => x + y, one, one);

/** Elementwise difference with broadcasting: `a − b`, `∂/∂a = 1`, `∂/∂b = −1`. */
export const sub = (a: TensorLike, b: TensorLike): Tensor =>
  binary(
    'sub',
    '-',
    a,
    b,
    (x, y) => x - y,
    one,
    () => -1,
  );

/** Elementwise product with broadcasting: `a·b`, `∂/∂a = b`, `∂/∂b = a`. */
export const mul = (a: TensorLike, b: TensorLike): Tensor =>
  binary(
    'mul',
    '*',
    a,
    b,
    (x, y) => x * y,
    (_, y) => y,
    (x) => x,
  );

/** Elementwise quotient with broadcasting: `a / b`, `∂/∂a = 1/b`, `∂/∂b = −a/b²`. */
export const div = (a: TensorLike, b: TensorLike): Tensor =>
  binary(
    'div',
    '/',
    a,
    b,
    (x, y) => x / y,
    (_, y) => 1 / y,
    (x, y) => -x / (y * y),
  );

/** Applies `f` elementwise with derivative `df(x, y)` where `y = f(x)`: `∂ℓ/∂x = ∂ℓ/∂y · f′(x)`. */
export function unary(op: string, a: Tensor, f: (x: number) => number, df: (x: number, y: number) => number): Tensor {
  const ad = a.data;
  const out = new Float64Array(ad.length);
  for (let i = 0; i < ad.length; i++) out[i] = f(ad[i]!);
  return result(op, out, a.shape.slice(), [a], (g) => {
    if (!a.requiresGrad) return;
    const ga = gradOf(a);
    for (let i = 0; i < g.length; i++) ga[i]! += g[i]! * df(ad[i]!, out[i]!);
  });
}

/** Negation: `−a`, `∂/∂a = −1`. */
export const neg = (a: Tensor): Tensor =>
  unary(
    'neg',
    a,
    (x) => -x,
    () => -1,
  );

/** Natural exponential: `eᵃ`, `∂/∂a = eᵃ`. */
export const exp = (a: Tensor): Tensor => unary('exp', a, Math.exp, (_, y) => y);

/** Natural logarithm: `ln a`, `∂/∂a = 1/a`. */
export const log = (a: Tensor): Tensor => unary('log', a, Math.log, (x) => 1 / x);

/** Power with a constant exponent: `aᵖ`, `∂/∂a = p·aᵖ⁻¹`. */
export const pow = (a: Tensor, p: number): Tensor =>
  unary(
    'pow',
    a,
    (x) => x ** p,
    (x) => p * x ** (p - 1),
  );

/** Square root: `√a`, `∂/∂a = 1/(2√a)`. */
export const sqrt = (a: Tensor): Tensor => unary('sqrt', a, Math.sqrt, (_, y) => 0.5 / y);

/** Absolute value: `|a|`, `∂/∂a = sign(a)`. */
export const abs = (a: Tensor): Tensor => unary('abs', a, Math.abs, Math.sign);
