import type { Tensor } from './tensor.ts';

/** Global autograd switch; ops record the graph only while `enabled` is true. */
export const gradState = { enabled: true };

/** Runs `fn` without recording a graph (inference, optimizer updates): `enabled ← false` during `fn`. */
export function noGrad<T>(fn: () => T): T {
  const prev = gradState.enabled;
  gradState.enabled = false;
  try {
    return fn();
  } finally {
    gradState.enabled = prev;
  }
}

/** Returns `t.grad`, allocating a zero buffer first if needed: `∂ℓ/∂t`. */
export function gradOf(t: Tensor): Float64Array {
  return (t.grad ??= new Float64Array(t.data.length));
}

/** Nodes of the graph below `root`, parents before children (iterative depth-first search). */
export function topoSort(root: Tensor): Tensor[] {
  const order: Tensor[] = [];
  const seen = new Set<Tensor>([root]);
  const stack: [Tensor, number][] = [[root, 0]];
  for (let top = stack.at(-1); top; top = stack.at(-1)) {
    const [node, i] = top;
    const p = node.parents[i];
    if (p === undefined) {
      stack.pop();
      order.push(node);
    } else {
      top[1] = i + 1;
      if (p.requiresGrad && !seen.has(p)) {
        seen.add(p);
        stack.push([p, 0]);
      }
    }
  }
  return order;
}

/**
 * Reverse-mode differentiation from a scalar: seeds `∂ℓ/∂ℓ = 1` and applies each op's backward closure
 * in reverse topological order; leaf gradients accumulate, intermediate ones are recomputed.
 */
export function backward(root: Tensor): void {
  if (root.data.length !== 1) {
    throw new Error(`backward: expected a scalar loss, got shape [${root.shape}]`);
  }
  if (!root.requiresGrad) {
    throw new Error('backward: nothing to differentiate — no input requires grad (see param(), requireGrad(); step has no gradient)');
  }
  const order = topoSort(root);
  for (const t of order) if (t.backwardFn !== null && t.grad !== null) t.grad.fill(0);
  gradOf(root)[0] = 1;
  for (const t of order.reverse()) t.backwardFn?.();
}
