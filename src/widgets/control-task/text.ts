/** Readouts and the text description of the control-task figure. Pure. */
import { capacityText, type CapacityName } from './model';
import type { CapacityCurve } from './figure';

/** An accuracy or a difference of accuracies in percentage points, one decimal, with a true minus sign. */
export function points(x: number): string {
  return `${(x * 100).toFixed(1).replace('-', '−')}`;
}

/** Selectivity per layer of one capacity, `pixels 35.4 → hidden 1 …`, or a word while none is measured. */
export function selectivityText(curve: CapacityCurve | undefined, layers: readonly string[]): string {
  if (!curve || curve.control.length === 0) return 'not yet measured';
  return curve.control.map((c, i) => `${layers[i]} ${points(curve.real[i]! - c)}`).join(' → ');
}

/** What the charts show, for screen readers and the no-JavaScript page. */
export function describe(curves: readonly CapacityCurve[], layers: readonly string[], selected: CapacityName): string {
  const lines = curves.filter((c) => c.control.length > 0).map((c) => `${capacityText(c.capacity)}: ${selectivityText(c, layers)}`);
  if (lines.length === 0) return 'No probe has been fitted yet.';
  return `Selectivity (real-task minus control-task held-out accuracy, in percentage points) by layer. ${lines.join('. ')}. The ${capacityText(selected)} is highlighted.`;
}
