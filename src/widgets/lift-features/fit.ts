import { leastSquares, tensor } from '@beyond-linear/tensor';
import { snap } from '../_shared/state';
import { XOR_POINTS } from '../_shared/xor';
import { props, type LiftValues } from './model';

/** Least squares on the lifted features `(x₁, x₂, x₁x₂)`: exactly `ŷ = x₁ + x₂ − 2x₁x₂`, zero error. */
export function bestLiftedFit(): LiftValues {
  const X = tensor(XOR_POINTS.map((p) => [p.x, p.y, p.x * p.y]));
  const y = tensor(XOR_POINTS.map((p) => p.target));
  const fit = leastSquares(X, y, { bias: true });
  const w = fit.weights;
  return { w1: snap(props.w1, w[0] ?? 0), w2: snap(props.w2, w[1] ?? 0), w3: snap(props.w3, w[2] ?? 0), b: snap(props.b, fit.bias) };
}
