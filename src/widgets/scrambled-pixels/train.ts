/**
 * The scrambled-pixels run: a linear probe on the raw pixels and on the scrambled ones (every value v replaced by π(v)),
 * a lookup probe on the scrambled values, then the chapter's MNIST network trained three times: on the raw digits, on
 * the scrambled ones, and on the scrambled ones behind a learned lookup of each pixel value (`LookupNet`). One probe or
 * one training step per step. A `Run` (see `run/contract.ts`); same seed, same numbers however it is sliced. Pure.
 */
import { noGrad, probe, Tensor, type ProbeOptions } from '@beyond-linear/tensor';
import { stepWithin, type Budget, type Progress, type Run } from '../_shared/run/contract';
import type { Digits } from '../_shared/data/mnist';
import { CLASSES, LookupNet, MnistRun, PIXELS, probeLayer, readScores, SMALL_RUN, splits } from '../_shared/mnist-net';
import { inkCounts, LEVELS, NETS, permutation, scramble, weightedCorrelation, type BlankName, type NetName } from './model';

export interface ScrambleSettings {
  seed: number;
  blank: BlankName;
  digits: Digits;
  /** Digits and epochs (default `SMALL_RUN`, as the control-task widget), and the networks trained (default all). */
  limit?: { train?: number; test?: number };
  epochs?: number;
  nets?: readonly NetName[];
}

/** One network's training: epochs done and in all, test accuracy after each epoch, and at the end on both splits. */
export interface NetProgress {
  epoch: number;
  epochs: number;
  history: number[];
  accuracy: number | null;
  trainAccuracy: number | null;
}

/** Held-out accuracies as they arrive (`null` until measured), and the networks' progress. */
export interface ScrambleSnapshot {
  phase: 'probing' | 'training' | 'finished' | 'diverged';
  pi: Uint8Array;
  raw: number | null;
  scrambled: number | null;
  lookup: number | null;
  nets: Partial<Record<NetName, NetProgress>>;
  /** The lookup network's table as it learns: the number E[π(v)] that original value v feeds it, v = 0 … 255. */
  table: Float64Array | null;
  /** How far that table undid π: its correlation with v over the ink values, weighted by how often each occurs. */
  tableR: number | null;
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
const UNITS = { linear: 15, lookup: 120 } as const;

export class ScrambleRun implements Run<ScrambleSnapshot> {
  readonly pi: Uint8Array;
  readonly scrambledDigits: Digits;
  /** The networks, in training order. */
  readonly nets: ReadonlyArray<{ name: NetName; run: MnistRun }>;
  error: string | null = null;
  steps = 0;
  private readonly s: ScrambleSettings;
  private readonly limit: { train?: number; test?: number };
  private raw: number | null = null;
  private scrambled: number | null = null;
  private lookup: number | null = null;
  private readonly fits = new Map<NetName, number>();
  /** How often each ink value occurs in the training digits (the weights of `tableR`). */
  private readonly counts: Float64Array;
  private work = 0;
  private readonly totalWork: number;

  constructor(s: ScrambleSettings) {
    this.s = s;
    this.limit = s.limit ?? SMALL_RUN.limit;
    this.pi = permutation(s.seed, s.blank);
    this.scrambledDigits = { ...s.digits, pixels: scramble(s.digits.pixels, this.pi) };
    this.counts = inkCounts(s.digits);
    const epochs = s.epochs ?? SMALL_RUN.epochs;
    const common = { depth: 3, width: 256, seed: s.seed, checkpoints: [], limit: this.limit, epochs };
    const scrambled = { digits: this.scrambledDigits, offset: this.pi[0]! };
    const settings = { raw: { ...common, digits: s.digits }, plain: { ...common, ...scrambled }, lookup: { ...common, ...scrambled, lookup: true } };
    this.nets = NETS.filter((n) => (s.nets ?? NETS).includes(n)).map((name) => ({ name, run: new MnistRun(settings[name]) }));
    const training = this.nets.reduce((u, n) => u + n.run.epochs * n.run.stepsPerEpoch, 0);
    this.totalWork = 2 * UNITS.linear + UNITS.lookup + training;
  }

