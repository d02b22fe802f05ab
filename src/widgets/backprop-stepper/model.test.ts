import { describe, expect, it } from 'vitest';
import { rng } from '@beyond-linear/tensor';
import { STEPS, TOLERANCE, clampStep, fmtSci, props } from './model';
import { batch, stepperData } from './compute';
import { stepperSvg } from './figure';
import { describe as describeStep, readouts } from './text';

describe('backprop stepper: hand formula = autograd = finite differences', () => {
  const r = rng(2024);
  const cases = [[1, 1], [8, 50], ...Array.from({ length: 12 }, () => [1 + r.int(8), 1 + r.int(50)])] as const;
  for (const [t, seed] of cases) {
    it(`t = ${t}, seed = ${seed}: every step agrees within 1e-6`, () => {
      const data = stepperData(t, seed);
      expect(data.checks).toHaveLength(STEPS.length);
      for (const c of data.checks) {
        expect(Number.isFinite(c.max)).toBe(true);
        expect(c.max).toBeLessThanOrEqual(TOLERANCE);
      }
      for (const c of data.checks.slice(5)) expect(c.handFd).toBeDefined();
    });
  }

  it('has the notes’ shapes: f t×3, H 3×4, U 4×2, ∂ℓ/∂U 4×2, ∂ℓ/∂k t×4', () => {
    const { mats } = stepperData(5, 3);
    const shape = (m: number[][]): [number, number] => [m.length, m[0]?.length ?? 0];
    expect(shape(mats.f)).toEqual([5, 3]);
    expect(shape(mats.H)).toEqual([3, 4]);
    expect(shape(mats.U)).toEqual([4, 2]);
    expect(shape(mats.dU)).toEqual([4, 2]);
    expect(shape(mats.dk)).toEqual([5, 4]);
    expect(shape(mats.dbH)).toEqual([1, 4]);
  });

  it('∂ℓ/∂z = o − T row by row, each row summing to zero', () => {
    const { mats } = stepperData(6, 7);
    mats.dz.forEach((row, i) => {
      row.forEach((g, j) => expect(g).toBeCloseTo((mats.o[i]?.[j] ?? 0) - (mats.T[i]?.[j] ?? 0), 12));
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 12);
    });
  });

  it('keeps the first items and the weights when t grows', () => {
    const a = batch(2, 9);
    const b = batch(6, 9);
    expect(Array.from(b.f.data.slice(0, 6))).toEqual(Array.from(a.f.data));
    expect(b.labels.slice(0, 2)).toEqual(a.labels);
    expect(Array.from(b.H.data)).toEqual(Array.from(a.H.data));
  });
});

describe('backprop stepper: text and figure', () => {
  it('formats differences without NaN and clamps steps', () => {
    expect(fmtSci(3.2e-11)).toBe('3.2 × 10⁻¹¹');
    expect(fmtSci(0)).toBe('0');
    expect(fmtSci(Number.NaN)).toBe('undefined');
    expect(clampStep(-3)).toBe(0);
    expect(clampStep(99)).toBe(STEPS.length - 1);
    expect(props.step.max).toBe(STEPS.length);
  });

  it('names the shapes, and draws every step as an SVG of grids without NaN', () => {
    const data = stepperData(3, 1);
    expect(readouts(data, 6).shapes).toBe('h (3 × 4), ∂ℓ/∂z (3 × 2) → ∂ℓ/∂U (4 × 2)');
    for (let i = 0; i < STEPS.length; i++) {
      const svg = stepperSvg(data, i);
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).not.toMatch(/NaN|undefined|Infinity/);
      expect(describeStep(data, i)).not.toMatch(/NaN|undefined|Infinity/);
    }
  });
});
