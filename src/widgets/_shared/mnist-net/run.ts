/**
 * The MNIST training run with probe sweeps at checkpoints, as one resumable `Run` (see `run/contract.ts`). Each step is
 * one piece of work: a minibatch of training, the frozen activations of a checkpoint, or one layer's probe, so pausing
 * acts between pieces. Same settings, same seed: the bit-identical snapshots however the steps are sliced. Pure (no DOM).
 */
import { adam, divergence, noGrad, rng, softmaxCrossEntropy, type MLP, type Optimizer, type Rng, type Tensor } from '@beyond-linear/tensor';
import { stepWithin, type Budget, type Progress, type Run } from '../run/contract';
import type { Digits } from '../data/mnist';
import { rowsOf, splits, type MnistSplits } from './data';
import { architecture, buildNet, checkedSettings, probedLayers, type NetSettings, type ProbedLayer } from './net';
import { LOOKUP, LookupNet } from './lookup';
import { frozenActivations, probeLayer, readScores, type LayerProbe } from './sweep';

/**
 * Training: Adam on minibatches of 64 digits, for `EPOCHS` passes over the 8,000 training digits, its learning rate
 * falling linearly from 10⁻³ at the first step to a tenth of that at the last (so the last epochs settle instead of
 * jittering: with a constant rate the final test accuracy of seeds 1–3 spread over 94.4–96.0 %).
 */
export const TRAINING = { lr: 1e-3, finalLr: 1e-4, batchSize: 64 } as const;
export const EPOCHS = 6;
/**
 * The smaller run of the control-task and scrambled-pixels widgets, which train the network several times or fit many
 * probes: the first 2,000 training and 500 test digits, 3 epochs (94 steps a network).
 */
export const SMALL_RUN = { limit: { train: 2000, test: 500 }, epochs: 3 } as const;
/** Epochs after which training pauses for a probe sweep (0: at initialisation). */
export const CHECKPOINTS: readonly number[] = [0, 1, 3, 6];

/** A run's settings: the network's, the digits, and (for tests) fewer epochs, other checkpoints or fewer digits. */
export interface MnistRunSettings extends NetSettings {
  digits: Digits;
  epochs?: number;
  checkpoints?: readonly number[];
  limit?: { train?: number; test?: number };
  /** The pixel byte that reads as input 0 (default 0, blank; see `splits`). */
  offset?: number;
  /** A learned lookup of `LOOKUP.dim` numbers per pixel value in front of the network (see `lookup.ts`); default none. */
  lookup?: boolean;
}

/** The probe sweep at one checkpoint: the network's own test accuracy then, and each layer's probe (in order, as fitted). */
export interface Checkpoint {
  epoch: number;
  step: number;
  netAccuracy: number;
  layers: LayerProbe[];
  /** False while its probes are still being fitted. */
  complete: boolean;
}

/** The end of an epoch: mean training loss over it and the network's test accuracy. */
export interface EpochPoint {
  epoch: number;
  step: number;
  loss: number;
  testAccuracy: number;
}

/** What the figure and the readouts draw. */
export interface MnistSnapshot {
  architecture: string;
  seed: number;
  phase: 'probing' | 'training' | 'finished' | 'diverged';
  steps: number;
  stepsPerEpoch: number;
  /** Epochs finished, and in all. */
  epoch: number;
  epochs: number;
  /** The network's latest test accuracy (at initialisation until the first epoch ends). */
  testAccuracy: number;
  /** Mean training loss over the steps of the current epoch so far (or the last one), `null` before any step. */
  loss: number | null;
  history: EpochPoint[];
  checkpoints: Checkpoint[];
  /** The layer whose probe is being fitted now, or `null` while training. */
  probing: { epoch: number; layer: string; done: number; of: number } | null;
}

/** The raw-pixel probe, kept across runs on the same digits (it does not depend on the network). */
export interface ProbeCache {
  key?: string;
  pixels?: LayerProbe;
}

interface Sweep {
  checkpoint: Checkpoint;
  acts: { train: Tensor[]; test: Tensor[] } | null;
}

/** Work units of the progress bar: a training step is 1; frozen activations and a probe cost about this many steps. */
const ACTIVATION_UNITS = 40;
const probeUnits = (width: number): number => 20 + width / 2;

export class MnistRun implements Run<MnistSnapshot> {
  readonly settings: NetSettings;
  readonly data: MnistSplits;
  readonly layers: ProbedLayer[];
  readonly epochs: number;
  readonly checkpoints: readonly number[];
  readonly stepsPerEpoch: number;
  readonly net: MLP | LookupNet;
  steps = 0;
  epoch = 0;
  error: string | null = null;
  readonly history: EpochPoint[] = [];
  readonly swept: Checkpoint[] = [];
  private readonly opt: Optimizer;
  private readonly r: Rng;
  private readonly key: string;
  private order: number[] = [];
  private at = 0;
  private lossSum = 0;
  private lossSteps = 0;
  private testAccuracy: number;
  private sweep: Sweep | null = null;
  private work = 0;
  private readonly totalWork: number;

  constructor(
    s: MnistRunSettings,
    private readonly cache: ProbeCache = {},
  ) {
    this.settings = checkedSettings(s);
    this.data = splits(s.digits, s.limit, s.offset);
    this.layers = probedLayers(this.settings);
    this.epochs = s.epochs ?? EPOCHS;
    this.checkpoints = s.checkpoints ?? CHECKPOINTS;
    this.r = rng(this.settings.seed);
    this.net = s.lookup ? new LookupNet(this.settings, { dim: LOOKUP.dim, offset: s.offset ?? 0 }, this.r) : buildNet(this.settings, this.r);
    this.opt = adam(this.net, { lr: TRAINING.lr });
    this.stepsPerEpoch = Math.ceil(this.data.train.labels.length / TRAINING.batchSize);
    this.key = `${this.data.train.labels.length}/${this.data.test.labels.length}/${Array.from(this.data.train.labels.subarray(0, 64)).join('')}`;
    const sweepUnits = ACTIVATION_UNITS + this.layers.reduce((u, l) => u + probeUnits(l.width), 0);
    const sweeps = this.checkpoints.filter((e) => e <= this.epochs).length;
    this.totalWork = this.epochs * this.stepsPerEpoch + sweeps * sweepUnits;
    this.testAccuracy = this.testScore();
    this.beginSweepIfDue();
  }