  get done(): boolean {
    return this.error !== null || (this.lookup !== null && this.fits.size === this.nets.length);
  }

  advance(budget: Budget): void {
    stepWithin(budget, this);
  }

  /** The next piece of work: the raw probe, the scrambled probe, the lookup probe, then one network's training step. */
  step(): void {
    if (this.done) return;
    this.steps++;
    if (this.raw === null) return void (this.raw = this.linearProbe(this.s.digits, 0));
    if (this.scrambled === null) return void (this.scrambled = this.linearProbe(this.scrambledDigits, this.pi[0]!));
    if (this.lookup === null) return void (this.lookup = this.lookupProbe());
    const next = this.nets.find((n) => !this.fits.has(n.name))!;
    next.run.step();
    this.work++;
    this.error = next.run.error;
    if (next.run.done && !this.error) this.fits.set(next.name, this.trainAccuracy(next.run));
  }

  /**
   * The chapter's linear probe on pixel values `(byte − offset) / 255`, scored on the test digits. The offset is the
   * value blank became, so blank reads 0 as in the raw digits: a shift a probe's bias absorbs, which changes no probe's
   * capacity, only where training starts (a constant 0.5 on every input stalls the network's training at chance).
   */
  private linearProbe(d: Digits, offset: number): number {
    const { train, test } = splits(d, this.limit, offset);
    this.work += UNITS.linear;
    return probeLayer({ index: 0, name: 'pixels', width: PIXELS }, train.x, train.labels, test.x, test).accuracy;
  }

  /** The lookup probe on the scrambled bytes, scored on the test digits. */
  private lookupProbe(): number {
    const { train, test } = splits(this.scrambledDigits, this.limit);
    const d = this.scrambledDigits;
    const fitted = probe(bytes(d, 0, train.labels.length), train.labels, {
      ...LOOKUP_OPTIONS,
      test: { x: bytes(d, d.trainCount, d.trainCount + test.labels.length), labels: test.labels },
    });
    this.work += UNITS.lookup;
    return fitted.test!.accuracy;
  }

  /** A trained network's accuracy on its own training digits (how far it memorised them). */
  private trainAccuracy(run: MnistRun): number {
    const { train } = run.data;
    return readScores(
      noGrad(() => run.net.forward(train.x)),
      train.labels,
    ).accuracy;
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
    const d = this.s.digits;
    const at = d.trainCount * PIXELS;
    const lookup = this.nets.find((n) => n.name === 'lookup')?.run;
    const table = lookup && lookup.steps > 0 && lookup.net instanceof LookupNet ? tableByValue(lookup.net.values(), this.pi) : null;
    return {
      phase: this.phase(),
      pi: this.pi.slice(),
      raw: this.raw,
      scrambled: this.scrambled,
      lookup: this.lookup,
      nets: Object.fromEntries(this.nets.map(({ name, run }) => [name, this.netProgress(name, run)])),
      table,
      tableR: table ? weightedCorrelation(table, this.counts) : null,
      sample: { raw: d.pixels.slice(at, at + PIXELS), scrambled: this.scrambledDigits.pixels.slice(at, at + PIXELS), label: d.labels[d.trainCount]! },
    };
  }

  private netProgress(name: NetName, run: MnistRun): NetProgress {
    const s = run.snapshot();
    const fit = this.fits.get(name);
    return {
      epoch: s.epoch,
      epochs: s.epochs,
      history: s.history.map((h) => h.testAccuracy),
      accuracy: fit === undefined ? null : s.testAccuracy,
      trainAccuracy: fit ?? null,
    };
  }
}

/** The table read by original value: `out[v] = E[π(v)]`, what a pixel of original value v feeds the network. */
export function tableByValue(table: Float64Array, pi: Uint8Array): Float64Array {
  return Float64Array.from(pi, (p) => table[p]!);
}
