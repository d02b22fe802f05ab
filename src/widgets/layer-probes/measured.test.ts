/**
 * Re-runs seed 1 of the default network (784-256-128-64-10 ReLU, 6 epochs) and checks the numbers `measured.ts`
 * records, to within one test digit (0.05 points; the run is deterministic, so in practice they are equal). Probing
 * only at initialisation and at the end gives the same numbers: sweeps never touch the training run. The five-seed
 * figures come from `npm run measure:probes`; here only their consistency is checked.
 */
import { describe, expect, it } from 'vitest';
import { nodeDigits } from '../_shared/mnist-net/node';
import { EPOCHS } from '../_shared/mnist-net/run';
import { measureSeed } from './measure';
import { measured } from './measured';

const ONE_DIGIT = 1 / 2000;

describe('the layer-probe numbers chapter 5 quotes', () => {
  const run = measureSeed(nodeDigits(), 1, [0, EPOCHS]);
  const [init, trained] = run.checkpoints as [(typeof run.checkpoints)[number], (typeof run.checkpoints)[number]];
  const first = measured.checkpoints[0];
  const last = measured.checkpoints.at(-1)!;

  it('the network and the checkpoints are the recorded ones', () => {
    expect(run.architecture).toBe(measured.architecture);
    expect([init.epoch, trained.epoch]).toEqual([first.epoch, last.epoch]);
  });

  it('the network’s own test accuracy, untrained and after 6 epochs', () => {
    expect(run.netAccuracy).toBeCloseTo(measured.netAccuracy, 3);
    expect(Math.abs(init.netAccuracy - first.netAccuracy)).toBeLessThanOrEqual(ONE_DIGIT);
    expect(Math.abs(trained.netAccuracy - measured.netAccuracy)).toBeLessThanOrEqual(ONE_DIGIT);
  });

  it('the raw-pixel probe and every layer’s probe, at initialisation and after training', () => {
    expect(Math.abs(init.probes[0]! - measured.pixelProbe)).toBeLessThanOrEqual(ONE_DIGIT);
    init.probes.forEach((a, i) => expect(Math.abs(a - first.probes[i]!), `layer ${i} at initialisation`).toBeLessThanOrEqual(ONE_DIGIT));
    trained.probes.forEach((a, i) => expect(Math.abs(a - last.probes[i]!), `layer ${i} after training`).toBeLessThanOrEqual(ONE_DIGIT));
  });

  it('the five-seed figures are consistent and meet issue 12’s targets', () => {
    const accs = measured.seedAccuracies;
    expect(accs[0]).toBe(measured.netAccuracy);
    expect(measured.meanAccuracy).toBeCloseTo(accs.reduce((a, b) => a + b, 0) / accs.length, 10);
    expect(measured.meanAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(Math.min(...accs)).toBeGreaterThanOrEqual(0.94);
  });
});
