/**
 * The control-task run: cluster the raw digits (k-means, k = 100), give each cluster a random label, train the MNIST
 * network, then fit probes of every capacity on every layer for both tasks, one probe per step. A `Run` (see
 * `run/contract.ts`); same seed, same numbers however the steps are sliced. Pure (no DOM).
 */
import { concat, kmeans, noGrad, probe, type ProbeOptions, type Tensor } from '@beyond-linear/tensor';
import { stepWithin, type Budget, type Progress, type Run } from '../_shared/run/contract';
import type { Digits } from '../_shared/data/mnist';
import { MnistRun, PROBE_OPTIONS, SMALL_RUN, frozenActivations, readScores, type ProbedLayer } from '../_shared/mnist-net';
import { CAPACITIES, CLUSTERS, clusterLabels, controlLabels, hiddenOf, type CapacityName } from './model';

export interface ControlSettings {
  seed: number;
  digits: Digits;
  /** Digits and epochs (default `RUN`), and the capacities probed (default all; tests use fewer). */
  limit?: { train?: number; test?: number };
  epochs?: number;
  capacities?: readonly CapacityName[];
}

/** One layer's probes of one capacity: held-out accuracy on the real task and on the control task. */
export interface ProbePair {
  capacity: CapacityName;
  layer: string;
  index: number;
  real: number;
  control: number | null;
}

export interface ControlSnapshot {
  phase: 'clustering' | 'training' | 'probing' | 'finished' | 'diverged';
  /** The network's test accuracy (once trained), epochs done and in all. */
  netAccuracy: number | null;
  epoch: number;
  epochs: number;
  /** Cluster sizes (once clustered) and the share of digits whose control label is their real label. */
  clusterSizes: Int32Array | null;
  layers: string[];
  results: ProbePair[];
}

/**
 * The digits and the training of a run: `SMALL_RUN`, the first 2,000 training and 500 test digits (20 per cluster on
 * average), the network trained for 3 epochs. The MLP probes cost up to a few seconds each on these; on all 10,000
 * digits the run would keep a reader waiting for many minutes.
 */
export const RUN = SMALL_RUN;

/**
 * How the MLP probes train: as Hewitt and Liang's probes without regularisation, to fit their training digits, for 12
 * epochs of minibatches of 32 with no L2 penalty and no early stopping. (With the linear probe's early stopping and
 * penalty they stopped after a few epochs, before they could memorise the clusters, and selectivity hardly moved.)
 */
export const MLP_TRAINING: Readonly<ProbeOptions> = { epochs: 12, batchSize: 32, lr: 0.003, l2: 0, validation: 0 };

/** Probe options of a capacity: the chapter's linear probe, or an MLP probe trained as `MLP_TRAINING` says. */
export function probeOptions(c: CapacityName): ProbeOptions {
  const hidden = hiddenOf(c);
  return hidden === 0 ? { ...PROBE_OPTIONS } : { ...PROBE_OPTIONS, ...MLP_TRAINING, kind: 'mlp', hidden };
}

/** Held-out accuracy of a probe fitted on `train` activations with `labels`, scored on `test` with `testLabels`. */
export function heldOut(train: Tensor, labels: Int32Array, test: Tensor, testLabels: Int32Array, c: CapacityName): number {
  const p = probe(train, labels, probeOptions(c));
  return readScores(p.scores(test), testLabels).accuracy;
}

/** Work units: the clustering ≈ this many training steps, a probe ≈ this many plus its width. */
const CLUSTER_UNITS = 150;
const probeUnits = (c: CapacityName): number => 20 + hiddenOf(c) / 2;

export class ControlRun implements Run<ControlSnapshot> {
  readonly net: MnistRun;
  readonly capacities: readonly CapacityName[];
  readonly layers: ProbedLayer[];
  error: string | null = null;
  steps = 0;
  private control: { train: Int32Array; test: Int32Array } | null = null;
  private sizes: Int32Array | null = null;
  private acts: { train: Tensor[]; test: Tensor[] } | null = null;
  private readonly results: ProbePair[] = [];
  private readonly totalWork: number;
  private work = 0;

