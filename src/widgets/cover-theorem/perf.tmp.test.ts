import { it } from 'vitest';
import { estimateAll } from './estimate';
import { maxDeviation } from './model';
it('perf', () => {
  for (const v of [{ d: 2, trials: 200, seed: 1 }, { d: 10, trials: 1000, seed: 1 }, { d: 5, trials: 1000, seed: 1 }]) {
    const t = performance.now(); const e = estimateAll(v);
    console.log(JSON.stringify(v), (performance.now() - t).toFixed(0), 'ms', JSON.stringify(maxDeviation(e, v.d)));
  }
}, 60000);
