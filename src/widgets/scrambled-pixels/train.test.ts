import { describe, expect, it } from 'vitest';
import { steps } from '../_shared/run/contract';
import { nodeDigits } from '../_shared/mnist-net/node';
import { ScrambleRun, type ScrambleSettings } from './train';

// A tiny run: 300 training and 100 test digits, one epoch (5 training steps after the three probes).
const tiny: ScrambleSettings = { seed: 2, blank: 'middle', digits: nodeDigits(), limit: { train: 300, test: 100 }, epochs: 1 };

/** Generous: a shared 2-core machine under load runs these several times slower than an idle one. */
const SLOW = { timeout: 120_000 };

describe('the scrambled-pixels run', () => {
  it('measures the raw probe, the scrambled probe and the lookup probe one per step, then trains the network to the end', SLOW, () => {
    const run = new ScrambleRun(tiny);
    const start = run.snapshot();
    expect([start.phase, start.raw, start.scrambled, start.lookup, start.net.accuracy]).toEqual(['probing', null, null, null, null]);
    expect(start.pi[0]).toBe(128);
    expect(start.sample.scrambled).toEqual(start.sample.raw.map((v) => start.pi[v]!));
    run.advance(steps(3));
    const probed = run.snapshot();
    expect(probed.phase).toBe('training');
    for (const a of [probed.raw, probed.scrambled, probed.lookup]) expect(a).toBeGreaterThan(0.05);
    run.advance(steps(100));
    expect(run.done).toBe(true);
    expect(run.progress()).toEqual({ steps: 8, fraction: 1, phase: 'finished' });
    expect(run.snapshot().net.accuracy).toBeGreaterThan(0);
  });

  it('gives the same numbers however the work is sliced', SLOW, () => {
    const a = new ScrambleRun(tiny);
    a.advance(steps(100));
    const b = new ScrambleRun(tiny);
    while (!b.done) b.advance(steps(1));
    const [sa, sb] = [a.snapshot(), b.snapshot()];
    expect([sb.raw, sb.scrambled, sb.lookup, sb.net.accuracy]).toEqual([sa.raw, sa.scrambled, sa.lookup, sa.net.accuracy]);
  });
});
