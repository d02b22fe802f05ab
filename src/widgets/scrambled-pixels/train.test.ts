import { describe, expect, it } from 'vitest';
import { steps } from '../_shared/run/contract';
import { nodeDigits } from '../_shared/mnist-net/node';
import { LOOKUP, type LookupNet } from '../_shared/mnist-net';
import { ScrambleRun, tableByValue, type ScrambleSettings } from './train';

// A tiny run: 300 training and 100 test digits, one epoch (5 training steps per network after the three probes).
const tiny: ScrambleSettings = { seed: 2, blank: 'middle', digits: nodeDigits(), limit: { train: 300, test: 100 }, epochs: 1 };

/** Generous: a shared 2-core machine under load runs these several times slower than an idle one. */
const SLOW = { timeout: 120_000 };

describe('the scrambled-pixels run', () => {
  it('measures the raw probe, the scrambled probe and the lookup probe one per step, then trains the three networks in turn', SLOW, () => {
    const run = new ScrambleRun(tiny);
    const start = run.snapshot();
    expect([start.phase, start.raw, start.scrambled, start.lookup, start.table]).toEqual(['probing', null, null, null, null]);
    expect(Object.keys(start.nets)).toEqual(['raw', 'plain', 'lookup']);
    expect(start.pi[0]).toBe(128);
    expect(start.sample.scrambled).toEqual(start.sample.raw.map((v) => start.pi[v]!));
    run.advance(steps(3));
    const probed = run.snapshot();
    expect(probed.phase).toBe('training');
    for (const a of [probed.raw, probed.scrambled, probed.lookup]) expect(a).toBeGreaterThan(0.05);
    run.advance(steps(5));
    const first = run.snapshot();
    expect(first.nets.raw!.accuracy).toBeGreaterThan(0.1);
    expect(first.nets.plain!.epoch).toBe(0);
    run.advance(steps(100));
    expect(run.done).toBe(true);
    expect(run.progress()).toEqual({ steps: 18, fraction: 1, phase: 'finished' });
    const end = run.snapshot();
    for (const n of Object.values(end.nets)) expect(n.trainAccuracy).toBeGreaterThan(0.1);
    // The lookup network's table moved from 0 in five steps, except blank's row, which stays 0.
    expect(end.table![0]).toBe(0);
    expect(Math.max(...end.table!.map(Math.abs))).toBeGreaterThan(0.01);
    expect(end.tableR).toBeGreaterThan(-1);
  });

  // The plain networks are MnistRuns, whose slicing mnist-net's tests check; here the probes and the lookup network.
  it('gives the same numbers however the work is sliced', SLOW, () => {
    const one: ScrambleSettings = { ...tiny, nets: ['lookup'] };
    const a = new ScrambleRun(one);
    a.advance(steps(100));
    const b = new ScrambleRun(one);
    while (!b.done) b.advance(steps(1));
    const [sa, sb] = [a.snapshot(), b.snapshot()];
    expect([sb.raw, sb.scrambled, sb.lookup, sb.nets, sb.table]).toEqual([sa.raw, sa.scrambled, sa.lookup, sa.nets, sa.table]);
  });

  it('feeds the lookup network each pixel’s row of its table: blank 0, the rest E[v] as learned', () => {
    const run = new ScrambleRun({ ...tiny, nets: ['lookup'] });
    const net = run.nets[0]!.run.net as LookupNet;
    net.table.weight.data.forEach((_, v, w) => (w[v] = v / 1000));
    const x = run.nets[0]!.run.data.test.x;
    const e = net.embed(x);
    const byte = (i: number): number => Math.round(x.data[i]! * 255) + run.pi[0]!;
    const want = Float64Array.from(x.data, (_, i) => (byte(i) === run.pi[0] ? 0 : (LOOKUP.rate * byte(i)) / 1000));
    expect(Math.max(...e.data.map((v, i) => Math.abs(v - want[i]!)))).toBeLessThan(1e-12);
    expect(want.filter((v) => v !== 0).length).toBeGreaterThan(0.1 * want.length);
    expect(
      tableByValue(
        Float64Array.from({ length: 256 }, (_, v) => v),
        run.pi,
      ),
    ).toEqual(Float64Array.from(run.pi));
  });
});
