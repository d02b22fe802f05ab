import { describe, expect, it } from 'vitest';
import { steps } from '../_shared/run/contract';
import { nodeDigits } from '../_shared/mnist-net/node';
import { ControlRun, type ControlSettings } from './train';
import { CLUSTERS } from './model';

// A tiny run: 400 training and 100 test digits (k = 100 clusters over 500), one epoch, linear probes only.
const tiny: ControlSettings = { seed: 3, digits: nodeDigits(), limit: { train: 400, test: 100 }, epochs: 1, capacities: ['linear'] };

/** Generous: a shared 2-core machine under load runs these several times slower than an idle one. */
const SLOW = { timeout: 120_000 };

describe('the control-task run', () => {
  it('clusters, trains, then fits a real and a control probe per layer, one piece of work per step', SLOW, () => {
    const run = new ControlRun(tiny);
    expect(run.snapshot().phase).toBe('clustering');
    run.advance(steps(1));
    const clustered = run.snapshot();
    expect(clustered.phase).toBe('training');
    expect(clustered.clusterSizes).toHaveLength(CLUSTERS);
    expect(clustered.clusterSizes!.reduce((a, b) => a + b, 0)).toBe(500);
    run.advance(steps(7)); // ⌈400 / 64⌉ training steps
    expect(run.snapshot().phase).toBe('probing');
    run.advance(steps(1000));
    const end = run.snapshot();
    expect(end.phase).toBe('finished');
    expect(end.results.map((r) => r.layer)).toEqual(['pixels', 'hidden 1', 'hidden 2', 'hidden 3', 'output']);
    for (const r of end.results) {
      expect(r.real).toBeGreaterThan(0.1);
      expect(r.control).toBeGreaterThanOrEqual(0);
    }
    expect(run.progress().fraction).toBe(1);
  });

  it('gives the same numbers however the work is sliced', SLOW, () => {
    const a = new ControlRun(tiny);
    a.advance(steps(1000));
    const b = new ControlRun(tiny);
    while (!b.done) b.advance(steps(3));
    expect(b.snapshot().results).toEqual(a.snapshot().results);
  });
});
