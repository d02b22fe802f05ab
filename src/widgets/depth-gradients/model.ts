import type { Values } from '../_shared/state';
import { fmt, reading, type Readout } from '../_shared/format';
import { ACTIVATION_STYLE } from '../_shared/activations';

/** The activations a chain can use. */
export const CHAIN_ACTIVATIONS = ['sigmoid', 'tanh', 'relu'] as const;

/** One of the chain's activations. */
export type ChainActivation = (typeof CHAIN_ACTIVATIONS)[number];

/** Settings: depth `D` (setting `depth`), weight scale `s` (weights `~ 𝒩(0, s²/16)`), the activation, the seed, and whether to draw the other activations too. */
export const props = {
  depth: { kind: 'number', default: 10, min: 1, max: 30, step: 1 },
  scale: { kind: 'number', default: 1, min: 0.1, max: 3, step: 0.05 },
  activation: { kind: 'choice', default: 'sigmoid', options: CHAIN_ACTIVATIONS },
  seed: { kind: 'number', default: 1, min: 1, max: 99, step: 1 },
  compare: { kind: 'boolean', default: true },
} as const;

/** The current settings, one value per prop. */
export type DepthValues = Values<typeof props>;

/** Units per layer: every layer maps 16 numbers to 16 numbers. */
export const WIDTH = 16;

/** Smallest and largest gradient norms drawn; beyond them float64 has under- or overflowed: `[10⁻³⁰⁰, 10³⁰⁰]`. */
export const FLOOR = 1e-300;
/** Upper end of the drawable range, see `FLOOR`. */
export const CEILING = 1e300;

/** The gradient norm reaching each layer, `‖∂ℓ/∂h⁽ˡ⁾‖` for `l = 1 … D` (index `l − 1`). */
export interface ChainResult {
  activation: ChainActivation;
  norms: number[];
}

const SUPER: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/** A power of ten with a superscript exponent: `10^e` → `10⁻⁴⁰`, `1`, `10`. */
export function powerOfTen(e: number): string {
  if (e === 0) return '1';
  if (e === 1) return '10';
  return `10${[...String(e)].map((c) => SUPER[c] ?? c).join('')}`;
}

/** A positive magnitude for a readout: plain for `10⁻³ ≤ x < 10⁴`, else `m × 10ᵉ`; words for 0 and non-finite values. */
export function sci(x: number): string {
  if (!Number.isFinite(x)) return fmt(x);
  if (x === 0) return '0 (exactly)';
  const a = Math.abs(x);
  if (a >= 1e-3 && a < 1e4) return fmt(x, a >= 100 ? 0 : a >= 1 ? 2 : 2 - Math.floor(Math.log10(a)));
  const e = Math.floor(Math.log10(a));
  const m = x / 10 ** e;
  return `${fmt(m, 1)} × ${powerOfTen(e)}`;
}

/** The average factor each layer multiplies the gradient by on its way down: `(‖γ₁‖ / ‖γ_D‖)^(1/(D−1))`, with `γ_l = ∂ℓ/∂h⁽ˡ⁾`, 1 for one layer. */
export function perLayerFactor(norms: readonly number[]): number {
  const first = norms[0] ?? 1;
  const last = norms[norms.length - 1] ?? 1;
  if (norms.length < 2 || first <= 0 || last <= 0) return norms.length < 2 ? 1 : 0;
  return Math.exp(Math.log(first / last) / (norms.length - 1));
}

/** Gradient at layer 1 over gradient at layer D: `‖γ₁‖ / ‖γ_D‖`. */
export function ratio(norms: readonly number[]): number {
  const last = norms[norms.length - 1] ?? 1;
  return last > 0 ? (norms[0] ?? 0) / last : 0;
}

const WHY: Record<ChainActivation, string> = {
  sigmoid: 'the slope of σ is never above 0.25',
  tanh: 'the slope of tanh is at most 1 and falls towards 0 where units saturate',
  relu: 'ReLU passes the gradient unchanged through the active units (slope 1) and blocks the rest (slope 0)',
};

/** A sentence saying whether the gradient vanishes, explodes or survives at these settings, and why. */
export function verdict(v: DepthValues, r: ChainResult): string {
  const name = ACTIVATION_STYLE[r.activation].label;
  if (r.norms.length < 2) return 'With one layer there is nothing to vanish or explode: layer 1 receives exactly the gradient the loss hands it. Add layers.';
  const q = perLayerFactor(r.norms);
  const whole = `layer 1 receives ${sci(ratio(r.norms))} times the gradient that layer ${r.norms.length} receives`;
  if (q < 0.8)
    return `Vanishing: with ${name} each layer passes back about ${fmt(q, 2)} of the gradient it receives (${WHY[r.activation]}, times weights of scale ${fmt(v.scale)}), so ${whole}. Its weights barely learn.`;
  if (q > 1.25)
    return `Exploding: with ${name} each layer multiplies the gradient by about ${fmt(q, 2)} (weights of scale ${fmt(v.scale)} outweigh the slopes), so ${whole}. Steps on its weights would be huge.`;
  return `Roughly preserved: with ${name} each layer multiplies the gradient by about ${fmt(q, 2)}, so ${whole}. For ReLU this happens near the He scale √2 ≈ 1.41: about half the units are active, each with slope 1.`;
}

/** A note when a norm left the float64 range or became exactly zero, else `''`. */
export function rangeNote(results: readonly ChainResult[]): string {
  const all = results.flatMap((r) => r.norms);
  if (all.some((n) => !Number.isFinite(n) || n > CEILING))
    return `Some gradients overflowed (larger than ${powerOfTen(300)}); they are drawn at the top of the chart.`;
  if (all.some((n) => n < FLOOR))
    return `Some gradients underflowed to zero (below ${powerOfTen(-300)}, or a layer with every unit switched off); they are drawn at the bottom of the chart.`;
  return '';
}

/** A sentence describing the chart for readers who cannot see it. */
export function describe(v: DepthValues, results: readonly ChainResult[]): string {
  const main = results.find((r) => r.activation === v.activation) ?? results[0];
  if (!main) return '';
  const others = v.compare
    ? ` Thinner lines, same weights: ${results
        .filter((r) => r !== main)
        .map((r) => `${ACTIVATION_STYLE[r.activation].label} ${sci(ratio(r.norms))}`)
        .join(', ')} at layer 1.`
    : '';
  return `Log-scale chart of the gradient norm reaching each of ${v.depth} layers of width ${WIDTH}, from layer ${v.depth} (where the loss hands in a gradient of length 1) down to layer 1. ${verdict(v, main)}${others}`;
}

/** Every readout's text by its `data-out` name, for the chosen activation and each activation's ratio. */
export function readoutTexts(v: DepthValues, results: readonly ChainResult[]): Record<string, Readout> {
  const main = results.find((r) => r.activation === v.activation) ?? results[0];
  const norms = main?.norms ?? [];
  const sciReading = (x: number): Readout => reading(x, sci(x));
  const out: Record<string, Readout> = {
    first: sciReading(norms[0] ?? 0),
    last: sciReading(norms[norms.length - 1] ?? 0),
    ratio: sciReading(ratio(norms)),
    factor: reading(perLayerFactor(norms), fmt(perLayerFactor(norms), 3)),
    verdict: main ? verdict(v, main) : '',
  };
  for (const r of results) out[`ratio-${r.activation}`] = sciReading(ratio(r.norms));
  return out;
}
