import { fmt, fmtSci } from '../_shared/format';
import { gridTitle } from '../_shared/matrix-grid';
import { LABELS, STEPS, TOLERANCE, clampStep, type CheckData, type CheckValues, type MatrixKey } from './model';

/** The readouts for the current step and the inspected entry of ∂𝓛/∂E. */
export function readouts(data: CheckData, v: CheckValues): Record<'position' | 'shapes' | 'check' | 'maxdiff' | 'used' | 'entry' | 'loss', string> {
  const i = clampStep(v.step - 1);
  const s = STEPS[i] ?? STEPS[0]!;
  const c = data.checks[i] ?? { handAuto: 0, max: 0 };
  const shape = (k: MatrixKey): string => gridTitle({ label: LABELS[k], rows: data.mats[k] });
  const verdict = c.max <= TOLERANCE ? 'agree to within 10⁻⁶' : 'differ by more than 10⁻⁶';
  const check =
    c.handFd === undefined
      ? `Hand lookup vs autograd’s gatherWindow: ${fmtSci(c.handAuto)}; they ${verdict}.`
      : `Hand vs autograd ${fmtSci(c.handAuto)}, hand vs central differences ${fmtSci(c.handFd)}, autograd vs central differences ${fmtSci(c.autoFd ?? 0)}; all three ${verdict}.`;
  return {
    position: `Step ${i + 1} of ${STEPS.length}: ${s.plain}`,
    shapes: `Shapes: ${s.inputs.map(shape).join(', ')} → ${shape(s.result)}.`,
    check,
    maxdiff: fmtSci(c.max),
    used: `${data.used.length} of ${data.mats.E.length}: ${data.used.map((j) => j + 1).join(', ')}`,
    entry: entry(data, v),
    loss: fmt(data.loss, 4),
  };
}

/** One entry of ∂𝓛/∂E three ways, to twelve decimals, and how many times its row was used. */
function entry(data: CheckData, v: CheckValues): string {
  const [r, c] = [v.row - 1, v.col - 1];
  const val = (k: MatrixKey): string => fmt(data.mats[k][r]?.[c] ?? 0, 12);
  const count = data.mats.ids.flat().filter((j) => j === v.row).length;
  const why =
    count === 0
      ? `Row ${v.row} was not used by this minibatch, so hand and autograd give exactly 0 and central differences 0 as well.`
      : `Row ${v.row} was used ${count === 1 ? 'once' : `${count} times`} in this minibatch.`;
  return `Entry (${v.row}, ${v.col}) of ∂𝓛/∂E: hand ${val('dE')}, autograd ${val('dEauto')}, central differences ${val('dEfd')}. ${why}`;
}

/** A sentence saying what the figure shows, for readers who cannot see it. */
export function describe(data: CheckData, v: CheckValues): string {
  const r = readouts(data, v);
  return `${r.position}, on a minibatch of t = ${data.t} windows of n = ${data.n} words. ${r.shapes} ${r.check} ${r.entry}`;
}
