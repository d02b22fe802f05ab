import { Tensor, gradcheck, linear, relu, rng, softmaxCrossEntropy, tensor } from '@beyond-linear/tensor';
import { backprop, type Grads, type Params } from '../../listings/backprop';
import { backpropA, backpropB, backpropC } from './variants';
import { PARAMS, SIZES, TOLERANCE, type ParamName, type VariantId } from './model';

/**
 * Run one version of the backward pass on a seeded minibatch and compare each of its four weight
 * gradients with central differences of the mean loss. Loaded when the reader first uses the widget.
 */

const RUN: Readonly<Record<VariantId, (X: Tensor, T: Tensor, p: Params) => Grads>> = { a: backpropA, b: backpropB, c: backpropC, listing: backprop };

/** One gradient's verdict: its largest relative error against central differences. */
export interface ParamCheck {
  name: ParamName;
  error: number;
  ok: boolean;
}

/** The seeded minibatch and weights every version is checked on. */
function problem(seed = 5): { X: Tensor; labels: number[]; T: Tensor; p: Params } {
  const r = rng(seed);
  const { d, v, m, t } = SIZES;
  const draw = (shape: number[]): Tensor =>
    new Tensor(
      Float64Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => r.normal()),
      shape,
    );
  const X = draw([t, d]);
  const labels = Array.from({ length: t }, (_, i) => i % m);
  const T = tensor(labels.map((y) => Array.from({ length: m }, (_, j) => (j === y ? 1 : 0))));
  return { X, labels, T, p: { H: draw([d, v]), bH: draw([v]), U: draw([v, m]), bU: draw([m]) } };
}

/** The relative error of each gradient of version `id`, largest over its entries. */
export function checkVariant(id: VariantId): ParamCheck[] {
  const { X, labels, T, p } = problem();
  const grads = RUN[id](X, T, p);
  const loss = (H: Tensor, bH: Tensor, U: Tensor, bU: Tensor): Tensor => softmaxCrossEntropy(linear(relu(linear(X, H, bH)), U, bU), labels);
  const numeric = gradcheck(loss, [p.H, p.bH, p.U, p.bU], { eps: 1e-6 }).numeric;
  return PARAMS.map((name, i) => {
    const a = grads[name].data;
    const n = numeric[i] ?? new Float64Array();
    let error = 0;
    for (let j = 0; j < n.length; j++) error = Math.max(error, Math.abs((a[j] ?? NaN) - (n[j] ?? NaN)) / Math.max(1, Math.abs(a[j] ?? 0), Math.abs(n[j] ?? 0)));
    if (a.length !== n.length || !Number.isFinite(error)) error = 1;
    return { name, error, ok: error <= TOLERANCE };
  });
}
