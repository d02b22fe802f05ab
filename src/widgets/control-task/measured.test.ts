import { describe, expect, it } from 'vitest';
import { nodeDigits } from '../_shared/mnist-net/node';
import { selectivity } from './model';
import { measurePairs } from './measure';
import { measured } from './measured';

// Seed 1, the widget's default run. Re-fitting every probe would cost minutes of CPU (the widest MLP probe on the
// 784 pixels above all), so this re-runs the clustering and the network, the linear probe on every layer and the widest
// MLP probe on the third hidden layer: the pairs the chapter quotes. Each probe is seeded on its own, so fitting a few
// gives the numbers of the full run; `npm run measure:controls -- control` computes them all (the figure's other points).
const LAYERS = measured.layers.length;
const WIDE = [3] as const;
const pairs = [...Array.from({ length: LAYERS }, (_, i) => ['linear', i] as const), ...WIDE.map((i) => ['mlp-256', i] as const)];

describe('the numbers the chapter quotes about control tasks', () => {
  const m = measurePairs(nodeDigits(), 1, pairs);
  const linear = measured.capacities.find((c) => c.capacity === 'linear')!;
  const wide = measured.capacities.find((c) => c.capacity === 'mlp-256')!;

  it('match measured.ts to ±0.002', () => {
    expect(m.netAccuracy).toBeCloseTo(measured.netAccuracy, 2);
    pairs.forEach(([c, i], k) => {
      const want = c === 'linear' ? linear : wide;
      expect(Math.abs(m.pairs[k]!.real - want.real[i]!), `${c} real ${i}`).toBeLessThanOrEqual(0.002);
      expect(Math.abs(m.pairs[k]!.control - want.control[i]!), `${c} control ${i}`).toBeLessThanOrEqual(0.002);
    });
  });

  it('tell the chapter’s story: the widest MLP probe learns the control task far better, and its selectivity collapses', () => {
    const sel = (c: { real: readonly number[]; control: readonly number[] }, i: number): number => selectivity(c.real[i]!, c.control[i]!);
    for (const i of [3, 4]) {
      expect(wide.control[i]! - linear.control[i]!, `control gain, layer ${i}`).toBeGreaterThan(0.15);
      expect(sel(wide, i), `selectivity, layer ${i}`).toBeLessThan(sel(linear, i) - 0.15);
    }
    // On every layer (all but the third hidden layer measured by the script only) the widest probe is less selective.
    for (let i = 0; i < LAYERS; i++) expect(sel(wide, i), `layer ${i}`).toBeLessThan(sel(linear, i) - 0.1);
    // On the raw pixels, where the clusters were made, the widest probe's control accuracy is highest and its selectivity lowest.
    expect(Math.max(...wide.control)).toBe(wide.control[0]);
    expect(Math.min(...wide.real.map((_, i) => sel(wide, i)))).toBe(sel(wide, 0));
  });
});
