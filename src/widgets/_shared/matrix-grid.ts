import { fmt } from './format';
import { STATIC_WIDTH } from './plot-dom';

/**
 * Small labelled number grids drawn as one SVG, e.g. the matrices of a backprop step:
 * each grid is titled with its name and shape (`U (4 × 2)`) and every entry is printed.
 * Pure string output, so the same markup is rendered at build time and set live
 * (`element.innerHTML = matrixGridsSvg(…)`). No DOM, no Plot.
 */

/** One grid: a name (`b_H` puts `H` in subscript), its rows, and how to draw it. */
export interface GridSpec {
  label: string;
  rows: readonly (readonly number[])[];
  /** Decimals per entry (default 2). */
  decimals?: number;
  /** Draw as the step's result: a coloured frame and a bold title. */
  result?: boolean;
  /** Cells to mark, e.g. the true class: `[row, column]`. */
  marks?: readonly (readonly [number, number])[];
  /** A name for each row, drawn to the left of it (e.g. the word a row of an embedding table belongs to). */
  rowLabels?: readonly string[];
}

/** Text size: 13 px, so a subscript (85 %) is still 11 px; `CHAR` is a generous width of one character. */
const FONT = 13;
const CHAR = FONT * 0.63;
const CELL_H = 24;
const TITLE_H = 22;
const GAP = 18;

/** `&`, `<`, `>` and quotes escaped for SVG text. */
function esc(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

/** A label with `_X` subscripts turned into SVG tspans: `b_H` → b<sub>H</sub>. */
function labelMarkup(label: string): string {
  return esc(label).replace(/_([A-Za-z0-9]+)/g, '<tspan baseline-shift="sub" font-size="85%">$1</tspan>');
}

/** The grid's title: its label and shape, e.g. `U (4 × 2)`. */
export function gridTitle(g: GridSpec): string {
  return `${g.label} (${g.rows.length} × ${g.rows[0]?.length ?? 0})`;
}

/** Width of one cell for the grid's number format. */
function cellWidth(g: GridSpec): number {
  return Math.max(38, ((g.decimals ?? 2) + 4) * CHAR);
}

/** Width of the row-label column (0 without labels). */
function labelWidth(g: GridSpec): number {
  return g.rowLabels?.length ? Math.max(...g.rowLabels.map((l) => l.length)) * CHAR + 8 : 0;
}

/** Width and height of one grid including its title and row labels. */
function gridSize(g: GridSpec): { w: number; h: number } {
  const cols = g.rows[0]?.length ?? 0;
  const title = gridTitle(g).length * CHAR;
  return { w: Math.max(labelWidth(g) + cols * cellWidth(g), title), h: TITLE_H + g.rows.length * CELL_H };
}

/** One grid's SVG at `(x0, y)`: row labels first, then the cells. */
function gridSvg(g: GridSpec, x0: number, y: number): string {
  const cw = cellWidth(g);
  const x = x0 + labelWidth(g);
  const rowLabels = (g.rowLabels ?? []).map(
    (l, r) => `<text x="${x - 6}" y="${y + TITLE_H + r * CELL_H + 16.5}" text-anchor="end" fill="currentColor">${esc(l)}</text>`,
  );
  const frame = g.result ? 'stroke: var(--series-a, #2563c9); stroke-width: 2' : 'stroke: currentColor; stroke-opacity: 0.35';
  const marked = new Set((g.marks ?? []).map(([r, c]) => `${r},${c}`));
  const cells = g.rows.flatMap((row, r) =>
    row.map((v, c) => {
      const cx = x + c * cw;
      const cy = y + TITLE_H + r * CELL_H;
      const fill = marked.has(`${r},${c}`) ? 'fill: var(--series-b, #c2410c); fill-opacity: 0.22' : 'fill: none';
      const text = fmt(v, g.decimals ?? 2);
      const muted = Number(text.replace('−', '-')) === 0 ? ' fill-opacity="0.55"' : '';
      return (
        `<rect x="${cx}" y="${cy}" width="${cw}" height="${CELL_H}" style="${fill}; ${frame}"/>` +
        `<text x="${cx + cw - 5}" y="${cy + 16.5}" text-anchor="end" fill="currentColor"${muted}>${text}</text>`
      );
    }),
  );
  const weight = g.result ? ' font-weight="700"' : '';
  const title = `<text x="${x0}" y="${y + 15}" fill="currentColor"${weight}>${labelMarkup(gridTitle(g))}</text>`;
  return `<g>${title}${rowLabels.join('')}${cells.join('')}</g>`;
}

/**
 * Lay the grids out left to right, wrapping at `maxWidth` (by default a phone's figure width, as at build time),
 * and return one SVG element as markup (`aria-hidden`: the widget's text description carries the numbers for
 * screen readers).
 */
export function matrixGridsSvg(grids: readonly GridSpec[], maxWidth = STATIC_WIDTH): string {
  let x = 0;
  let y = 0;
  let lineH = 0;
  let width = 0;
  const parts: string[] = [];
  for (const g of grids) {
    const { w, h } = gridSize(g);
    if (x > 0 && x + w > maxWidth) {
      x = 0;
      y += lineH + GAP;
      lineH = 0;
    }
    parts.push(gridSvg(g, x + 1, y + 1));
    x += w + GAP;
    width = Math.max(width, x - GAP + 2);
    lineH = Math.max(lineH, h);
  }
  const height = y + lineH + 2;
  return (
    `<svg class="matrix-grids" xmlns="http://www.w3.org/2000/svg" width="${Math.ceil(width)}" height="${height}" ` +
    `viewBox="0 0 ${Math.ceil(width)} ${height}" font-size="${FONT}" font-family="inherit" aria-hidden="true">${parts.join('')}</svg>`
  );
}

/**
 * A wide grid cut into `parts` grids of equal width, side by side (for example a window's row x = [j₁E, …, jₙE] as its n
 * blocks), so that no grid is wider than a phone; `label(i)` names part i (0-based). Marks are carried into their part.
 */
export function splitColumns(g: GridSpec, parts: number, label: (i: number) => string): GridSpec[] {
  const cols = g.rows[0]?.length ?? 0;
  const w = Math.max(1, Math.ceil(cols / Math.max(1, parts)));
  return Array.from({ length: Math.max(1, parts) }, (_, i) => ({
    ...g,
    label: label(i),
    rows: g.rows.map((row) => row.slice(i * w, i * w + w)),
    marks: (g.marks ?? []).filter(([, c]) => c >= i * w && c < i * w + w).map(([r, c]) => [r, c - i * w] as const),
  }));
}
