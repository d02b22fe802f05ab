import { fmt } from '../_shared/format';
import { CLASS_NAMES, DATA_LABELS, architecture, classCount, lrText, type PlaygroundValues } from './model';
import type { RunView } from './view';

/** A percentage with one decimal, e.g. `97.5 %`; words instead of NaN. */
export function pct(x: number): string {
  return Number.isFinite(x) ? `${fmt(100 * x, 1)} %` : 'undefined';
}

/** The readouts of a run: accuracies, losses, and steps and epochs done. */
export function readouts(view: RunView): Record<'train-acc' | 'test-acc' | 'train-loss' | 'test-loss' | 'steps', string> {
  const m = view.metrics;
  return {
    'train-acc': pct(m.trainAcc),
    'test-acc': pct(m.testAcc),
    'train-loss': fmt(m.trainLoss, 3),
    'test-loss': fmt(m.testLoss, 3),
    steps: `${view.steps} steps · ${view.epochs} epochs`,
  };
}

/** What the figure shows, in words, for readers who cannot see it. */
export function describe(v: PlaygroundValues, view?: RunView): string {
  const k = classCount(v);
  const data = `${v.n} points of ${DATA_LABELS[v.data]} with ${k} classes (${CLASS_NAMES.slice(0, k).join(', ')}), noise ${fmt(v.noise)}`;
  const net = `a ${architecture(v)} trained by ${{ sgd: 'SGD', momentum: 'SGD with momentum', adam: 'Adam' }[v.opt]} at learning rate ${lrText(v)}`;
  if (!view) return `${data}; ${net}. The background shades each region by the class the network predicts there.`;
  const m = view.metrics;
  const state = view.steps === 0 ? 'Untrained' : `After ${view.steps} steps (${view.epochs} epochs)`;
  return `${data}; ${net}. ${state}: training accuracy ${pct(m.trainAcc)}, test accuracy ${pct(m.testAcc)}, training loss ${fmt(m.trainLoss, 3)}, test loss ${fmt(m.testLoss, 3)}. The background shades each region by the predicted class, paler where the network is unsure; the two small charts show the loss and the accuracy on training (solid) and test (dashed) data over the steps.`;
}

/** The divergence message: what happened, why, and what to try. */
export function divergedText(v: PlaygroundValues, view: RunView, error: string): string {
  return `${error} By step ${view.steps} it had run away: at learning rate ${lrText(v)} each step overshoots the minimum by more than it corrects, so the loss grows instead of falling. Training stopped; the figure keeps the last finite state. Lower the learning rate and press Reset.`;
}
