import { matrixGridsSvg, splitColumns, type GridSpec } from '../_shared/matrix-grid';
import { STATIC_WIDTH } from '../_shared/plot-dom';
import type { LookupData } from './compute';
import { E_WIDTH, VOCAB, row, uses, windowWords, type LookupValues } from './model';

/** E's row labels: the 1-based index and the word. */
const ROW_LABELS = VOCAB.map((w, i) => `${i + 1} ${w}`);

/** Every cell of the given rows of an |V| × e table, to be shaded. */
const rowMarks = (rowsUsed: Iterable<number>): [number, number][] =>
  [...new Set(rowsUsed)].flatMap((r) => Array.from({ length: E_WIDTH }, (_, c) => [r, c] as [number, number]));

/** The lookup: each word's one-hot row j_k, the table E with the rows they select shaded, and the window x (framed), block by block. */
export function lookupSvg(data: LookupData, v: LookupValues, maxWidth = STATIC_WIDTH): string {
  const words = windowWords(v);
  const oneHots: GridSpec[] = words.map((w, k) => ({
    label: `j_${k + 1} = ${w}`,
    rows: [VOCAB.map((_, j) => (j === row(w) ? 1 : 0))],
    decimals: 0,
    marks: [[0, row(w)]],
  }));
  const E: GridSpec = { label: 'E', rows: data.E, rowLabels: ROW_LABELS, marks: rowMarks(words.map(row)) };
  const x = splitColumns({ label: 'x', rows: [data.x], result: true }, v.n, (i) => `x block ${i + 1} = j_${i + 1} E`);
  return matrixGridsSvg([...oneHots, E, ...x], maxWidth);
}

/** After a minibatch: the word indices, each item's ∂ℓ/∂x split into its n blocks, and ∂𝓛/∂E with the rows that received gradient shaded (framed). */
export function gradientSvg(data: LookupData, v: LookupValues, maxWidth = STATIC_WIDTH): string {
  const ids: GridSpec = { label: 'word indices', rows: chunk(data.ids, v.n).map((r) => r.map((j) => j + 1)), decimals: 0 };
  const dx = splitColumns({ label: '∂ℓ/∂x', rows: data.dx, decimals: 3 }, v.n, (i) => `∂ℓ/∂x block ${i + 1}`);
  const dE: GridSpec = { label: '∂𝓛/∂E', rows: data.dE, decimals: 4, rowLabels: ROW_LABELS, marks: rowMarks(uses(data.ids, v.n).keys()), result: true };
  return matrixGridsSvg([ids, ...dx, dE], maxWidth);
}

function chunk(xs: readonly number[], n: number): number[][] {
  return Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));
}

/** The view the settings ask for. */
export function figureSvg(data: LookupData, v: LookupValues, maxWidth = STATIC_WIDTH): string {
  return v.view === 'gradient' ? gradientSvg(data, v, maxWidth) : lookupSvg(data, v, maxWidth);
}
