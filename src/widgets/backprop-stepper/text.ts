import { fmt, fmtSci } from '../_shared/format';
import { gridTitle } from '../_shared/matrix-grid';
import { LABELS, STEPS, TOLERANCE, clampStep, type StepperData } from './model';

/** The readout texts for one step: its position, equation, shapes, loss and check. */
export function readouts(data: StepperData, step: number): Record<'position' | 'equation' | 'shapes' | 'loss' | 'check' | 'maxdiff', string> {
  const i = clampStep(step);
  const s = STEPS[i] ?? STEPS[0]!;
  const c = data.checks[i] ?? { handAuto: 0, max: 0 };
  const shape = (k: keyof typeof LABELS): string => gridTitle({ label: LABELS[k], rows: data.mats[k] });
  const verdict = c.max <= TOLERANCE ? `agree to within 10⁻⁶` : `differ by more than 10⁻⁶`;
  const check =
    s.phase === 'forward'
      ? `Hand formula vs autograd (forward values): ${fmtSci(c.handAuto)}; they ${verdict}.`
      : `Hand vs autograd ${fmtSci(c.handAuto)}, hand vs finite differences ${fmtSci(c.handFd ?? 0)}, autograd vs finite differences ${fmtSci(c.autoFd ?? 0)}; all three ${verdict}.`;
  return {
    position: `Step ${i + 1} of ${STEPS.length} (${s.phase} pass)`,
    equation: s.plain,
    shapes: `${s.inputs.map(shape).join(', ')} → ${shape(s.result)}`,
    loss: fmt(data.loss, 4),
    check,
    maxdiff: fmtSci(c.max),
  };
}

/** The first few numbers of a matrix, for the description. */
function entries(rows: readonly (readonly number[])[]): string {
  const flat = rows.flat();
  const shown = flat.slice(0, 6).map((x) => fmt(x, 3));
  return flat.length > 6 ? `${shown.join(', ')}, …` : shown.join(', ');
}

/** A sentence saying what the figure shows at this step, for readers who cannot see it. */
export function describe(data: StepperData, step: number): string {
  const i = clampStep(step);
  const s = STEPS[i] ?? STEPS[0]!;
  const r = readouts(data, step);
  const scale = s.perItem
    ? ' This is a per-item gradient, as in the notes, so autograd and finite differences of the mean loss 𝓛 are multiplied by t to compare.'
    : '';
  return (
    `${r.position} on a minibatch of t = ${data.t}: ${s.plain}. The figure shows ${r.shapes}; ` +
    `the result ${LABELS[s.result]} reads ${entries(data.mats[s.result])} (row by row). ${r.check}${scale}`
  );
}
