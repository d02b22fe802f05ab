import { matrixGridsSvg, type GridSpec } from '../_shared/matrix-grid';
import { STATIC_WIDTH } from '../_shared/plot-dom';
import { LABELS, STEPS, clampStep, type MatrixKey, type StepperData } from './model';

const DECIMALS: Partial<Record<MatrixKey, number>> = { y: 0, T: 0, mask: 0, loss: 4 };

/** The grid of one matrix: its label, its rows, and its number format. */
function grid(data: StepperData, key: MatrixKey, result = false): GridSpec {
  const marks = key === 'o' || key === 'T' ? data.mats.y.map((row, r) => [r, (row[0] ?? 1) - 1] as const) : [];
  const decimals = DECIMALS[key] ?? (key.startsWith('d') ? 3 : 2);
  return { label: LABELS[key], rows: data.mats[key], decimals, result, marks };
}

/**
 * One step as SVG markup: the step's inputs and then its result (framed), each a labelled grid with its
 * shape, wrapped to `maxWidth` pixels. In `o` and `T` the true class of every item is shaded. Used at build time and live.
 */
export function stepperSvg(data: StepperData, step: number, maxWidth = STATIC_WIDTH): string {
  const s = STEPS[clampStep(step)] ?? STEPS[0];
  if (!s) return '';
  return matrixGridsSvg([...s.inputs.map((k) => grid(data, k)), grid(data, s.result, true)], maxWidth);
}
