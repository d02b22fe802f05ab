/**
 * The multi-seed sweep behind measured.ts: for seeds 1–10 at the default settings, the steps to purity@5 ≥ 0.8,
 * and purity@5 and analogy accuracy@1 after `MEASURE_STEPS` steps. Minutes of CPU, so it runs only on request:
 *
 *   SWEEP=1 npx vitest run src/widgets/window-trainer/sweep.test.ts
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../_shared/state';
import { props } from './model';
import { MEASURE_STEPS, measureRun } from './measure';

describe.runIf(process.env['SWEEP'])('window trainer sweep over seeds', () => {
  it('reaches purity 0.8 for every seed', () => {
    const rows = [];
    for (let seed = 1; seed <= 10; seed++) {
      const m = measureRun({ ...defaults(props), seed }, MEASURE_STEPS);
      rows.push({ seed, ...m });
      console.log(JSON.stringify({ seed, ...m }));
    }
    const worst = Math.max(...rows.map((r) => r.stepsTo08 ?? Infinity));
    console.log(
      `worst steps to 0.8: ${worst}; mean purity ${rows.reduce((s, r) => s + r.purity, 0) / rows.length}; mean analogy ${rows.reduce((s, r) => s + r.analogy, 0) / rows.length}`,
    );
    expect(worst).toBeLessThanOrEqual(MEASURE_STEPS);
  }, 3_600_000);
});
