import { matrixGridsSvg } from '../_shared/matrix-grid';
import type { Example } from './model';

/** The example as SVG grids: the logits `z` (true class shaded), the class `y` (1-based) and the hidden vector `h`. */
export function exerciseSvg(ex: Example, maxWidth?: number): string {
  return matrixGridsSvg(
    [
      { label: 'z', rows: [ex.z], decimals: 2, marks: [[0, ex.y]] },
      { label: 'y', rows: [[ex.y + 1]], decimals: 0 },
      { label: 'h', rows: [ex.h], decimals: 2 },
    ],
    maxWidth,
  );
}
