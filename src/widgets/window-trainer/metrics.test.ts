import { describe, expect, it } from 'vitest';
import { rng } from '@beyond-linear/tensor';
import { CATEGORY_INDEX, idOf } from './grammar';
import { analogyAccuracy, chancePurity, purity, randomPurity, solveAnalogy } from './metrics';

describe('purity@k', () => {
  it('is 1 for a table whose rows are their category plus small noise, and 0 when every neighbour is of another category', () => {
    const r = rng(1);
    const category = [0, 0, 0, 1, 1, 1, -1];
    const centre = [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ];
    const table = Float64Array.from(category.flatMap((c) => centre[c < 0 ? 2 : c]!.map((x) => x + 0.01 * r.normal())));
    expect(purity(table, 3, category, 2)).toBe(1);
    // Each word's 2 nearest are the other category's words: purity 0.
    const crossed = Float64Array.from([1, 0, 0, 1, 0.01, 0, 0, 1, 0, 0, 1, 0.01, 0, 0, 1]);
    expect(purity(crossed, 3, [0, 1, 0, 1, -1], 1)).toBe(0);
  });

  it('scores random tables near chance, about 1 / (number of categories)', () => {
    const chance = chancePurity(CATEGORY_INDEX);
    expect(chance).toBeCloseTo(0.1015, 3);
    const random = randomPurity(CATEGORY_INDEX, 16, 1, 10);
    expect(Math.abs(random - chance)).toBeLessThan(0.02);
  });
});

describe('analogies', () => {
  it('finds d = a − b + c by cosine with a, b and c left out, and counts accuracy@1', () => {
    // Two features (number, gender) and an identity per word pair, built so the analogies hold exactly.
    const words = ['king', 'queen', 'kings', 'queens', 'man', 'woman'];
    const rows = [
      [1, 0, 0, 2],
      [1, 0, 1, 2],
      [1, 1, 0, 2],
      [1, 1, 1, 2],
      [1, 0, 0, -2],
      [1, 0, 1, -2],
    ];
    const table = Float64Array.from(rows.flat());
    const id = (w: string): number => words.indexOf(w);
    const x = { a: id('king'), b: id('man'), c: id('woman'), d: id('queen'), relation: 'gender' as const };
    expect(solveAnalogy(table, 4, x)).toBe(id('queen'));
    const wrong = { ...x, d: id('kings') };
    expect(analogyAccuracy(table, 4, [x, wrong])).toBe(0.5);
    expect(analogyAccuracy(table, 4, [])).toBe(0);
  });

  it('never answers with a, b or c even when one of them is nearest', () => {
    const table = Float64Array.from([1, 0, 1, 0.01, 0, 1, 0.7, 0.7]);
    expect(solveAnalogy(table, 2, { a: 0, b: 2, c: 1 })).toBe(3);
    expect(idOf('queen')).toBeGreaterThan(0);
  });
});
