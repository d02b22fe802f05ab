import { describe, expect, it } from 'vitest';
import { defaults } from '../_shared/state';
import { checkData, model } from './compute';
import { checkSvg } from './figure';
import { STEPS, TOLERANCE, clampStep, props } from './model';
import { readouts } from './text';

const base = defaults(props);

describe('three ways to the gradient of E', () => {
  it('the seeded minibatch keeps its first windows when t grows, and repeats a word at the defaults', () => {
    expect(model(3, 2, 1).ids.map((j) => j + 1)).toEqual([2, 3, 6, 5, 6, 7]);
    expect(model(4, 2, 1).ids.slice(0, 6)).toEqual(model(3, 2, 1).ids);
    expect(model(3, 3, 1).ids.length).toBe(9);
  });

  it('every step agrees within the tolerance, and the readouts say so', () => {
    const d = checkData(base.t, base.n, base.seed);
    expect(d.checks).toHaveLength(STEPS.length);
    for (const c of d.checks) expect(c.max).toBeLessThanOrEqual(TOLERANCE);
    expect(base.step).toBe(1); // the widget opens at the lookup; the reader steps to the gradient
    const r = readouts(d, { ...base, step: 3 });
    expect(r.position).toBe('Step 3 of 3: ∂𝓛/∂E: the n blocks of each row of ∂ℓ/∂x added into the rows of E its words used, divided by t');
    expect(r.shapes).toBe('Shapes: word indices (3 × 2), ∂ℓ/∂x (3 × 6) → ∂𝓛/∂E by hand (8 × 3).');
    expect(r.used).toBe('5 of 8: 2, 3, 5, 6, 7');
    expect(r.check).toMatch(/^Hand vs autograd .* × 10⁻¹⁶, hand vs central differences 4\.3 × 10⁻¹⁰, .*all three agree to within 10⁻⁶\.$/);
    expect(r.entry).toMatch(
      /^Entry \(6, 1\) of ∂𝓛\/∂E: hand −?0\.\d{12}, autograd −?0\.\d{12}, central differences −?0\.\d{12}\. Row 6 was used 2 times in this minibatch\.$/,
    );
    expect(readouts(d, { ...base, row: 1 }).entry).toContain('Row 1 was not used by this minibatch, so hand and autograd give exactly 0');
  });

  it('the repeated row is the sum of its two blocks of ∂ℓ/∂x, divided by t', () => {
    const d = checkData(3, 2, 1);
    // Row 6 (index 5) is item 2's first word and item 3's first word.
    const want = [0, 1, 2].map((c) => ((d.mats.dx[1]?.[c] ?? 0) + (d.mats.dx[2]?.[c] ?? 0)) / 3);
    d.mats.dE[5]!.forEach((g, c) => expect(g).toBeCloseTo(want[c]!, 15));
  });

  it('draws each step with its shapes; the last step shows all three versions', () => {
    const first = checkSvg(checkData(3, 2, 1), { ...base, step: 1 });
    for (const label of ['x block 1 (3 × 3)', 'x block 2 (3 × 3)']) expect(first).toContain(label);
    const last = checkSvg(checkData(3, 2, 1), { ...base, step: 3 });
    for (const label of ['∂𝓛/∂E by hand (8 × 3)', '∂𝓛/∂E autograd (8 × 3)', '∂𝓛/∂E central diff. (8 × 3)']) expect(last).toContain(label);
    expect(clampStep(9)).toBe(2);
  });
});

describe('the predict-then-check exercise', () => {
  it('with t = 1 only item 1’s rows are left, and row 2 is exactly three times its t = 3 value', () => {
    const [three, one] = [checkData(3, 2, 1), checkData(1, 2, 1)];
    expect(three.used.map((j) => j + 1)).toEqual([2, 3, 5, 6, 7]);
    expect(one.used.map((j) => j + 1)).toEqual([2, 3]);
    one.mats.dE[1]!.forEach((g, c) => expect(g).toBeCloseTo(3 * three.mats.dE[1]![c]!, 15));
    expect(one.mats.dE[5]).toEqual([0, 0, 0]);
  });
});
