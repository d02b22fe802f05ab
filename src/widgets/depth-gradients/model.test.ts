import { describe as suite, expect, it } from 'vitest';
import { textsOf } from '../_shared/format';
import { gradcheck, matmul, mul, param, sigmoid, sum, tensor } from '@beyond-linear/tensor';
import { defaults } from '../_shared/state';
import { describe, perLayerFactor, powerOfTen, props, rangeNote, ratio, readoutTexts, sci, verdict, WIDTH } from './model';
import { allChains, draw, gradientNorms } from './chain';
import { clampNorm, depthFigure, logAxis } from './figure';

const v = (patch: Partial<ReturnType<typeof defaults<typeof props>>> = {}) => ({ ...defaults(props), ...patch });
const norms = (patch: Parameters<typeof v>[0], a: 'sigmoid' | 'tanh' | 'relu') => allChains(v(patch)).find((r) => r.activation === a)?.norms ?? [];

suite('depth-gradients: the chain', () => {
  it('hands layer D a gradient of length 1 (the unit readout u)', () => {
    for (const r of allChains(v())) expect(r.norms.at(-1)).toBeCloseTo(1, 12);
  });

  it('sigmoid gradients shrink by at least 4× per layer on average at scale 1', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const n = norms({ seed, depth: 20, scale: 1 }, 'sigmoid');
      expect(perLayerFactor(n)).toBeLessThan(0.25);
      for (let l = 0; l + 1 < n.length; l++) expect(n[l]).toBeLessThan(n[l + 1] ?? 0);
    }
  });

  it('ReLU gradients do not vanish at the He scale √2 but do at scale 1 over 30 layers', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const he = norms({ seed, depth: 30, scale: 1.4 }, 'relu');
      expect(perLayerFactor(he)).toBeGreaterThan(0.8);
      expect(ratio(he)).toBeGreaterThan(1e-3);
      expect(ratio(norms({ seed, depth: 30, scale: 1.4 }, 'sigmoid'))).toBeLessThan(1e-12);
    }
  });

  it('ReLU gradients explode at scale 3', () => {
    expect(ratio(norms({ depth: 30, scale: 3 }, 'relu'))).toBeGreaterThan(1e6);
  });

  it('uses the same weights for every depth and activation (layer 1 is drawn first)', () => {
    const a = draw(7, 5);
    const b = draw(7, 20);
    expect(b.weights[4]).toEqual(a.weights[4]);
    expect(Math.hypot(...a.u)).toBeCloseTo(1, 12);
  });

  it('backward() agrees with central differences on a short sigmoid chain', () => {
    const d = draw(3, 3);
    const ws = d.weights.map((w) => tensor(w, [WIDTH, WIDTH]));
    const f = (x: ReturnType<typeof param>) =>
      sum(
        mul(
          ws.reduce((h, w) => sigmoid(matmul(h, w)), x),
          tensor(d.u, [1, WIDTH]),
        ),
      );
    expect(gradcheck(f, [param(d.x, [1, WIDTH])]).ok).toBe(true);
    const r = gradientNorms(d, 1, 'sigmoid');
    expect(r.norms).toHaveLength(3);
  });
});

suite('depth-gradients: text and extremes', () => {
  it('formats tiny and huge magnitudes in powers of ten', () => {
    expect(sci(3.2e-40)).toBe('3.2 × 10⁻⁴⁰');
    expect(sci(1.5e12)).toBe('1.5 × 10¹²');
    expect(sci(0.5)).toBe('0.500');
    expect(sci(0)).toBe('0 (exactly)');
    expect(powerOfTen(-300)).toBe('10⁻³⁰⁰');
  });

  it("shows what chapter 2's link #depth-gradients.depth=20 promises: about 10⁻¹² for sigmoid, four powers of ten for ReLU, about one at scale 1.4", () => {
    const at20 = v({ depth: 20 });
    const readouts = readoutTexts(at20, allChains(at20));
    const text = textsOf(readouts);
    expect(readouts['first']).toMatchObject({ value: expect.closeTo(1.8e-12, 13) });
    expect(text['ratio']).toBe('1.8 × 10⁻¹²');
    expect(text['factor']).toBe('0.241');
    expect(text['ratio-relu']).toBe('1.0 × 10⁻⁴');
    expect(text['verdict']).toContain('layer 1 receives 1.8 × 10⁻¹² times the gradient that layer 20 receives');
    const he = v({ depth: 20, scale: 1.4 });
    expect(textsOf(readoutTexts(he, allChains(he)))['ratio-relu']).toBe('0.0614');
  });

  it('says vanishing, exploding or preserved', () => {
    const say = (patch: Parameters<typeof v>[0], a: 'sigmoid' | 'relu') => verdict(v(patch), { activation: a, norms: norms(patch, a) });
    expect(say({ scale: 1 }, 'sigmoid')).toMatch(/^Vanishing/);
    expect(say({ scale: 3, depth: 20 }, 'relu')).toMatch(/^Exploding/);
    expect(say({ scale: 1.4, depth: 10, seed: 3 }, 'relu')).toMatch(/^Roughly preserved/);
    expect(say({ depth: 1 }, 'sigmoid')).toMatch(/one layer/);
  });

  it('never shows NaN and keeps the log axis finite at every corner of the settings', () => {
    for (const depth of [1, 30])
      for (const scale of [0.1, 3])
        for (const activation of ['sigmoid', 'tanh', 'relu'] as const) {
          const s = v({ depth, scale, activation });
          const results = allChains(s);
          const texts = [describe(s, results), ...Object.values(textsOf(readoutTexts(s, results)))].join(' ');
          expect(texts).not.toMatch(/NaN|undefined|Infinity/);
          const axis = logAxis(results);
          expect(axis.domain.every(Number.isFinite)).toBe(true);
          expect(depthFigure(s).marks?.length).toBeGreaterThan(2);
        }
  });

  it('clamps overflow and underflow for drawing and says so', () => {
    expect(clampNorm(Infinity)).toBe(1e300);
    expect(clampNorm(0)).toBe(1e-300);
    expect(rangeNote([{ activation: 'relu', norms: [0, 1] }])).toMatch(/underflowed/);
    expect(rangeNote([{ activation: 'relu', norms: [Infinity, 1] }])).toMatch(/overflowed/);
    expect(rangeNote(allChains(v()))).toBe('');
  });
});
