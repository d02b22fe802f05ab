import { describe, expect, it } from 'vitest';
import { nodeDigits } from '../_shared/mnist-net/node';
import { measureProbes, measureScramble } from './measure';
import { measured } from './measured';

// Seed 1 on the subset `measure.ts` names: the widget's own run, plus the same network on the raw digits.
describe('the numbers the chapter quotes about scrambled pixels', () => {
  const m = measureScramble(nodeDigits(), 1, 'middle');
  const r = measureProbes(nodeDigits(), 1, 'random');

  it('match measured.ts (same code, same seed: exactly, up to float printing)', () => {
    expect(m.blank).toBe(measured.blank);
    expect(m.raw).toBeCloseTo(measured.raw, 6);
    expect(m.scrambled).toBeCloseTo(measured.scrambled, 6);
    expect(m.lookup).toBeCloseTo(measured.lookup, 6);
    expect(m.netScrambled).toBeCloseTo(measured.netScrambled, 6);
    expect(m.netRaw).toBeCloseTo(measured.netRaw, 6);
  });

  it('with blank left where the shuffle puts it, the linear probe keeps more: ink still lies mostly on one side of blank', () => {
    expect(r.blank).toBe(measured.randomBlank.blank);
    expect(r.scrambled).toBeCloseTo(measured.randomBlank.scrambled, 6);
    expect(r.lookup).toBeCloseTo(m.lookup, 12);
    expect(r.scrambled).toBeGreaterThan(m.scrambled + 0.15);
  });

  it('tell the chapter’s story: the linear probe collapses to near chance, the lookup probe does not', () => {
    expect(m.scrambled).toBeLessThan(0.2);
    expect(m.raw - m.scrambled).toBeGreaterThan(0.6);
    expect(m.lookup).toBeGreaterThan(0.75);
    // The retrained network learns something, well above the linear probe, yet far below the same network on raw pixels.
    expect(m.netScrambled).toBeGreaterThan(m.scrambled + 0.05);
    expect(m.netRaw - m.netScrambled).toBeGreaterThan(0.4);
  });
});
