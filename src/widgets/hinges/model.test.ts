import { describe as suite, expect, it } from 'vitest';
import { defaults } from '../_shared/state';
import { renderSvg } from '../_shared/render-static';
import { XS, hingesFromNet, mse, netAt, netFromHinges, props, sliderHinges, sumAt, type HingeValues } from './model';
import { describe, formula } from './text';
import { hingesFigure } from './figure';

const base = defaults(props);

suite('hinges model', () => {
  it('the hinge sum equals the 1-N-1 network’s forward pass, both ways', () => {
    const v: HingeValues = { ...base, n: 4, d1: 'left', k2: 3.9, a3: -2.5 };
    const net = netFromHinges(v);
    for (const x of XS) expect(netAt(net, x)).toBeCloseTo(sumAt(v, x), 12);
    const trained = { w: [0.7, -1.3, 0, 2], b: [0.2, 0.5, 0.8, -3], u: [1.1, -0.4, 0.9, 0.3], c: 0.25 };
    const back = { ...base, n: 4, ...hingesFromNet(trained) };
    for (const x of XS) expect(sumAt(back, x)).toBeCloseTo(netAt(trained, x), 12);
  });

  it('reads a unit’s kink as −b/w and its slope as u·|w|', () => {
    const h = hingesFromNet({ w: [-2], b: [1], u: [0.5], c: 0 });
    expect(h).toMatchObject({ k0: 0.5, a0: 1, d0: 'left' });
  });

  it('slider values keep the function on [−π, π] when a kink lies beyond the slider', () => {
    const exact = hingesFromNet({ w: [0.1, 1], b: [0.9, 0.2], u: [2, 1], c: 0 }); // kink 0 at x = −9
    expect(exact.k0).toBeCloseTo(-9);
    const v = { ...base, n: 2, ...exact };
    const s = { ...base, n: 2, ...sliderHinges(exact, 2) };
    expect(s.k0).toBe(-4);
    for (const x of XS) expect(sumAt(s, x)).toBeCloseTo(sumAt(v, x), 3);
  });

  it('the default two hinges make a ramp, and four get much closer to sin', () => {
    expect(sumAt(base, -3)).toBeCloseTo(-0.975);
    expect(sumAt(base, 3)).toBeCloseTo(0.975);
    expect(mse({ ...base, n: 4 })).toBeLessThan(mse(base));
    expect(formula(base)).toBe('f(x) = −0.97 + 0.65·ReLU(x + 1.50) − 0.65·ReLU(x − 1.50)');
  });

  it('describes and draws every target without NaN, even at the extremes', () => {
    for (const target of props.target.options)
      for (const k of [-4, 0, 4]) {
        const v = { ...base, target, n: 8, k0: k, a0: 4, c: -4 };
        expect(describe(v)).not.toMatch(/NaN|undefined|Infinity/);
        expect(renderSvg(hingesFigure(v))).not.toMatch(/NaN|Infinity/);
      }
  });
});
