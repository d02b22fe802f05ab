import { describe, expect, it } from 'vitest';
import { runToEnd } from '../_shared/run/contract';
import { defaults } from '../_shared/state';
import { COMPLEXITIES, firstDecodable, props } from './model';
import { measured } from './measured';
import { ConceptDepthRun } from './train';

describe('concept depth: the numbers chapter 5 quotes (default settings, seed 1)', () => {
  const s = runToEnd(new ConceptDepthRun(defaults(props)));
  const column = (grid: typeof s.trained, c: number): number[] => grid.map((row) => row[c]!);

  it('first decodable layer per concept, exactly', () => {
    expect(COMPLEXITIES.map((_, c) => firstDecodable(column(s.trained, c)))).toEqual(measured.depths);
    expect(COMPLEXITIES.slice(1).map((_, c) => firstDecodable(column(s.init, c + 1)))).toEqual([null, null]);
  });

  it('probe accuracies after training and at initialisation (to 3 decimals)', () => {
    expect(s.trained[1]![1]).toBeCloseTo(measured.xorAt1, 3);
    expect(s.trained[1]![2]).toBeCloseTo(measured.parityAt1, 3);
    expect(s.trained[2]![2]).toBeCloseTo(measured.parityAt2, 3);
    expect(s.trained[0]![1]).toBeCloseTo(measured.xorAt0, 3);
    expect(s.trained[0]![2]).toBeCloseTo(measured.parityAt0, 3);
    expect(Math.max(...column(s.init, 1))).toBeCloseTo(measured.xorInitBest, 3);
    expect(Math.max(...column(s.init, 2))).toBeCloseTo(measured.parityInitBest, 3);
    column(s.init, 0)
      .slice(1)
      .forEach((a, i) => expect(a).toBeCloseTo(measured.bitInit[i]!, 3));
    expect(Math.min(...s.heads)).toBeCloseTo(measured.headsMin, 3);
  });
});
