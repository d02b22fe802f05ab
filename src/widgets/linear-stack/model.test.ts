import { describe, expect, it } from 'vitest';
import { defaults } from '../_shared/state';
import { collapse, collapseGap, layers, network, PRESETS, props, separability, stages, type LinearStackValues } from './model';
import { readouts } from './text';

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

  it("starts at chapter 1's notes' transform, printed as the chapter prints it: W⁽¹⁾ = [1 −1; 1 −1], b⁽¹⁾ = [−1 1]", () => {
    const { W1, b1, W2, b2 } = layers(defaults(props));
    expect(W1).toEqual([
      [1, -1],
      [1, -1],
    ]);
    expect(b1).toEqual([-1, 1]);
    expect(W2).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(b2).toEqual([0, 0]);
    expect({ ...defaults(props), ...PRESETS.notes }).toEqual(defaults(props));
    // k₁ = x₁ + x₂ − 1, k₂ = −x₁ − x₂ + 1 at (1, 0), as in the chapter's table.
    expect(network(notes, [1, 0]).hidden).toEqual([0, 0]);
    expect(network(notes, [1, 1]).hidden).toEqual([1, -1]);
  });

  it("collapses the chapter's exercise to W′ = W⁽¹⁾W⁽²⁾ = [1 2; 1 4] and b′ = b⁽¹⁾W⁽²⁾ + b⁽²⁾ = [2 5]", () => {
    const v: LinearStackValues = {
      ...notes,
      ...{ W1_00: 1, W1_01: 0, W1_10: 2, W1_11: 1, b1_00: 1, b1_01: -1 },
      ...{ W2_00: 1, W2_01: 2, W2_10: -1, W2_11: 0, b2_00: 0, b2_01: 3 },
    };
    expect(collapse(v)).toEqual({
      W: [
        [1, 2],
        [1, 4],
      ],
      b: [2, 5],
    });
    // The chapter's check at x = (1, 1): (1, 1)W′ + b′ = (4, 11).
    expect(network(v, [1, 1]).out).toEqual([4, 11]);
    expect(readouts(v).W).toBe('[1.00 2.00; 1.00 4.00]');
    expect(readouts(v).b).toBe('[2.00 5.00]');
    expect(collapseGap(v)).toBe(0);
  });

  it('collapses the rotate preset into W⁽¹⁾W⁽²⁾ and b⁽¹⁾W⁽²⁾ + b⁽²⁾ exactly', () => {
    const v: LinearStackValues = { ...notes, ...PRESETS.rotate };
    const { W, b } = collapse(v);
    expect(W[0][0]).toBeCloseTo(0.7 * 2, 12);
    expect(W[0][1]).toBeCloseTo(0.7 * 0.5 + 0.7, 12);
    expect(W[1][0]).toBeCloseTo(-0.7 * 2, 12);
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
