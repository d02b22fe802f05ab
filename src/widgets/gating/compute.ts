import { linear, mul, noGrad, swish, tensor } from '@beyond-linear/tensor';
import type { Box } from '../_shared/geometry';
import { XOR_POINTS } from '../_shared/xor';
import type { GatingValues } from './model';

/** The unit's output at many points at once, with the tensor package: `ŷ = Swish_β(Xwᵀ + b) ⊙ (Xw′ᵀ + b′)`, one row of `X` per point. */
export function gatedOutputs(v: GatingValues, points: ReadonlyArray<readonly [number, number]>): Float64Array {
  return noGrad(() => {
    const X = tensor(
      points.flatMap((p) => [p[0], p[1]]),
      [points.length, 2],
    );
    const gate = swish(linear(X, tensor([v.w1, v.w2], [2, 1]), tensor([v.b], [1])), v.beta);
    const value = linear(X, tensor([v.wp1, v.wp2], [2, 1]), tensor([v.bp], [1]));
    return mul(gate, value).data;
  });
}

/** The outputs at the four XOR corners, in `XOR_POINTS` order (00, 01, 10, 11). */
export function cornerOutputs(v: GatingValues): Float64Array {
  return gatedOutputs(
    v,
    XOR_POINTS.map((p) => [p.x, p.y] as const),
  );
}

/**
 * The output on a lattice, computed in one batch and returned as a lookup `f(x, y)`: vertices
 * `(x₀ + i·dx, y₀ + j·dy)` for `0 ≤ i, j ≤ n`, or the `n × n` cell centres when `centres` is set.
 */
export function lattice(v: GatingValues, box: Box, n: number, centres = false): (x: number, y: number) => number {
  const dx = (box.x[1] - box.x[0]) / n;
  const dy = (box.y[1] - box.y[0]) / n;
  const off = centres ? 0.5 : 0;
  const m = centres ? n : n + 1;
  const pts: Array<[number, number]> = [];
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) pts.push([box.x[0] + (i + off) * dx, box.y[0] + (j + off) * dy]);
  const values = gatedOutputs(v, pts);
  return (x, y) => {
    const i = Math.round((x - box.x[0]) / dx - off);
    const j = Math.round((y - box.y[0]) / dy - off);
    return values[i * m + j] ?? 0;
  };
}
