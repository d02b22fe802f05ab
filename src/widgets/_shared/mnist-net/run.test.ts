import { describe, expect, it } from 'vitest';

/** Generous: a shared 2-core machine under load runs these a few times slower than an idle one. */
const SLOW = { timeout: 120_000 };
import { steps } from '../run/contract';
import { architecture, checkedSettings, hiddenWidths, layerSizes, probedLayers } from './net';
import { MnistRun, type MnistRunSettings, type ProbeCache } from './run';
import { nodeDigits } from './node';

const digits = nodeDigits();
/** A small, quick version of the pipeline: 2,000 training and 300 test digits, 784-32-16-10, two epochs. */
const small: MnistRunSettings = { depth: 2, width: 32, seed: 3, digits, epochs: 2, checkpoints: [0, 2], limit: { train: 2000, test: 300 } };
const STEPS_PER_EPOCH = 32; // ⌈2000 / 64⌉
/** Sweep steps per checkpoint: the activations, then one probe for each of the 4 layers. */
const SWEEP_STEPS = 5;

describe('the MNIST network', () => {
  it('halves the width layer by layer, down to 16, between 784 pixels and 10 classes', () => {
    expect(layerSizes({ depth: 3, width: 256 })).toEqual([784, 256, 128, 64, 10]);
    expect(hiddenWidths({ depth: 5, width: 64 })).toEqual([64, 32, 16, 16, 16]);
    expect(architecture({ depth: 1, width: 512 })).toBe('784-512-10');
    expect(probedLayers({ depth: 2, width: 32 }).map((l) => `${l.index}:${l.name}:${l.width}`)).toEqual([
      '0:pixels:784',
      '1:hidden 1:32',
      '2:hidden 2:16',
      '3:output:10',
    ]);
  });

  it('puts bad settings back to the defaults', () => {
    expect(checkedSettings({ depth: 9, width: 100, seed: -1 })).toEqual({ depth: 3, width: 256, seed: 1 });
    expect(checkedSettings({ depth: 2, width: 64, seed: 7 })).toEqual({ depth: 2, width: 64, seed: 7 });
  });
});

describe('the MNIST run with probe sweeps', () => {
  const run = new MnistRun(small);
  const first = run.snapshot();
  run.advance(steps(SWEEP_STEPS));
  const afterInit = run.snapshot();
  run.advance(steps(2 * STEPS_PER_EPOCH + SWEEP_STEPS));
  const end = run.snapshot();

  it('starts by probing every layer at initialisation, raw pixels included, then trains and probes again at the end', () => {
    expect(first.phase).toBe('probing');
    expect(first.probing).toEqual({ epoch: 0, layer: 'pixels', done: 0, of: 4 });
    expect(afterInit.phase).toBe('training');
    expect(afterInit.checkpoints).toHaveLength(1);
    expect(afterInit.checkpoints[0]).toMatchObject({ epoch: 0, step: 0, complete: true });
    expect(afterInit.checkpoints[0]!.layers.map((l) => l.name)).toEqual(['pixels', 'hidden 1', 'hidden 2', 'output']);
    expect(run.done).toBe(true);
    expect(end.phase).toBe('finished');
    expect(end.steps).toBe(2 * STEPS_PER_EPOCH);
    expect(end.checkpoints.map((c) => [c.epoch, c.step, c.complete])).toEqual([
      [0, 0, true],
      [2, 64, true],
    ]);
    expect(run.progress().fraction).toBe(1);
  });

  it('lowers Adam’s learning rate linearly from 10⁻³ to 10⁻⁴ over the run', () => {
    expect(new MnistRun(small).learningRate()).toBe(1e-3);
    expect(run.learningRate()).toBeCloseTo(1e-4, 12);
  });

  it('learns: chance at initialisation, above 50 % after two epochs on 2,000 digits, and the last hidden layer becomes more readable', () => {
    expect(afterInit.checkpoints[0]!.netAccuracy).toBeLessThan(0.25);
    expect(end.testAccuracy).toBeGreaterThan(0.5);
    expect(end.history.map((h) => h.epoch)).toEqual([1, 2]);
    expect(end.history[1]!.loss).toBeLessThan(end.history[0]!.loss);
    const [init, trained] = end.checkpoints.map((c) => c.layers[2]!.accuracy) as [number, number];
    expect(trained).toBeGreaterThan(init);
  });

  it('keeps every accuracy a number in [0, 1] and names real test digits the probe gets wrong', () => {
    for (const c of end.checkpoints)
      for (const l of c.layers) {
        expect(l.accuracy).toBeGreaterThanOrEqual(0);
        expect(l.accuracy).toBeLessThanOrEqual(1);
        expect(l.wrongCount).toBe(Math.round((1 - l.accuracy) * 300));
        for (const w of l.wrong) {
          expect(w.index).toBeGreaterThanOrEqual(digits.trainCount);
          expect(w.label).toBe(digits.labels[w.index]);
          expect(w.predicted).not.toBe(w.label);
        }
      }
  });

  it('fits the raw-pixel probe once: later checkpoints and later runs with the same cache reuse it', SLOW, () => {
    const [a, b] = run.swept.map((c) => c.layers[0]);
    expect(b).toBe(a);
    const cache: ProbeCache = {};
    const one = new MnistRun({ ...small, epochs: 0, checkpoints: [0] }, cache);
    one.advance(steps(SWEEP_STEPS));
    const two = new MnistRun({ ...small, seed: 4, epochs: 0, checkpoints: [0] }, cache);
    two.advance(steps(SWEEP_STEPS));
    expect(two.swept[0]!.layers[0]).toBe(one.swept[0]!.layers[0]);
    expect(two.swept[0]!.layers[1]).not.toEqual(one.swept[0]!.layers[1]);
  });
});

describe('determinism and frozen features', () => {
  it('gives the same snapshots however the steps are sliced, and a probe sweep leaves the weights untouched', SLOW, () => {
    const settings = { ...small, epochs: 1, checkpoints: [0, 1] };
    const a = new MnistRun(settings);
    const before = a.net.params().map((p) => p.data.slice());
    a.advance(steps(SWEEP_STEPS));
    expect(a.net.params().map((p) => p.data)).toEqual(before);
    a.advance(steps(STEPS_PER_EPOCH + SWEEP_STEPS));
    const b = new MnistRun(settings);
    while (!b.done) b.advance(steps(3));
    expect(b.snapshot()).toEqual(a.snapshot());
  });
});
