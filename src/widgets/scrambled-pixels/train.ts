/**
 * The scrambled-pixels run: a linear probe on the raw pixels and on the scrambled ones (every value v replaced by π(v)),
 * a lookup probe on the scrambled values, then the chapter's MNIST network retrained on the scrambled digits. One probe
 * or one training step per step. A `Run` (see `run/contract.ts`); same seed, same numbers however it is sliced. Pure.
 */
import { probe, Tensor, type ProbeOptions } from '@beyond-linear/tensor';
import { stepWithin, type Budget, type Progress, type Run } from '../_shared/run/contract';
import type { Digits } from '../_shared/data/mnist';
import { CLASSES, MnistRun, PIXELS, probeLayer, splits, type EpochPoint } from '../_shared/mnist-net';
import { LEVELS, permutation, scramble, type BlankName } from './model';

export interface ScrambleSettings {
  seed: number;
  blank: BlankName;
  digits: Digits;
  /** For tests: fewer digits and epochs. */
  limit?: { train?: number; test?: number };
  epochs?: number;
}

/** Held-out accuracies as they arrive (`null` until measured), and the retrained network's progress. */
export interface ScrambleSnapshot {
  phase: 'probing' | 'training' | 'finished' | 'diverged';
  pi: Uint8Array;
  raw: number | null;
  scrambled: number | null;
  lookup: number | null;
  /** The network trained on the scrambled digits: test accuracy after each epoch. */
  net: { epoch: number; epochs: number; history: EpochPoint[]; accuracy: number | null };
  /** One test digit before and after scrambling, for the picture. */
  sample: { raw: Uint8Array; scrambled: Uint8Array; label: number };
}

/**
 * The lookup probe: linear on one-hot pixel values, `softmax(Σ_p T[p, x_p] + b)` with a row of T for every (pixel,
 * value) pair, trained by minibatch Adam with early stopping like the linear probe. It cannot be fooled by π:
 * relabelling the values relabels the rows. Its table has ~10⁵ rows, so it takes smaller, gentler steps than the
 * linear probe (128 digits, learning rate 0.01), and stops after 2 epochs without a better validation loss.
 */
export const LOOKUP_OPTIONS: Readonly<ProbeOptions> = {
  kind: 'lookup',
  values: LEVELS,
  classes: CLASSES,
  epochs: 12,
  batchSize: 128,
  lr: 0.01,
  l2: 1e-4,
  validation: 0.1,
  patience: 2,
  seed: 0,
};

/** Pixel bytes of digits `from … to − 1` as whole numbers `[n, 784]` (the lookup probe's input). */
function bytes(d: Digits, from: number, to: number): Tensor {
  return new Tensor(Float64Array.from(d.pixels.subarray(from * PIXELS, to * PIXELS)), [to - from, PIXELS]);
}

/** Work units of the progress bar (a training step is 1). */
const UNITS = { linear: 400, lookup: 900 } as const;

export class ScrambleRun implements Run<ScrambleSnapshot> {
  readonly pi: Uint8Array;
  readonly scrambledDigits: Digits;
  readonly net: MnistRun;
  error: string | null = null;
  steps = 0;
  private readonly s: ScrambleSettings;
  private raw: number | null = null;
  private scrambled: number | null = null;
  private lookup: number | null = null;
  private work = 0;
  private readonly totalWork: number;

  constructor(s: ScrambleSettings) {
    this.s = s;
    this.pi = permutation(s.seed, s.blank);
    this.scrambledDigits = { ...s.digits, pixels: scramble(s.digits.pixels, this.pi) };
    const offset = this.pi[0]!;
    const { limit, epochs } = s;
    this.net = new MnistRun({
      depth: 3,
      width: 256,
      seed: s.seed,
      digits: this.scrambledDigits,
      checkpoints: [],
      offset,
      ...(limit && { limit }),
      ...(epochs && { epochs }),
    });
    this.totalWork = 2 * UNITS.linear + UNITS.lookup + this.net.epochs * this.net.stepsPerEpoch;
  }

  get done(): boolean {
    return this.error !== null || (this.lookup !== null && this.net.done);
  }

  advance(budget: Budget): void {
    stepWithin(budget, this);
  }

  /** The next piece of work: the raw probe, the scrambled probe, the lookup probe, then one training step. */
  step(): void {
    if (this.done) return;
    this.steps++;
    if (this.raw === null) return void (this.raw = this.linearProbe(this.s.digits, 0));
    if (this.scrambled === null) return void (this.scrambled = this.linearProbe(this.scrambledDigits, this.pi[0]!));
    if (this.lookup === null) return void (this.lookup = this.lookupProbe());
    this.net.step();
    this.work++;
    this.error = this.net.error;
  }

  /**
   * The chapter's linear probe on pixel values `(byte − offset) / 255`, scored on the test digits. The offset is the
   * value blank became, so blank reads 0 as in the raw digits: a shift a probe's bias absorbs, which changes no probe's
   * capacity, only where training starts (a constant 0.5 on every input stalls the network's training at chance).
   */
  private linearProbe(d: Digits, offset: number): number {
    const { train, test } = splits(d, this.s.limit ?? {}, offset);
    this.work += UNITS.linear;
    return probeLayer({ index: 0, name: 'pixels', width: PIXELS }, train.x, train.labels, test.x, test).accuracy;
  }

  /** The lookup probe on the scrambled bytes, scored on the test digits. */
  private lookupProbe(): number {
    const { train, test } = splits(this.scrambledDigits, this.s.limit ?? {});
    const d = this.scrambledDigits;
    const trainEnd = train.labels.length;
    const testEnd = d.trainCount + test.labels.length;
    const fitted = probe(bytes(d, 0, trainEnd), train.labels, {
      ...LOOKUP_OPTIONS,
      classes: CLASSES,
      test: { x: bytes(d, d.trainCount, testEnd), labels: test.labels },
    });
    this.work += UNITS.lookup;
    return fitted.test!.accuracy;
  }

  progress(): Progress {
    return { steps: this.steps, fraction: Math.min(1, this.work / this.totalWork), phase: this.phase() };
  }

  private phase(): ScrambleSnapshot['phase'] {
    if (this.error) return 'diverged';
    if (this.done) return 'finished';
    return this.lookup === null ? 'probing' : 'training';
  }

  snapshot(): ScrambleSnapshot {
    const net = this.net.snapshot();
    const d = this.s.digits;
    const at = d.trainCount * PIXELS;
    return {
      phase: this.phase(),
      pi: this.pi.slice(),
      raw: this.raw,
      scrambled: this.scrambled,
      lookup: this.lookup,
      net: { epoch: net.epoch, epochs: net.epochs, history: net.history, accuracy: this.net.done ? net.testAccuracy : null },
      sample: { raw: d.pixels.slice(at, at + PIXELS), scrambled: this.scrambledDigits.pixels.slice(at, at + PIXELS), label: d.labels[d.trainCount]! },
    };
  }
}