  get done(): boolean {
    return this.error !== null || (this.epoch >= this.epochs && this.sweep === null);
  }

  advance(budget: Budget): void {
    stepWithin(budget, this);
  }

  /** One piece of work: the next part of a probe sweep if one is under way, else a training step. */
  step(): void {
    if (this.done) return;
    if (this.sweep) this.sweepStep(this.sweep);
    else this.trainStep();
  }

  progress(): Progress {
    const phase = this.error ? 'diverged' : this.done ? 'finished' : this.sweep ? 'probing' : 'training';
    return { steps: this.steps, fraction: Math.min(1, this.work / this.totalWork), phase };
  }

  snapshot(): MnistSnapshot {
    const sw = this.sweep;
    const next = sw ? this.layers[sw.checkpoint.layers.length] : undefined;
    return {
      architecture: architecture(this.settings),
      seed: this.settings.seed,
      phase: this.progress().phase as MnistSnapshot['phase'],
      steps: this.steps,
      stepsPerEpoch: this.stepsPerEpoch,
      epoch: this.epoch,
      epochs: this.epochs,
      testAccuracy: this.testAccuracy,
      loss: this.lossSteps > 0 ? this.lossSum / this.lossSteps : (this.history.at(-1)?.loss ?? null),
      history: this.history.map((h) => ({ ...h })),
      checkpoints: this.swept.map((c) => ({ ...c, layers: c.layers.map((l) => ({ ...l, wrong: l.wrong.map((w) => ({ ...w })) })) })),
      probing: sw && next ? { epoch: sw.checkpoint.epoch, layer: next.name, done: sw.checkpoint.layers.length, of: this.layers.length } : null,
    };
  }

  /** One minibatch step of Adam on the cross-entropy; the end of an epoch records its metrics and may start a sweep. */
  private trainStep(): void {
    const { train } = this.data;
    if (this.at >= this.order.length) {
      this.order = this.r.shuffle(Array.from({ length: train.labels.length }, (_, i) => i));
      this.at = 0;
    }
    const idx = this.order.slice(this.at, this.at + TRAINING.batchSize);
    this.at += idx.length;
    this.opt.lr = this.learningRate();
    this.opt.zeroGrad();
    const loss = softmaxCrossEntropy(
      this.net.forward(rowsOf(train, idx)),
      idx.map((i) => train.labels[i]!),
    );
    loss.backward();
    this.opt.step();
    this.steps++;
    this.work++;
    // The loss every step; the weights (a scan of all of them, a tenth of a step's time) once an epoch.
    const end = this.at >= this.order.length;
    this.error = end ? divergence(loss, this.net) : divergence(loss);
    if (this.error) return;
    this.lossSum += loss.item();
    this.lossSteps++;
    if (end) this.endEpoch();
  }

  /** The learning rate of the next step: linear from `TRAINING.lr` at step 0 to `TRAINING.finalLr` at the last step. */
  learningRate(): number {
    const last = Math.max(1, this.epochs * this.stepsPerEpoch - 1);
    const t = Math.min(1, this.steps / last);
    return TRAINING.lr + (TRAINING.finalLr - TRAINING.lr) * t;
  }

  /** The network's accuracy on the test digits now. */
  private testScore(): number {
    return readScores(
      noGrad(() => this.net.forward(this.data.test.x)),
      this.data.test.labels,
    ).accuracy;
  }

  private endEpoch(): void {
    this.epoch++;
    this.testAccuracy = this.testScore();
    this.history.push({ epoch: this.epoch, step: this.steps, loss: this.lossSum / this.lossSteps, testAccuracy: this.testAccuracy });
    [this.lossSum, this.lossSteps] = [0, 0];
    this.beginSweepIfDue();
  }

  private beginSweepIfDue(): void {
    if (!this.checkpoints.includes(this.epoch) || this.epoch > this.epochs) return;
    const checkpoint: Checkpoint = { epoch: this.epoch, step: this.steps, netAccuracy: this.testAccuracy, layers: [], complete: false };
    this.sweep = { checkpoint, acts: null };
    this.swept.push(checkpoint);
  }

  /** The checkpoint's frozen activations first; then one layer's probe per step (the raw pixels' from the cache if kept). */
  private sweepStep(sw: Sweep): void {
    if (!sw.acts) {
      sw.acts = { train: frozenActivations(this.net, this.data.train), test: frozenActivations(this.net, this.data.test) };
      this.work += ACTIVATION_UNITS;
      return;
    }
    const layer = this.layers[sw.checkpoint.layers.length]!;
    const cached = layer.index === 0 && this.cache.key === this.key ? this.cache.pixels : undefined;
    const result = cached ?? probeLayer(layer, sw.acts.train[layer.index]!, this.data.train.labels, sw.acts.test[layer.index]!, this.data.test);
    if (layer.index === 0) Object.assign(this.cache, { key: this.key, pixels: result });
    sw.checkpoint.layers.push(result);
    this.work += probeUnits(layer.width);
    if (sw.checkpoint.layers.length === this.layers.length) {
      sw.checkpoint.complete = true;
      this.sweep = null;
    }
  }
}
