import { fmt, fmtVec } from '../_shared/format';
import type { Example } from './model';

/** The question for this example, in words. */
export function question(ex: Example): string {
  return `Logits z = ${fmtVec(ex.z, 2)} for one item of true class y = ${ex.y + 1}.`;
}

/** A sentence describing the figure for readers who cannot see it. */
export function describe(ex: Example): string {
  return `The figure shows the logits z = ${fmtVec(ex.z, 2)} as a 1 × 3 grid with entry ${ex.y + 1}, the true class, shaded; y = ${ex.y + 1}; and the hidden vector h = ${fmtVec(ex.h, 2)} (1 × 2), used in part 2.`;
}

/** The answer as text with four decimals, e.g. `(−0.3410, 0.2424, 0.0986)`. */
export function answerText(values: readonly number[], cols: number): string {
  const rows: string[] = [];
  for (let i = 0; i < values.length; i += cols)
    rows.push(
      values
        .slice(i, i + cols)
        .map((x) => fmt(x, 4))
        .join(', '),
    );
  return rows.length === 1 ? `(${rows[0]})` : `[${rows.join('; ')}]`;
}
