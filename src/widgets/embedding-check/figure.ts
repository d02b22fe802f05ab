import { matrixGridsSvg, splitColumns, type GridSpec } from '../_shared/matrix-grid';
import { STATIC_WIDTH } from '../_shared/plot-dom';
import { E_WIDTH, LABELS, STEPS, WORDS, clampStep, type CheckData, type CheckValues, type MatrixKey } from './model';

const ROW_LABELS = Array.from({ length: WORDS }, (_, j) => String(j + 1));
const TABLES = new Set<MatrixKey>(['E', 'dE', 'dEauto', 'dEfd']);
/** Window-wide grids (n·e columns), drawn as their n blocks so that each fits a phone. */
const WINDOWS = new Set([LABELS.x, LABELS.dx]);

/** The grid of one matrix: tables get their row numbers; the gradient tables mark the inspected entry, E the rows used. */
function grid(data: CheckData, key: MatrixKey, v: CheckValues, result = false): GridSpec {
  const decimals = key === 'ids' ? 0 : key.startsWith('dE') ? 6 : key.startsWith('d') ? 3 : 2;
  const marks: [number, number][] =
    key === 'E'
      ? data.used.flatMap((r) => Array.from({ length: E_WIDTH }, (_, c) => [r, c] as [number, number]))
      : key.startsWith('dE')
        ? [[v.row - 1, v.col - 1]]
        : [];
  return { label: LABELS[key], rows: data.mats[key], decimals, result, marks, ...(TABLES.has(key) ? { rowLabels: ROW_LABELS } : {}) };
}

/** One step as SVG markup: its inputs, its result (framed), and at the last step the other two versions of ∂𝓛/∂E; x and ∂ℓ/∂x block by block. */
export function checkSvg(data: CheckData, v: CheckValues, maxWidth = STATIC_WIDTH): string {
  const s = STEPS[clampStep(v.step - 1)] ?? STEPS[0];
  if (!s) return '';
  const grids = [...s.inputs.map((k) => grid(data, k, v)), grid(data, s.result, v, true), ...(s.after ?? []).map((k) => grid(data, k, v, true))].flatMap((g) =>
    WINDOWS.has(g.label) ? splitColumns(g, data.n, (i) => `${g.label} block ${i + 1}`) : [g],
  );
  return matrixGridsSvg(grids, maxWidth);
}
