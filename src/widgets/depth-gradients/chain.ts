import { matmul, mul, param, relu, rng, sigmoid, sum, tanh, tensor, type Tensor } from '@beyond-linear/tensor';
import { CHAIN_ACTIVATIONS, WIDTH, type ChainActivation, type ChainResult, type DepthValues } from './model';

/** The seeded ingredients of a chain: input `x`, unit readout row `u` (`ℓ = h⁽ᴰ⁾·u`), and weights `W⁽ˡ⁾ ~ 𝒩(0, 1/16)` before scaling. */
export interface ChainDraw {
  x: number[];
  u: number[];
  weights: number[][];
}

/** Draw input, readout and `depth` weight matrices from `seed`, in that order, so layer l's weights never depend on the depth or scale. */
export function draw(seed: number, depth: number): ChainDraw {
  const r = rng(seed);
  const vec = (): number[] => Array.from({ length: WIDTH }, () => r.normal());
  const x = vec();
  const raw = vec();
  const len = Math.hypot(...raw) || 1;
  const u = raw.map((a) => a / len);
  const weights = Array.from({ length: depth }, () => Array.from({ length: WIDTH * WIDTH }, () => r.normal(0, 1 / Math.sqrt(WIDTH))));
  return { x, u, weights };
}

const ACT: Record<ChainActivation, (t: Tensor) => Tensor> = { sigmoid, tanh, relu };

/**
 * Run the chain `h⁽ˡ⁾ = g(s·h⁽ˡ⁻¹⁾W⁽ˡ⁾)` forward with the tensor package, take `ℓ = h⁽ᴰ⁾·u`, call
 * `backward()`, and read `‖∂ℓ/∂h⁽ˡ⁾‖` off every layer's output.
 */
export function gradientNorms(d: ChainDraw, scale: number, activation: ChainActivation): ChainResult {
  let h: Tensor = param(d.x, [1, WIDTH]);
  const outputs: Tensor[] = [];
  for (const w of d.weights) {
    h = ACT[activation](
      matmul(
        h,
        tensor(
          w.map((a) => a * scale),
          [WIDTH, WIDTH],
        ),
      ),
    );
    outputs.push(h);
  }
  sum(mul(h, tensor(d.u, [1, WIDTH]))).backward();
  const norms = outputs.map((o) => Math.hypot(...(o.grad ?? [])));
  return { activation, norms };
}

/** The gradient norms of every activation on the same seeded weights: sigmoid, tanh and ReLU side by side. */
export function allChains(v: DepthValues): ChainResult[] {
  const d = draw(v.seed, v.depth);
  return CHAIN_ACTIVATIONS.map((a) => gradientNorms(d, v.scale, a));
}
