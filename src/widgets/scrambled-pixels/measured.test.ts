import { describe, expect, it } from 'vitest';
import { nodeDigits } from '../_shared/mnist-net/node';
import { DEFAULT_NET, EPOCHS } from '../_shared/mnist-net';
import { measured as layerProbes } from '../layer-probes/measured';
import { commonestInk, measureProbes, measureScramble } from './measure';
import { measured } from './measured';
import { permutation } from './model';
import { ScrambleRun } from './train';

/** Generous: the default run trains on all 8,000 digits; a shared 2-core machine under load runs it several times slower. */
const SLOW = { timeout: 600_000 };

// Seed 1, the widget's default run (all digits), the one the build-time figure shows.
describe('the numbers the chapter quotes about scrambled pixels', () => {
  const digits = nodeDigits();

  it('match measured.ts (same code, same seed: exactly, up to float printing)', SLOW, () => {
    const m = measureScramble(digits, 1, 'middle');
    expect(m.blank).toBe(measured.blank);
    expect(m.raw).toBeCloseTo(measured.raw, 6);
    expect(m.scrambled).toBeCloseTo(measured.scrambled, 6);
    expect(m.lookup).toBeCloseTo(measured.lookup, 6);
    expect(m.netScrambled).toBeCloseTo(measured.netScrambled, 6);
    expect(m.netScrambledTrain).toBeCloseTo(measured.netScrambledTrain, 6);
  });

  it('with blank left where the shuffle puts it, the linear probe keeps more: ink still lies mostly on one side of blank', SLOW, () => {
    const r = measureProbes(digits, 1, 'random');
    expect(r.blank).toBe(measured.randomBlank.blank);
    expect(r.scrambled).toBeCloseTo(measured.randomBlank.scrambled, 6);
    expect(r.scrambled).toBeGreaterThan(measured.scrambled + 0.15);
  });

  it('name the commonest ink value and where π puts it: right next to blank', () => {
    const ink = commonestInk(digits, permutation(1, 'middle'));
    expect(ink.value).toBe(measured.ink.value);
    expect(ink.becomes).toBe(measured.ink.becomes);
    expect(ink.share).toBeCloseTo(measured.ink.share, 3);
    expect(Math.abs(ink.becomes - measured.blank)).toBeLessThan(8);
  });

  it('compare with the layer-probes network: the retrained network is that network, trained the same way on the same digits', () => {
    const run = new ScrambleRun({ seed: 1, blank: 'middle', digits });
    expect(run.net.settings).toEqual({ ...DEFAULT_NET, seed: layerProbes.seed });
    expect(run.net.epochs).toBe(EPOCHS);
    expect([run.net.data.train.labels.length, run.net.data.test.labels.length]).toEqual([measured.train, measured.test]);
    expect(run.net.checkpoints).toEqual([]);
  });

  it('tell the chapter’s story', () => {
    // The linear probe collapses to near chance; the lookup probe does not.
    expect(measured.scrambled).toBeLessThan(0.3);
    expect(measured.raw - measured.scrambled).toBeGreaterThan(0.6);
    expect(measured.lookup).toBeGreaterThan(0.8);
    // The retrained network is far above the linear probe and far below the same network on the original digits, and
    // it fits its training digits much better than the test digits.
    expect(measured.netScrambled - measured.scrambled).toBeGreaterThan(0.25);
    expect(layerProbes.netAccuracy - measured.netScrambled).toBeGreaterThan(0.25);
    expect(measured.netScrambledTrain - measured.netScrambled).toBeGreaterThan(0.15);
  });
});
