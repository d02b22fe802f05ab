/**
 * The multi-seed sweep behind `measured.sweepXor` / `measured.sweepParity` (about 30 s of CPU, so it runs only when
 * asked: `SWEEP=1 npx vitest run src/widgets/concept-depth/sweep.test.ts`).
 */
import { describe, expect, it } from 'vitest';
import { runToEnd } from '../_shared/run/contract';
import { defaults } from '../_shared/state';
import { firstDecodable, props } from './model';
import { measured } from './measured';
import { ConceptDepthRun } from './train';

describe.runIf(process.env['SWEEP'])('concept depth over seeds 1–8', () => {
  it('first decodable layer of XOR and of parity of three, per seed', () => {
    const seeds = [1, 2, 3, 4, 5, 6, 7, 8];
    const runs = seeds.map((seed) => runToEnd(new ConceptDepthRun({ ...defaults(props), seed })));
    const col = (c: number): Array<number | null> => runs.map((s) => firstDecodable(s.trained.map((row) => row[c]!)));
    expect(col(1)).toEqual(measured.sweepXor);
    expect(col(2)).toEqual(measured.sweepParity);
    expect(col(0)).toEqual(seeds.map(() => 0));
  }, 300_000);
});
