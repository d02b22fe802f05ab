import { PARAM_LABELS, TOLERANCE } from './model';
import type { ParamCheck } from './compute';

/** A relative error for the reader: `3.2 × 10⁻¹¹`, or `below 10⁻¹⁵` when the two agree to rounding. */
export function errorText(error: number): string {
  if (error < 1e-15) return 'below 10⁻¹⁵';
  const [mant = '0', exp = '0'] = error.toExponential(1).split('e');
  const sup = Number(exp)
    .toString()
    .replace(/-/g, '⁻')
    .replace(/\d/g, (c) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(c)] ?? c);
  return `${mant} × 10${sup}`;
}

/** The verdict in words: which gradients fail the check, and what that points to. */
export function verdict(checks: readonly ParamCheck[]): string {
  const failed = checks.filter((c) => !c.ok).map((c) => PARAM_LABELS[c.name]);
  if (failed.length === 0) return `All four gradients agree with central differences (every relative error ≤ ${errorText(TOLERANCE)}).`;
  const list = failed.length === 1 ? failed[0] : `${failed.slice(0, -1).join(', ')} and ${failed.at(-1)}`;
  return `${list} ${failed.length === 1 ? 'fails' : 'fail'} the check; the others pass. The bug sits on the path from 𝓛 to ${failed.length === 1 ? 'that parameter' : 'those parameters'} and nowhere else.`;
}

/** The figure's description: the version (`label`, e.g. "Version A") and each gradient's error. */
export function describeChecks(label: string, checks: readonly ParamCheck[]): string {
  const parts = checks.map((c) => `${PARAM_LABELS[c.name]} ${errorText(c.error)} (${c.ok ? 'pass' : 'fail'})`);
  return `${label}: largest relative errors against central differences: ${parts.join('; ')}.`;
}
