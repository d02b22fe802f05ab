import { describe as suite, expect, it } from 'vitest';
import { defaults } from '../_shared/state';
import { architecture, classCount, learningRate, lrText, props, sizes } from './model';
import { BANDS, band, bandFill, regionPaths, tint } from './regions';
import { GRID } from './view';
import { describe, pct } from './text';

const base = defaults(props);

suite('classifier playground model', () => {
  it('reads the settings: classes per dataset, a log-scale learning rate, the layer widths', () => {
    expect(classCount({ data: 'spiral', classes: 4 })).toBe(4);
    expect(classCount({ data: 'blobs', classes: 5 })).toBe(5);
    expect(classCount({ data: 'xor', classes: 5 })).toBe(2);
    expect(classCount({ data: 'circles', classes: 3 })).toBe(2);
    expect(learningRate({ lr: -2 })).toBeCloseTo(0.01, 12);
    expect(lrText(base)).toBe('0.02');
    expect(lrText({ lr: 1 })).toBe('10');
    expect(sizes({ ...base, layers: 3, width: 8, classes: 3 })).toEqual([2, 8, 8, 8, 3]);
    expect(architecture(base)).toBe('2-16-16-2 ReLU network');
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
    expect(pct(0.975)).toBe('97.5 %');
    expect(pct(Number.NaN)).toBe('undefined');
  });
});
