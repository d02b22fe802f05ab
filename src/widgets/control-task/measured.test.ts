import { describe, expect, it } from 'vitest';
import { nodeDigits } from '../_shared/mnist-net/node';
import { selectivity } from './model';
import { measureControl } from './measure';
import { measured } from './measured';

// Seed 1 on the subset `measure.ts` names. Only the capacities the chapter quotes are re-run (the others cost CPU and
// are drawn in the figure only); each probe is seeded on its own, so leaving capacities out changes no number.
describe('the numbers the chapter quotes about control tasks', () => {
  const m = measureControl(nodeDigits(), 1, ['linear', 'mlp-256']);
  const quoted = measured.capacities.filter((c) => c.capacity === 'linear' || c.capacity === 'mlp-256');

  it('match measured.ts to ±0.002', () => {
    expect(m.netAccuracy).toBeCloseTo(measured.netAccuracy, 2);
    expect(m.layers).toEqual(measured.layers);
    m.capacities.forEach((c, k) => {
      const want = quoted[k]!;
      expect(c.capacity).toBe(want.capacity);
      c.real.forEach((a, i) => expect(Math.abs(a - want.real[i]!), `${c.capacity} real ${i}`).toBeLessThanOrEqual(0.002));
      c.control.forEach((a, i) => expect(Math.abs(a - want.control[i]!), `${c.capacity} control ${i}`).toBeLessThanOrEqual(0.002));
    });
  });

  it('tell the chapter’s story: the widest MLP probe is less selective than the linear probe on every layer but one', () => {
    const [lin, wide] = m.capacities.map((c) => c.real.map((r, i) => selectivity(r, c.control[i]!)));
    const lower = lin!.filter((s, i) => wide![i]! < s).length;
    expect(lower).toBeGreaterThanOrEqual(4);
    expect(lin![0]! - wide![0]!).toBeGreaterThan(0.05);
  });
});
