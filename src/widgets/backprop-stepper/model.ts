import type { Values } from '../_shared/state';

/**
 * The backprop stepper's settings and the script of its steps: the lecture notes' network
 * `k = XH + b_H`, `h = g(k) = ReLU(k)`, `z = hU + b_U`, `o = softmax(z)`, `𝓛 = −(1/t) Σ log o_y`,
 * then its gradients one equation at a time, written as chapter 3 writes them: `∂ℓ/∂·` for an activation's
 * per-item rows, `∂𝓛/∂·` for a parameter's gradient of the mean loss. Pure module: no DOM, no tensor package.
 */

/** Features `d`, hidden units `v` (the notes use 50; 4 fits on screen) and classes `m`. */
export const D = 3;
export const V = 4;
export const M = 2;

/** Settings: minibatch size `t`, the seed of the random data and weights, and the step shown (1 … 12). */
export const props = {
  t: { kind: 'number', default: 3, min: 1, max: 8, step: 1 },
  seed: { kind: 'number', default: 1, min: 1, max: 50, step: 1 },
  step: { kind: 'number', default: 1, min: 1, max: 12, step: 1 },
} as const;

export type StepperValues = Values<typeof props>;

/** Every matrix a step can show. `X` is the minibatch's inputs, `T` the one-hot target, `y` the labels, `mask` is `g′(k) = [k ≥ 0]`. */
export type MatrixKey = 'X' | 'y' | 'H' | 'bH' | 'k' | 'h' | 'U' | 'bU' | 'z' | 'o' | 'T' | 'loss' | 'dz' | 'dU' | 'dbU' | 'dh' | 'mask' | 'dk' | 'dH' | 'dbH';

/** The grid titles (an `_X` is drawn as a subscript). */
export const LABELS: Readonly<Record<MatrixKey, string>> = {
  X: 'X',
  y: 'y',
  H: 'H',
  bH: 'b_H',
  k: 'k',
  h: 'h',
  U: 'U',
  bU: 'b_U',
  z: 'z',
  o: 'o',
  T: 'T',
  loss: '𝓛',
  dz: '∂ℓ/∂z',
  dU: '∂𝓛/∂U',
  dbU: '∂𝓛/∂b_U',
  dh: '∂ℓ/∂h',
  mask: '[k ≥ 0]',
  dk: '∂ℓ/∂k',
  dH: '∂𝓛/∂H',
  dbH: '∂𝓛/∂b_H',
};

/** One equation of the walk-through: what it computes from what. */
export interface Step {
  phase: 'forward' | 'backward';
  /** The equation in plain Unicode (readouts and description). */
  plain: string;
  /** The same equation in TeX, rendered by KaTeX at build time. */
  tex: string;
  inputs: readonly MatrixKey[];
  result: MatrixKey;
  /** Per-item gradient (the notes' convention, no 1/t): autograd and finite differences of the mean loss are multiplied by t. */
  perItem?: boolean;
}

/** A per-item activation gradient, `∂ℓ/∂s` with a bold row symbol. */
const P = (s: string): string => `\\partial\\ell/\\partial\\mathbf{${s}}`;
/** A parameter's gradient of the mean loss, `∂𝓛/∂s`. */
const PL = (s: string): string => `\\partial\\mathcal{L}/\\partial ${s}`;

/** The twelve steps: five of the forward pass, seven of the backward pass. */
export const STEPS: readonly Step[] = [
  { phase: 'forward', plain: 'k = XH + b_H', tex: '\\mathbf{k} = XH + \\mathbf{b}_H', inputs: ['X', 'H', 'bH'], result: 'k' },
  {
    phase: 'forward',
    plain: 'h = ReLU(k) = max(0, k)',
    tex: '\\mathbf{h} = \\operatorname{ReLU}(\\mathbf{k}) = \\max(0, \\mathbf{k})',
    inputs: ['k'],
    result: 'h',
  },
  { phase: 'forward', plain: 'z = hU + b_U', tex: '\\mathbf{z} = \\mathbf{h}U + \\mathbf{b}_U', inputs: ['h', 'U', 'bU'], result: 'z' },
  { phase: 'forward', plain: 'o = softmax(z), row by row', tex: 'o_{ri} = e^{z_{ri}} \\big/ \\textstyle\\sum_j e^{z_{rj}}', inputs: ['z'], result: 'o' },
  {
    phase: 'forward',
    plain: '𝓛 = −(1/t) Σ log o_y',
    tex: '\\mathcal{L} = -\\tfrac{1}{t}\\textstyle\\sum_{r=1}^{t} \\log o_{r,y_r}',
    inputs: ['o', 'y'],
    result: 'loss',
  },
  { phase: 'backward', plain: '∂ℓ/∂z = o − T', tex: `${P('z')} = \\mathbf{o} - \\mathbf{T}`, inputs: ['o', 'T'], result: 'dz', perItem: true },
  { phase: 'backward', plain: '∂𝓛/∂U = hᵀ ∂ℓ/∂z / t', tex: `${PL('U')} = \\mathbf{h}^\\top (${P('z')}) / t`, inputs: ['h', 'dz'], result: 'dU' },
  {
    phase: 'backward',
    plain: '∂𝓛/∂b_U = 1_t ∂ℓ/∂z / t',
    tex: `${PL('\\mathbf{b}_U')} = \\mathbf{1}_t (${P('z')}) / t`,
    inputs: ['dz'],
    result: 'dbU',
  },
  { phase: 'backward', plain: '∂ℓ/∂h = ∂ℓ/∂z Uᵀ', tex: `${P('h')} = (${P('z')})\\,U^\\top`, inputs: ['dz', 'U'], result: 'dh', perItem: true },
  {
    phase: 'backward',
    plain: '∂ℓ/∂k = ∂ℓ/∂h ⊙ [k ≥ 0]',
    tex: `${P('k')} = ${P('h')} \\odot [\\mathbf{k} \\ge 0]`,
    inputs: ['dh', 'mask'],
    result: 'dk',
    perItem: true,
  },
  { phase: 'backward', plain: '∂𝓛/∂H = Xᵀ ∂ℓ/∂k / t', tex: `${PL('H')} = X^\\top (${P('k')}) / t`, inputs: ['X', 'dk'], result: 'dH' },
  {
    phase: 'backward',
    plain: '∂𝓛/∂b_H = 1_t ∂ℓ/∂k / t',
    tex: `${PL('\\mathbf{b}_H')} = \\mathbf{1}_t (${P('k')}) / t`,
    inputs: ['dk'],
    result: 'dbH',
  },
];

/** The agreement at one step: forward steps compare hand and autograd values; backward steps all three gradients. */
export interface StepCheck {
  handAuto: number;
  /** Hand formula vs central finite differences (backward steps only). */
  handFd?: number;
  /** Autograd vs central finite differences (backward steps only). */
  autoFd?: number;
  /** The largest of the absolute differences above. */
  max: number;
}

/** Everything the stepper shows for one minibatch: every matrix, the loss, and each step's check. */
export interface StepperData {
  t: number;
  mats: Readonly<Record<MatrixKey, number[][]>>;
  loss: number;
  checks: readonly StepCheck[];
}

/** Agreement required at every step (largest absolute difference). */
export const TOLERANCE = 1e-6;

export { fmtSci } from '../_shared/format';

/** Clamp a (0-based) step index into `0 … 11`. */
export function clampStep(i: number): number {
  return Math.min(STEPS.length - 1, Math.max(0, Math.round(i)));
}
