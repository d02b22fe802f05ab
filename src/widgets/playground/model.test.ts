import { describe as suite, expect, it } from 'vitest';
import { defaults } from '../_shared/state';
import { learningRate, lrText, props } from './model';
import { architecture, classCount, featureText, lift, sizes } from './network';
import { BANDS, band, bandFill, regionPaths, tint } from './regions';
import { GRID } from './view';
import { describe, pct, place, unitText } from './text';
import { levelFill, thumbSvg, unitLevel, unitsMarkup } from './units';

const base = defaults(props);

suite('classifier playground model', () => {
  it('reads the settings: classes per dataset, a log-scale learning rate, the layer widths', () => {
    expect(classCount({ data: 'spiral', classes: 4 })).toBe(4);
    expect(classCount({ data: 'blobs', classes: 5 })).toBe(5);
    expect(classCount({ data: 'xor', classes: 5 })).toBe(2);
    expect(classCount({ data: 'circles', classes: 3 })).toBe(2);
    expect(learningRate({ lr: -2 })).toBeCloseTo(0.01, 12);
    expect(lrText(base)).toBe('0.5');
    expect(lrText({ lr: 1 })).toBe('10');
    expect(sizes({ ...base, layers: 3, width: 8, classes: 3 })).toEqual([2, 8, 8, 8, 3]);
    expect(architecture(base)).toBe('2-16-16-2 ReLU network');
    expect(architecture({ ...base, act: 'identity' })).toBe('2-16-16-2 linear (identity activation) network');
    expect(architecture({ ...base, layers: 0, x1x2: true })).toBe('3-2 softmax regression (no hidden layer)');
  });

  it('lifts each point with the ticked features, in a fixed order', () => {
    const v = { ...base, x1x2: true, x1sq: true, sin2: true };
    expect(featureText(v)).toBe('x₁, x₂, x₁², x₁x₂, sin πx₂');
    expect(sizes({ ...v, layers: 1, width: 4 })).toEqual([5, 4, 2]);
    const rows = lift(v, [0.5, -1, 1, 0.5]);
    expect(Array.from(rows.slice(0, 5))).toEqual([0.5, -1, 0.25, -0.5, Math.sin(-Math.PI)]);
    expect(Array.from(rows.slice(5))).toEqual([1, 0.5, 1, 0.5, 1]);
    expect(Array.from(lift(base, [0.5, -1]))).toEqual([0.5, -1]);
  });

  it('bands a probability from a tie (1/k) to certainty and tints class colours towards white', () => {
    expect(band(0.5, 2)).toBe(0);
    expect(band(1, 2)).toBe(BANDS - 1);
    expect(band(0.2, 5)).toBe(0);
    expect(band(Number.NaN, 3)).toBe(0);
    expect(tint('#0072B2', 0)).toBe('rgb(255 255 255)');
    expect(tint('#0072B2', 1)).toBe('rgb(0 114 178)');
    expect(bandFill(0, 0)).not.toBe(bandFill(0, 3));
  });

  it('draws the regions as one path per (class, band), merging each row’s runs', () => {
    const cls = new Uint8Array(GRID * GRID).map((_, i) => (i % GRID < GRID / 2 ? 0 : 1));
    const conf = new Float64Array(GRID * GRID).fill(0.99);
    const paths = regionPaths(
      { cls, conf },
      2,
      (x) => x * 100,
      (y) => -y * 100,
    );
    expect(paths).toHaveLength(2);
    expect(paths.every((p) => p.d.split('M').length - 1 === GRID)).toBe(true);
    expect(paths.map((p) => p.d).join('')).not.toMatch(/NaN/);
  });

  it('describes the figure in words without NaN before and after training', () => {
    expect(describe(base)).toContain('400 points of spirals with 2 classes (blue circles, orange diamonds)');
    expect(describe(base)).toContain('plain SGD at learning rate η = 0.5, minibatches of 32, with no L2 penalty');
    expect(pct(0.975)).toBe('97.5 %');
    expect(pct(Number.NaN)).toBe('undefined');
  });
});

suite('hidden-unit thumbnails', () => {
  const units = { n: 3, layers: [{ count: 2, values: Float64Array.from([-1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 5]) }] };

  it('names where a unit is lowest and highest, and its values there', () => {
    expect(place(0, 3)).toBe('bottom left');
    expect(place(4, 3)).toBe('centre');
    expect(place(7, 3)).toBe('top');
    expect(unitText(units, 0, 0)).toBe('unit 1: from −1.00 at the bottom left to 2.00 at the top right');
    expect(unitText(units, 0, 1)).toBe('unit 2: zero on 89 % of the square, up to 5.00 at the top right');
  });

  it('colours by the sign and size of the output, on each unit’s own scale', () => {
    expect(unitLevel(2, 2)).toBe(4);
    expect(unitLevel(-1, 2)).toBe(-2);
    expect(unitLevel(Number.NaN, 2)).toBe(0);
    expect(unitLevel(1, 0)).toBe(0);
    expect(levelFill(0)).toBe('rgb(255 255 255)');
    expect(levelFill(4)).toBe('rgb(230 159 0)');
    const svg = thumbSvg(units, 0, 0);
    expect(svg).toContain('<title>Hidden layer 1, unit 1: from −1.00 at the bottom left to 2.00 at the top right</title>');
    expect(svg).not.toMatch(/NaN/);
    expect(unitsMarkup(units).match(/<svg/g)).toHaveLength(2);
  });
});
