import { describe as suite, expect, it } from 'vitest';
import { defaults } from '../_shared/state';
import { renderSvg } from '../_shared/render-static';
import { XOR_POINTS } from '../_shared/xor';
import { ARTICLE, collapsed, correct, deadUnits, diagnose, hidden, mse, predict, props } from './model';
import { collapsedText, describe } from './text';
import { xorReluFigure } from './figure';

const article = { ...ARTICLE, relu: true };

suite('xor-relu-net model', () => {
  it('the article’s weights are the defaults and give XOR within 0.15 on every corner', () => {
    expect(defaults(props)).toMatchObject(article);
    for (const p of XOR_POINTS) expect(Math.abs(predict(article, p.x, p.y) - p.target)).toBeLessThan(0.15);
    expect(correct(article)).toBe(4);
    expect(diagnose(article)).toBe('');
  });

  it('computes ≈ ReLU(x₁ − x₂) + ReLU(x₂ − x₁) = |x₁ − x₂| on the square', () => {
    for (const [x1, x2] of [
      [0.2, 0.9],
      [0.7, 0.1],
      [0.5, 0.5],
    ] as const)
      expect(predict(article, x1, x2)).toBeCloseTo(Math.abs(x1 - x2), 1);
  });

  it('without the ReLU collapses to ŷ = a·x₁ + b·x₂ with (a, b) = u·W ≈ (−0.0016, −0.000036), which fails', () => {
    const linear = { ...article, relu: false };
    const { a, b } = collapsed(article);
    expect(a).toBeCloseTo(0.8707 * 1.1485 + 0.9815 * -1.0205, 12);
    expect(a).toBeCloseTo(-0.0016, 4);
    expect(Math.abs(b)).toBeLessThan(1e-4);
    for (const p of XOR_POINTS) expect(predict(linear, p.x, p.y)).toBeCloseTo(a * p.x + b * p.y, 12);
    expect(correct(linear)).toBe(2);
    expect(mse(linear)).toBeGreaterThan(0.49);
    expect(collapsedText(article)).toBe('ŷ = −0.0016·x₁ − 0.000036·x₂');
    expect(diagnose(linear)).toContain('no linear function fits XOR');
  });

  it('the hidden space makes the corners linearly separable for the output layer u·h = ½', () => {
    const h = XOR_POINTS.map((p) => hidden(article, p.x, p.y));
    const side = h.map(([h1, h2]) => article.u1 * h1 + article.u2 * h2 > 0.5);
    expect(side).toEqual(XOR_POINTS.map((p) => p.target === 1));
    expect(h[0]).toEqual([0, 0]);
    expect(h[3]?.[0]).toBeCloseTo(0, 3);
  });

  it('detects dead units (input ≤ 0 on all four corners) and explains them', () => {
    const oneDead = { ...article, w21: -0.5, w22: -0.2 };
    expect(deadUnits(oneDead)).toEqual([1]);
    expect(diagnose(oneDead)).toContain('Hidden unit 2 is dead');
    expect(diagnose(oneDead)).toContain('No unit fires on corner 01');
    const bothDead = { ...oneDead, w11: -1, w12: 0 };
    expect(deadUnits(bothDead)).toEqual([0, 1]);
    expect(mse(bothDead)).toBe(0.5);
    expect(diagnose(bothDead)).toContain('Both hidden units are dead');
  });

  it('describes the figure in words and draws at the extremes without NaN', () => {
    expect(describe(defaults(props))).toContain('All four corners');
    for (const w of [-3, 0, 3]) {
      const v = { ...defaults(props), w11: w, w12: w, w21: w, w22: w, u1: w, u2: w, relu: w > 0 };
      expect(describe(v)).not.toMatch(/NaN|undefined|Infinity/);
      expect(renderSvg(xorReluFigure(v))).not.toMatch(/NaN|Infinity/);
    }
  });
});
