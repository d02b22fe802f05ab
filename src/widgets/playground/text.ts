import { fmt, reading, type Readout } from '../_shared/format';
import { lrText, type PlaygroundValues } from './model';
import { ACT_LABELS, CLASS_NAMES, DATA_LABELS, architecture, classCount, featureText, l2Of } from './network';
import type { RunView, Units } from './view';

/** A percentage with one decimal, e.g. `97.5 %`; words instead of NaN. */
export function pct(x: number): string {
  return Number.isFinite(x) ? `${fmt(100 * x, 1)} %` : 'undefined';
}

/** The readouts of a run: accuracies, cross-entropy losses (the penalty apart), the L2 penalty, and steps and epochs done. */
export function readouts(view: RunView): Record<'train-acc' | 'test-acc' | 'train-loss' | 'test-loss' | 'penalty' | 'steps', Readout> {
  const m = view.metrics;
  const percent = (x: number): Readout => reading(100 * x, pct(x));
  const loss = (x: number): Readout => reading(x, fmt(x, 3));
  return {
    'train-acc': percent(m.trainAcc),
    'test-acc': percent(m.testAcc),
    'train-loss': loss(m.trainLoss),
    'test-loss': loss(m.testLoss),
    penalty: loss(m.penalty),
    steps: `${view.steps} steps · ${view.epochs} epochs`,
  };
}

/** The optimiser and its settings in words. */
function trainedBy(v: PlaygroundValues): string {
  const opt = { sgd: 'plain SGD', momentum: 'SGD with momentum 0.9', adam: 'Adam' }[v.opt];
  const l2 = l2Of(v) > 0 ? ` with an L2 penalty λ = ${v.l2}` : ' with no L2 penalty';
  return `trained by ${opt} at learning rate η = ${lrText(v)}, minibatches of ${v.batch === 'all' ? 'the whole training set' : v.batch},${l2}`;
}

/** Where on the plotted square grid cell `cell` of an `n × n` grid (row-major from the bottom-left) lies, in words. */
export function place(cell: number, n: number): string {
  const third = (k: number): number => Math.min(2, Math.floor((3 * k) / n));
  const [h, v] = [third(cell % n), third(Math.floor(cell / n))];
  const across = ['left', 'centre', 'right'][h] ?? '';
  const up = ['bottom', 'middle', 'top'][v] ?? '';
  if (v === 1) return h === 1 ? 'centre' : across;
  return h === 1 ? up : `${up} ${across}`;
}

/** One hidden unit in words: where its output is highest and lowest (or, for a unit that is zero somewhere, how much of the square it is zero on). */
export function unitText(units: Units, layer: number, unit: number): string {
  const l = units.layers[layer];
  if (!l) return '';
  const cells = units.n * units.n;
  const at = (c: number): number => l.values[c * l.count + unit] ?? 0;
  let [lo, hi, zeros] = [0, 0, 0];
  for (let c = 0; c < cells; c++) {
    if (at(c) < at(lo)) lo = c;
    if (at(c) > at(hi)) hi = c;
    if (at(c) === 0) zeros++;
  }
  const top = `${fmt(at(hi), 2)} at the ${place(hi, units.n)}`;
  if (at(hi) - at(lo) < 1e-6) return `unit ${unit + 1}: ${fmt(at(hi), 2)} everywhere`;
  if (at(lo) === 0 && zeros > 1) return `unit ${unit + 1}: zero on ${Math.round((100 * zeros) / cells)} % of the square, up to ${top}`;
  return `unit ${unit + 1}: from ${fmt(at(lo), 2)} at the ${place(lo, units.n)} to ${top}`;
}

/** The hidden units' thumbnails in words: the first layer unit by unit, later layers by count. */
function unitsText(v: PlaygroundValues, units: Units): string {
  const [first, ...rest] = units.layers;
  if (!first) return 'With no hidden layer there are no hidden units to show.';
  const act = v.act === 'identity' ? 'linear' : ACT_LABELS[v.act];
  const listed = Array.from({ length: first.count }, (_, u) => unitText(units, 0, u)).join('; ');
  const later = rest.length > 0 ? ` Thumbnails of the ${rest.map((l, i) => `${l.count} units of hidden layer ${i + 2}`).join(' and the ')} follow.` : '';
  return `The thumbnails show each ${act} hidden unit’s output over the same square, orange where it is positive and blue where it is negative, each on its own scale. Hidden layer 1, ${listed}.${later}`;
}

/** What the figure shows, in words, for readers who cannot see it. */
export function describe(v: PlaygroundValues, view?: RunView): string {
  const k = classCount(v);
  const data = `${v.n} points of ${DATA_LABELS[v.data]} with ${k} classes (${CLASS_NAMES.slice(0, k).join(', ')}), noise ${fmt(v.noise)}`;
  const net = `a ${architecture(v)} on the features ${featureText(v)}, ${trainedBy(v)}`;
  const points = v.showTest ? 'training points with a white rim, test points with a dark rim' : 'training points only (test points hidden)';
  if (!view) return `${data}; ${net}. The background shades each region by the class the network predicts there; ${points}.`;
  const m = view.metrics;
  const state = view.steps === 0 ? 'Untrained' : `After ${view.steps} steps (${view.epochs} epochs)`;
  const loss = `cross-entropy ${fmt(m.trainLoss, 3)} on training and ${fmt(m.testLoss, 3)} on test data (the L2 penalty, ${fmt(m.penalty, 3)}, not included)`;
  return `${data}; ${net}. ${state}: training accuracy ${pct(m.trainAcc)}, test accuracy ${pct(m.testAcc)}, ${loss}. The background shades each region by the predicted class, paler where the network is unsure; ${points}. The two small charts show the loss and the accuracy on training (solid) and test (dashed) data over the steps. ${unitsText(v, view.units)}`;
}

/** The divergence message: what happened, why, and what to try. */
export function divergedText(v: PlaygroundValues, view: RunView, error: string): string {
  return `${error} By step ${view.steps} it had run away: at learning rate η = ${lrText(v)} each step overshoots the minimum by more than it corrects, so the loss grows instead of falling. Training stopped; the figure keeps the last finite state. Lower the learning rate and press Reset.`;
}
