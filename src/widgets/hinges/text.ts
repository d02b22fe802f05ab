import { fmt } from '../_shared/format';
import { DOMAIN, TARGETS, hinges, mse, type HingeValues } from './model';

/** The model as a formula with the current numbers, e.g. `f(x) = −0.98 + 0.65·ReLU(x + 1.50) − 0.65·ReLU(x − 1.50)`. */
export function formula(v: HingeValues): string {
  const terms = hinges(v).map((h) => {
    const inner = h.s > 0 ? `x ${h.k < 0 ? '+' : '−'} ${fmt(Math.abs(h.k))}` : `${fmt(h.k)} − x`;
    return ` ${h.a < 0 ? '−' : '+'} ${fmt(Math.abs(h.a))}·ReLU(${inner})`;
  });
  return `f(x) = ${fmt(v.c)}${terms.join('')}`;
}

/** A sentence describing the chart for readers who cannot see it. */
export function describe(v: HingeValues): string {
  const hs = hinges(v);
  const inside = hs.filter((h) => h.k > DOMAIN[0] && h.k < DOMAIN[1]);
  const kinks = inside.map((h) => fmt(h.k)).join(', ');
  const where = inside.length === 0 ? 'no kink inside [−π, π], so the sum is a straight line there' : `kinks at x = ${kinks}`;
  return `The target ${TARGETS[v.target].label} on [−π, π] against the sum of ${hs.length} ReLU hinge${hs.length === 1 ? '' : 's'}: a piecewise-linear curve with ${where}. ${formula(v)}. Mean squared error ${fmt(mse(v), 4)}.`;
}
