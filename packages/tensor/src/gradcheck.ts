import { at } from './kernels.ts';
import { noGrad } from './autograd.ts';
import { Tensor } from './tensor.ts';

/** Anything whose finiteness can be checked: a number, a tensor, a list, or a module with `params()`. */
export type Checkable = number | Tensor | readonly Checkable[] | { params(): Tensor[] };

/** Whether every value (and every existing gradient) is finite: `∀x: |x| < ∞ ∧ x = x`. */
export function isFiniteAll(...items: Checkable[]): boolean {
  return items.every((it) =>
    typeof it === 'number'
      ? Number.isFinite(it)
      : it instanceof Tensor
        ? it.data.every(Number.isFinite) && (it.grad?.every(Number.isFinite) ?? true)
        : isFiniteAll(...(Array.isArray(it) ? (it as Checkable[]) : (it as { params(): Tensor[] }).params())),
  );
}

/**
 * Explains divergence for a widget: null while the loss and parameters are finite, otherwise a sentence to show
 * instead of drawing NaN: `¬isFiniteAll(loss, params) ⇒ message`.
 */
export function divergence(loss: number | Tensor, params: Checkable = []): string | null {
  const l = typeof loss === 'number' ? loss : at(loss.data, 0);
  const what = !Number.isFinite(l) ? `the loss became ${l}` : isFiniteAll(params) ? null : 'a weight or gradient became non-finite';
  return what && `Training diverged: ${what}. Try a smaller learning rate.`;
}

/** Outcome of a gradient check. */
export interface GradCheck {
  /** Whether every component passed: `|a − n| ≤ tol·max(1, |a|, |n|)`. */
  ok: boolean;
  /** Largest `|a − n| / max(1, |a|, |n|)` over all components. */
  maxError: number;
  /** Autograd gradients, one per input. */
  analytic: Float64Array[];
  /** Central-difference gradients, one per input. */
  numeric: Float64Array[];
}

/**
 * Compares autograd against central differences `∂f/∂xᵢ ≈ (f(x + εeᵢ) − f(x − εeᵢ)) / 2ε` for a scalar function of
 * the given inputs (their `requiresGrad` is set and their gradients are reset).
 */
export function gradcheck(f: (...inputs: Tensor[]) => Tensor, inputs: Tensor[], { eps = 1e-6, tol = 1e-4 }: { eps?: number; tol?: number } = {}): GradCheck {
  for (const x of inputs) {
    x.requiresGrad = true;
    x.grad = null;
  }
  f(...inputs).backward();
  const analytic = inputs.map((x) => x.grad?.slice() ?? new Float64Array(x.size));
  const value = (): number => noGrad(() => at(f(...inputs).data, 0));
  const numeric = inputs.map((x) =>
    x.data.map((v, i) => {
      x.data[i] = v + eps;
      const hi = value();
      x.data[i] = v - eps;
      const lo = value();
      x.data[i] = v;
      return (hi - lo) / (2 * eps);
    }),
  );
  let maxError = 0;
  analytic.forEach((a, k) =>
    a.forEach((v, i) => {
      const nv = at(numeric[k]!, i);
      maxError = Math.max(maxError, Math.abs(v - nv) / Math.max(1, Math.abs(v), Math.abs(nv)));
    }),
  );
  return { ok: maxError <= tol, maxError, analytic, numeric };
}
