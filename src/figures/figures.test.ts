import { describe, expect, it } from 'vitest';
import { renderSvg } from '../widgets/_shared/render-static';
import { diagonal, midpoint, xorSquareDescription, xorSquareFigure } from './xor-square';
import { WEIGHTS, staircaseDescription, staircaseFigure, staircaseLoss } from './staircase';
import { backpropGraph, backpropGraphDescription, backpropGraphSvg, vec } from './backprop-graph';

describe('the XOR square', () => {
  it('joins each class by a diagonal, and both diagonals share the midpoint (½, ½)', () => {
    expect(diagonal(1)).toEqual([
      { x: 0, y: 1 },
      { x: 1, y: 0 },
    ]);
    expect(midpoint(0)).toEqual({ x: 0.5, y: 0.5 });
    expect(midpoint(1)).toEqual(midpoint(0));
    const svg = renderSvg(xorSquareFigure());
    expect(svg).toContain('shared midpoint (½, ½)');
    expect(svg).toContain('(1, 0) → 1');
    expect(xorSquareDescription).toContain('(½, ½)');
  });
});

describe('the staircase loss', () => {
  it('is 1/4, 0 and 1/4 on three plateaus for step units', () => {
    expect(staircaseLoss('step', -0.5)).toBe(0.25);
    expect(staircaseLoss('step', 0.5)).toBe(0.25);
    expect(staircaseLoss('step', 0.51)).toBe(0);
    expect(staircaseLoss('step', 1.5)).toBe(0);
    expect(staircaseLoss('step', 1.51)).toBe(0.25);
    const levels = new Set(WEIGHTS.map((w) => staircaseLoss('step', w)));
    expect([...levels].sort()).toEqual([0, 0.25]);
    expect(staircaseDescription()).toMatch(/^With step units the loss is 0\.25 for every w up to 0\.5, 0\.00 between 0\.5 and 1\.5, and 0\.25 beyond 1\.5/);
  });

  it('has a slope everywhere with sigmoid units, downhill towards the middle', () => {
    const slope = (w: number): number => (staircaseLoss('sigmoid', w + 1e-4) - staircaseLoss('sigmoid', w - 1e-4)) / 2e-4;
    expect(slope(-0.5)).toBeLessThan(-1e-3);
    expect(slope(2.5)).toBeGreaterThan(1e-3);
    expect(staircaseLoss('sigmoid', 1)).toBeCloseTo(0.0056, 4);
    expect(staircaseLoss('sigmoid', 0.5)).toBeLessThan(staircaseLoss('sigmoid', -0.5));
    expect(renderSvg(staircaseFigure())).not.toMatch(/NaN/);
  });
});

describe('the computational graph', () => {
  it("shows the stepper's forward values and gradients, consistent with each other", () => {
    const { nodes } = backpropGraph(1);
    const [, k, h, z, o, loss] = nodes;
    // h = ReLU(k); ∂ℓ/∂k is ∂ℓ/∂h where k > 0 and 0 elsewhere; ∂ℓ/∂z = o − T with T one-hot
    expect(h?.value).toEqual(k?.value.map((x) => Math.max(0, x)));
    k?.value.forEach((x, i) => expect(k.grad[i]).toBeCloseTo(x > 0 ? (h?.grad[i] ?? NaN) : 0, 12));
    expect(z?.grad.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 12);
    expect(o?.value.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const { label } = backpropGraph(1);
    expect(loss?.value[0]).toBeCloseTo(-Math.log(o?.value[label] ?? NaN), 12);
  });

  it('writes rows with two decimals and true minus signs, and never NaN', () => {
    expect(vec([0.123, -1.3, -0.001])).toBe('(0.12, −1.30, 0.00)');
    const svg = backpropGraphSvg(1);
    expect(svg).toContain('∂ℓ/∂z = o − T');
    expect(svg).not.toMatch(/NaN|undefined/);
    expect(backpropGraphDescription(1)).toMatch(/^A computational graph for one item: x \(/);
  });
});
