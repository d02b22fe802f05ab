import { describe, expect, it } from 'vitest';
import { steps } from '../_shared/run/contract';
import { COMPLEXITIES, TRAIN_STEPS, type ConceptValues } from './model';
import { ConceptDepthRun, headsLoss, makeData } from './train';
import { rng, tensor } from '@beyond-linear/tensor';

const small: ConceptValues = { seed: 4, layers: 2, width: 8, noise: 2 };

describe('concept depth run', () => {
  it('labels in the data follow the concepts, and the head loss is the mean of the heads’ cross-entropies', () => {
    const d = makeData(small, 50, rng(1));
    expect(d.x.shape).toEqual([50, 8]);
    for (let i = 0; i < 50; i++) expect(d.labels[1]![i]).toBe(d.x.data[i * 8 + 1]! * d.x.data[i * 8 + 2]! < 0 ? 1 : 0);
    const zero = headsLoss(
      tensor(new Float64Array(4 * 2 * COMPLEXITIES.length), [4, 2 * COMPLEXITIES.length]),
      [0, 1, 2].map(() => Int32Array.from([0, 1, 0, 1])),
    );
    expect(zero.item()).toBeCloseTo(Math.log(2), 12);
  });

  it('probes the untrained network first, then trains, then probes again; the same run however it is sliced', () => {
    const probes = (small.layers + 1) * COMPLEXITIES.length;
    const a = new ConceptDepthRun(small);
    a.advance(steps(probes));
    expect(a.snapshot().phase).toBe('training');
    expect(
      a
        .snapshot()
        .init.flat()
        .every((x) => x !== null),
    ).toBe(true);
    a.advance(steps(300));
    const b = new ConceptDepthRun(small);
    for (let i = 0; i < 10; i++) b.advance(steps(11));
    b.advance(steps(probes + 300 - 110));
    expect(b.snapshot()).toEqual(a.snapshot());
    expect(a.snapshot().steps).toBe(300);
    expect(a.progress().fraction).toBeGreaterThan(0);
    expect(a.progress().fraction).toBeLessThan(1);
    expect(TRAIN_STEPS).toBe(1500);
  }, 30_000);
});
