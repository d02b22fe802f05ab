import * as Plot from '@observablehq/plot';
import { legend, legendHeight, type LegendRow } from '../widgets/_shared/legend';
import { XOR_POINTS } from '../widgets/_shared/xor';

/**
 * Chapter 2's opening picture: the loss of chapter 1's step network as one weight moves is a
 * staircase, flat almost everywhere, while the same network with a sigmoid in place of the step has
 * a slope to follow. The network is h₁ = g(w·x₁ + x₂ − 1.5) (AND at w = 1), h₂ = g(0.5 − x₁ − x₂)
 * (NOR), ŷ = 1 − h₁ − h₂, which is XOR on the corners at w = 1 (chapter 1's step network with its
 * thresholds moved half a unit off the corners, so the sigmoid version is fair); the loss is the mean squared error over
 * the four corners.
 */

/** The activations compared: the step (step(0) = 0) and a sigmoid sharpened by `SHARPNESS`. */
export type Unit = 'step' | 'sigmoid';
export const SHARPNESS = 6;

const g = (unit: Unit, k: number): number => (unit === 'step' ? (k > 0 ? 1 : 0) : 1 / (1 + Math.exp(-SHARPNESS * k)));

/** The mean squared error over the XOR corners with the first weight of h₁ set to `w`. */
export function staircaseLoss(unit: Unit, w: number): number {
  let sum = 0;
  for (const p of XOR_POINTS) {
    const y = 1 - g(unit, w * p.x + p.y - 1.5) - g(unit, 0.5 - p.x - p.y);
    sum += (y - p.target) ** 2;
  }
  return sum / XOR_POINTS.length;
}

/** The weights plotted: −1 to 3 in steps of 0.01. */
export const WEIGHTS = Array.from({ length: 401 }, (_, i) => -1 + i / 100);

/** Both curves, sampled at `WEIGHTS`. */
export function staircaseData(): Array<{ unit: Unit; w: number; loss: number }> {
  return (['step', 'sigmoid'] as const).flatMap((unit) => WEIGHTS.map((w) => ({ unit, w, loss: staircaseLoss(unit, w) })));
}

const STEP_INK = '#D55E00';
const SIGMOID_INK = '#0072B2';
const KEY: LegendRow[] = [
  {
    kind: 'items',
    title: 'hidden units',
    items: [
      { fill: STEP_INK, label: 'step' },
      { fill: SIGMOID_INK, label: `σ(${SHARPNESS}k), dashed` },
    ],
  },
];

/** The two loss curves against the weight w. */
export function staircaseFigure(): Plot.PlotOptions {
  const data = staircaseData();
  const bottom = 44 + legendHeight(KEY);
  return {
    className: 'plot',
    width: 420,
    height: 220 + bottom,
    marginLeft: 52,
    marginRight: 16,
    marginTop: 28,
    marginBottom: bottom,
    x: { domain: [-1, 3], label: 'weight w of x₁ into h₁', labelAnchor: 'center', labelOffset: 36 },
    y: { domain: [0, 0.3], label: 'loss 𝓛', ticks: [0, 0.1, 0.2, 0.3], labelOffset: 44 },
    marks: [
      Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.3 }),
      Plot.line(
        data.filter((d) => d.unit === 'step'),
        { x: 'w', y: 'loss', stroke: STEP_INK, strokeWidth: 2.5, curve: 'step-after' },
      ),
      Plot.line(
        data.filter((d) => d.unit === 'sigmoid'),
        { x: 'w', y: 'loss', stroke: SIGMOID_INK, strokeWidth: 2, strokeDasharray: '6 4' },
      ),
      legend(KEY),
    ],
  };
}

/** The figure in words, with the plateau values computed by `staircaseLoss`. */
export function staircaseDescription(): string {
  const at = (w: number): string => staircaseLoss('step', w).toFixed(2);
  return `With step units the loss is ${at(0)} for every w up to 0.5, ${at(1)} between 0.5 and 1.5, and ${at(2)} beyond 1.5: three flat plateaus with no slope anywhere. With sigmoid units the same loss is a smooth curve that slopes down towards its minimum near w = 1.`;
}
