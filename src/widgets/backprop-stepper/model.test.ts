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
      for (const c of data.checks.slice(5))
        expect(c.handFd ?? Number.POSITIVE_INFINITY, 'hand vs finite differences is measured').toBeLessThanOrEqual(TOLERANCE);
    });
  }

  it('has the notes’ shapes: X t×3, H 3×4, U 4×2, ∂𝓛/∂U 4×2, ∂ℓ/∂k t×4', () => {
    const { mats } = stepperData(5, 3);
    const shape = (m: number[][]): [number, number] => [m.length, m[0]?.length ?? 0];
    expect(shape(mats.X)).toEqual([5, 3]);
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
    expect(Array.from(b.X.data.slice(0, 6))).toEqual(Array.from(a.X.data));
    expect(b.labels.slice(0, 2)).toEqual(a.labels);
    expect(Array.from(b.H.data)).toEqual(Array.from(a.H.data));
  });
});

describe('backprop stepper: text and figure', () => {
  it('writes each equation in the book’s notation: X for the inputs, 𝓛 for the mean loss and its parameter gradients, 1_t for the row of ones', () => {
    const data = stepperData(3, 1);
    expect(STEPS.map((_, i) => readouts(data, i).equation)).toEqual([
      'k = XH + b_H',
      'h = ReLU(k) = max(0, k)',
      'z = hU + b_U',
      'o = softmax(z), row by row',
      '𝓛 = −(1/t) Σ log o_y',
      '∂ℓ/∂z = o − T',
      '∂𝓛/∂U = hᵀ ∂ℓ/∂z / t',
      '∂𝓛/∂b_U = 1_t ∂ℓ/∂z / t',
      '∂ℓ/∂h = ∂ℓ/∂z Uᵀ',
      '∂ℓ/∂k = ∂ℓ/∂h ⊙ [k ≥ 0]',
      '∂𝓛/∂H = Xᵀ ∂ℓ/∂k / t',
      '∂𝓛/∂b_H = 1_t ∂ℓ/∂k / t',
    ]);
    expect(STEPS[0]?.tex).toBe('\\mathbf{k} = XH + \\mathbf{b}_H');
    expect(STEPS[10]?.tex).toBe('\\partial\\mathcal{L}/\\partial H = X^\\top (\\partial\\ell/\\partial\\mathbf{k}) / t');
    expect(describeStep(data, 5)).toContain('autograd and finite differences of the mean loss 𝓛 are multiplied by t');
  });

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
    expect(readouts(data, 6).shapes).toBe('h (3 × 4), ∂ℓ/∂z (3 × 2) → ∂𝓛/∂U (4 × 2)');
    expect(readouts(data, 10).shapes).toBe('X (3 × 3), ∂ℓ/∂k (3 × 4) → ∂𝓛/∂H (3 × 4)');
    expect(readouts(data, 4).shapes).toBe('o (3 × 2), y (3 × 1) → 𝓛 (1 × 1)');
    for (let i = 0; i < STEPS.length; i++) {
      const svg = stepperSvg(data, i);
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).not.toMatch(/NaN|undefined|Infinity/);
      expect(describeStep(data, i)).not.toMatch(/NaN|undefined|Infinity/);
    }
  });
});
