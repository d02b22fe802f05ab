import { fmt } from '../_shared/format';
import { maxDeviation, measured, type Estimate } from './model';

/** Thousands separators for a count: `1200 → "1,200"`. */
function count(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** The progress readout in words: `"120 of 1,200 trials"`. */
export function progressText(done: number, total: number): string {
  return `${count(done)} of ${count(total)} trials`;
}

/** The readout at the midpoint `N = 2d`, where theory says exactly `C(2d, d)/2^{2d} = ½`. */
export function halfReadout(d: number, estimates: readonly Estimate[]): { label: string; value: string } {
  const p = measured(estimates.find((e) => e.N === 2 * d));
  return {
    label: `Separable at N = 2d = ${2 * d}`,
    value: p === undefined ? 'measuring… (theory 0.50)' : `${fmt(p, 3)} measured, 0.500 theory`,
  };
}

/** The largest gap between the estimate and the closed form, in words: `max_N |p̂(N) − C(N, d)/2ᴺ|`. */
export function deviationReadout(d: number, estimates: readonly Estimate[]): string {
  const worst = maxDeviation(estimates, d);
  return worst === undefined ? 'measuring…' : `${fmt(worst.gap, 3)} at N = ${worst.N}`;
}
