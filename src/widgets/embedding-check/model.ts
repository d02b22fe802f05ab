import type { Values } from '../_shared/state';

/**
 * The three-way check for E: on a small window model, the hand-derived gradient of the embedding table (the blocks of
 * ∂ℓ/∂x scatter-added into the rows used, divided by t), autograd, and central finite differences, step by step and
 * entry by entry. Pure module: no DOM, no tensor package.
 */

/** Vocabulary size |V|, embedding width e, hidden width v; the model predicts one of |V| next words (m = |V|). */
export const WORDS = 8;
export const E_WIDTH = 3;
export const HIDDEN = 4;

/** Settings: the step shown, window size n, minibatch size t, the seed (words and weights), and the entry of E inspected. */
export const props = {
  step: { kind: 'number', default: 1, min: 1, max: 3, step: 1 },
  n: { kind: 'number', default: 2, min: 1, max: 3, step: 1 },
  t: { kind: 'number', default: 3, min: 1, max: 4, step: 1 },
  seed: { kind: 'number', default: 1, min: 1, max: 50, step: 1 },
  row: { kind: 'number', default: 6, min: 1, max: WORDS, step: 1 },
  col: { kind: 'number', default: 1, min: 1, max: E_WIDTH, step: 1 },
} as const;

export type CheckValues = Values<typeof props>;

/** Every matrix a step can show. */
export type MatrixKey = 'ids' | 'E' | 'x' | 'dk' | 'H' | 'dx' | 'dE' | 'dEauto' | 'dEfd';

export const LABELS: Readonly<Record<MatrixKey, string>> = {
  ids: 'word indices',
  E: 'E',
  x: 'x',
  dk: '∂ℓ/∂k',
  H: 'H',
  dx: '∂ℓ/∂x',
  dE: '∂𝓛/∂E by hand',
  dEauto: '∂𝓛/∂E autograd',
  dEfd: '∂𝓛/∂E central diff.',
};

/** One step: its equation, inputs, result and (for gradients) whether it is a per-item gradient (no 1/t). */
export interface Step {
  plain: string;
  tex: string;
  inputs: readonly MatrixKey[];
  result: MatrixKey;
  /** Grids shown after the result (the other two versions of the gradient). */
  after?: readonly MatrixKey[];
  perItem?: boolean;
}

export const STEPS: readonly Step[] = [
  {
    plain: 'x = [j₁E, …, jₙE], one row per item',
    tex: '\\mathbf{x} = [\\mathbf{j}_1 E, \\dots, \\mathbf{j}_n E]',
    inputs: ['ids', 'E'],
    result: 'x',
  },
  {
    plain: '∂ℓ/∂x = ∂ℓ/∂k Hᵀ, one row per item',
    tex: '\\partial\\ell/\\partial\\mathbf{x} = (\\partial\\ell/\\partial\\mathbf{k})\\,H^\\top',
    inputs: ['dk', 'H'],
    result: 'dx',
    perItem: true,
  },
  {
    plain: '∂𝓛/∂E: the n blocks of each row of ∂ℓ/∂x added into the rows of E its words used, divided by t',
    tex: '(\\partial\\mathcal{L}/\\partial E)_{j} = \\tfrac{1}{t} \\textstyle\\sum_{(r, i)\\,:\\, j_{r,i} = j} (\\partial\\ell/\\partial\\mathbf{x})_{r,\\,\\text{block } i}',
    inputs: ['ids', 'dx'],
    result: 'dE',
    after: ['dEauto', 'dEfd'],
  },
];

/** Agreement of the three versions at one step (largest absolute differences); the forward step compares hand and autograd only. */
export interface StepCheck {
  handAuto: number;
  handFd?: number;
  autoFd?: number;
  max: number;
}

export interface CheckData {
  t: number;
  n: number;
  mats: Readonly<Record<MatrixKey, number[][]>>;
  checks: readonly StepCheck[];
  loss: number;
  /** Rows of E (0-based) that the minibatch used. */
  used: number[];
}

/** Agreement required at every step (largest absolute difference). */
export const TOLERANCE = 1e-6;

/** Clamp a 0-based step index into range. */
export function clampStep(i: number): number {
  return Math.min(STEPS.length - 1, Math.max(0, Math.round(i)));
}