  constructor(private readonly s: ControlSettings) {
    const { limit = RUN.limit, epochs = RUN.epochs } = s;
    this.net = new MnistRun({ depth: 3, width: 256, seed: s.seed, digits: s.digits, checkpoints: [], limit, epochs });
    this.capacities = s.capacities ?? CAPACITIES;
    this.layers = this.net.layers;
    const probes = this.capacities.reduce((u, c) => u + 2 * this.layers.length * probeUnits(c), 0);
    this.totalWork = CLUSTER_UNITS + this.net.epochs * this.net.stepsPerEpoch + probes;
  }

  get done(): boolean {
    const all = this.results.length === this.capacities.length * this.layers.length;
    return this.error !== null || (all && this.results.at(-1)!.control !== null);
  }

  advance(budget: Budget): void {
    stepWithin(budget, this);
  }

  /** The next piece: the clustering, a training step, the frozen activations, or one probe (real, then control). */
  step(): void {
    if (this.done) return;
    this.steps++;
    if (!this.control) return this.cluster();
    if (!this.net.done) {
      this.net.step();
      this.work++;
      this.error = this.net.error;
      return;
    }
    if (!this.acts) {
      this.acts = { train: frozenActivations(this.net.net, this.net.data.train), test: frozenActivations(this.net.net, this.net.data.test) };
      return;
    }
    this.probeNext(this.acts, this.control);
  }

  /**
   * Real-task and control-task held-out accuracy of one capacity's probes on one layer (index, pixels 0), computed now
   * after the run's clustering and training: the numbers the run itself reports for that pair (each probe is seeded on
   * its own), for tests that check a few pairs without fitting them all.
   */
  pair(capacity: CapacityName, index: number): { real: number; control: number } {
    while (!this.done && !(this.acts && this.control)) this.step();
    const { acts, control } = this;
    if (!acts || !control) throw new Error(`control task: the run stopped before its probes (${this.error ?? 'no activations'})`);
    const { train, test } = this.net.data;
    return {
      real: heldOut(acts.train[index]!, train.labels, acts.test[index]!, test.labels, capacity),
      control: heldOut(acts.train[index]!, control.train, acts.test[index]!, control.test, capacity),
    };
  }

  /** k-means on the raw pixels of every digit (training and test: a type is a type wherever it occurs). */
  private cluster(): void {
    const { train, test } = this.net.data;
    const all = noGrad(() => concat([train.x, test.x], 0));
    const km = kmeans(all, CLUSTERS, { seed: this.s.seed, iterations: 15 });
    const byCluster = clusterLabels(CLUSTERS, train.labels, this.s.seed);
    const labels = controlLabels(km.assignments, byCluster);
    const n = train.labels.length;
    this.control = { train: labels.slice(0, n), test: labels.slice(n) };
    this.sizes = km.sizes;
    this.work += CLUSTER_UNITS;
  }

  private probeNext(acts: { train: Tensor[]; test: Tensor[] }, control: { train: Int32Array; test: Int32Array }): void {
    const k = this.results.length;
    const last = this.results.at(-1);
    const { train, test } = this.net.data;
    if (last && last.control === null) {
      last.control = heldOut(acts.train[last.index]!, control.train, acts.test[last.index]!, control.test, last.capacity);
      this.work += probeUnits(last.capacity);
      return;
    }
    const capacity = this.capacities[Math.floor(k / this.layers.length)]!;
    const layer = this.layers[k % this.layers.length]!;
    const real = heldOut(acts.train[layer.index]!, train.labels, acts.test[layer.index]!, test.labels, capacity);
    this.results.push({ capacity, layer: layer.name, index: layer.index, real, control: null });
    this.work += probeUnits(capacity);
  }

  progress(): Progress {
    return { steps: this.steps, fraction: Math.min(1, this.work / this.totalWork), phase: this.phase() };
  }

  private phase(): ControlSnapshot['phase'] {
    if (this.error) return 'diverged';
    if (this.done) return 'finished';
    if (!this.control) return 'clustering';
    return this.net.done ? 'probing' : 'training';
  }

  snapshot(): ControlSnapshot {
    const net = this.net.snapshot();
    return {
      phase: this.phase(),
      netAccuracy: this.net.done ? net.testAccuracy : null,
      epoch: net.epoch,
      epochs: net.epochs,
      clusterSizes: this.sizes ? this.sizes.slice() : null,
      layers: this.layers.map((l) => l.name),
      results: this.results.map((r) => ({ ...r })),
    };
  }
}
