import { leastSquares, tensor } from '@beyond-linear/tensor';
import { snap } from '../_shared/state';
import { XOR_POINTS } from '../_shared/xor';
import { props, type XorFitValues } from './model';

/** The least-squares fit to XOR, solved in closed form by the tensor package: `w = (0, 0)`, `b = ½`. */
export function bestFit(): XorFitValues {
  const X = tensor(XOR_POINTS.map((p) => [p.x, p.y]));
  const y = tensor(XOR_POINTS.map((p) => p.target));
  const fit = leastSquares(X, y, { bias: true });
  return { w1: snap(props.w1, fit.weights[0] ?? 0), w2: snap(props.w2, fit.weights[1] ?? 0), b: snap(props.b, fit.bias) };
}
