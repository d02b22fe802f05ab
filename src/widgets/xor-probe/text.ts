import { fmt } from '../_shared/format';
import type { ProbeFit, XorProbeResult } from './compute';
import type { XorProbeValues } from './model';

const signed = (x: number, name: string): string => `${x < 0 ? '−' : '+'} ${fmt(Math.abs(x))}·${name}`;

/** The fitted probe as a formula in the space's two coordinates, e.g. `ŷ = 0.50 + 0.00·x₁ + 0.00·x₂`. */
export function formula(fit: ProbeFit, names: readonly [string, string]): string {
  const { w1, w2, bias } = fit.coef;
  const body = `${fmt(bias)} ${signed(w1, names[0])} ${signed(w2, names[1])}`;
  return fit.kind === 'regression' ? `ŷ = ${body}` : `P(class 1) = σ(${body})`;
}

/** A probe's accuracy on the four corners, e.g. `2 of 4 (50 %)`. */
export function accuracyText(fit: ProbeFit): string {
  return `${fit.correct} of 4 (${Math.round(fit.correct * 25)} %)`;
}

/** The readouts by name. */
export function readouts(r: XorProbeResult): Record<'input-acc' | 'hidden-acc' | 'input-fit' | 'hidden-fit', string> {
  return {
    'input-acc': accuracyText(r.input),
    'hidden-acc': accuracyText(r.hiddenFit),
    'input-fit': formula(r.input, ['x₁', 'x₂']),
    'hidden-fit': formula(r.hiddenFit, ['h₁', 'h₂']),
  };
}

/** A sentence describing both panels for readers who cannot see them. */
export function describe(v: XorProbeValues, r: XorProbeResult): string {
  const net = v.net === 'article' ? 'the article’s trained network' : `a random start of the network (seed ${v.seed})`;
  const hs = r.hidden.map((h, i) => `${['00', '01', '10', '11'][i]} → (${fmt(h[0])}, ${fmt(h[1])})`).join(', ');
  const flat = Math.abs(r.input.a) < 1e-6 && Math.abs(r.input.b) < 1e-6 ? ' It is the same at every point, so it has no line.' : '';
  return (
    `A ${v.probe === 'regression' ? 'linear regression' : 'logistic'} probe on ${net}${v.relu ? '' : ' without its ReLU'}. ` +
    `On the raw inputs it fits ${formula(r.input, ['x₁', 'x₂'])} and gets ${accuracyText(r.input)} of the corners right.${flat} ` +
    `The hidden layer maps the corners to ${hs}; there the probe fits ${formula(r.hiddenFit, ['h₁', 'h₂'])} and gets ${accuracyText(r.hiddenFit)} right. ` +
    `The dashed line is the network's own output layer at ½.`
  );
}
