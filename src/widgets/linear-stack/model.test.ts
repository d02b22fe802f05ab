import { describe, expect, it } from 'vitest';
import { defaults } from '../_shared/state';
import { collapse, collapseGap, network, PRESETS, props, separability, stages, type LinearStackValues } from './model';

const notes: LinearStackValues = { ...defaults(props), ...PRESETS.notes };

describe('linear-stack model', () => {
  it("maps XOR through the notes' transform to (−1,1), (0,0), (0,0), (1,−1)", () => {
    const hidden = stages(notes)
      .filter((p) => p.stage === 'hidden h')
      .map((p) => [p.x, p.y]);
    expect(hidden).toEqual([
      [-1, 1],
      [0, 0],
      [0, 0],
      [1, -1],
    ]);
  });

  it('collapses two affine layers into W1·W0 and W1·b0 + b1 exactly', () => {
    const v: LinearStackValues = { ...notes, ...PRESETS.rotate };
    const { W, b } = collapse(v);
    expect(W[0][0]).toBeCloseTo(2 * 0.7, 12);
    expect(W[1][0]).toBeCloseTo(0.5 * 0.7 + 0.7, 12);
    expect(b).toEqual([-1, 0]);
    expect(collapseGap(v)).toBeLessThan(1e-12);
  });

  it('stays non-separable with no nonlinearity, whatever the weights', () => {
    for (const preset of Object.values(PRESETS)) {
      const sep = separability(stages({ ...notes, ...preset }));
      expect(sep.output).toBeNull();
      expect(sep['hidden h']).toBeNull();
    }
  });

  it('a step or ReLU after the first layer makes the hidden points separable', () => {
    for (const between of ['step', 'relu'] as const) {
      const v = { ...notes, between };
      const sep = separability(stages(v));
      expect(sep['hidden h']).not.toBeNull();
      expect(collapseGap(v)).toBeGreaterThan(0.5);
    }
    expect(network({ ...notes, between: 'step' }, [0, 0]).hidden).toEqual([0, 1]);
  });
});
