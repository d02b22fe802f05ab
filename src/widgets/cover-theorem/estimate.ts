import { rng, type Rng } from '@beyond-linear/tensor';
import { clockOf, type Budget, type Progress, type Run } from '../_shared/run/contract';
import { pointCounts, type CoverValues, type Estimate } from './model';
import { samplePoints, streamSeed, trialSeparable } from './sampling';

/** One point count's independent stream: its seeded generator, its fixed points, and its tally so far. */
interface Stream {
  rng: Rng;
  points: Float64Array;
  labels: Int8Array;
  estimate: Estimate;
}

/** What the widget draws: the estimates so far for dimension `d`, and how many trials of the total are done. */
export interface EstimateSnapshot {
  d: number;
  estimates: Estimate[];
  completed: number;
  total: number;
}

/**
 * A resumable Monte Carlo run over every `N` for one setting. Each `N` draws from its own seeded
 * stream, so the result is bit-identical however the work is chunked: `p̂(N) = #separable / trials`.
 */
export class EstimateRun implements Run<EstimateSnapshot> {
  readonly d: number;
  readonly trials: number;
  readonly seed: number;
  /** Trials finished over all `N`, out of `total = trials · maxPoints(d)`. */
  completed = 0;
  /** Never set: a linear program always has an answer. */
  readonly error = null;
  readonly total: number;
  private readonly streams: Stream[];

  constructor(v: CoverValues) {
    this.d = v.d;
    this.trials = v.trials;
    this.seed = v.seed;
    this.streams = pointCounts(v.d).map((N) => {
      const r = rng(streamSeed(v.seed, v.d, N));
      return { rng: r, points: samplePoints(N, v.d, r), labels: new Int8Array(N), estimate: { N, trials: 0, separable: 0 } };
    });
    this.total = this.trials * this.streams.length;
  }

  /** True once every `N` has all its trials. */
  get done(): boolean {
    return this.completed >= this.total;
  }

  /** Whether this run was made for settings `v`. */
  matches(v: CoverValues): boolean {
    return v.d === this.d && v.trials === this.trials && v.seed === this.seed;
  }

  /** The estimates so far, one per `N` (copies, safe to keep). */
  estimates(): Estimate[] {
    return this.streams.map((s) => ({ ...s.estimate }));
  }

  /** Run one more trial, round-robin over `N` so every dot sharpens together. */
  private stepOnce(): void {
    const s = this.streams[this.completed % this.streams.length];
    if (!s) return;
    const e = s.estimate;
    if (trialSeparable(s.points, e.N, this.d, s.rng, s.labels)) e.separable++;
    e.trials++;
    this.completed++;
  }

  /** Work until the budget's deadline or the run is finished, checking the clock every 8 trials. */
  advance(budget: Budget): void {
    const now = clockOf(budget);
    const end = Math.min(this.total, this.completed + (budget.maxSteps ?? Infinity));
    while (this.completed < end) {
      for (let k = 0; k < 8 && this.completed < end; k++) this.stepOnce();
      if (now() >= budget.deadline) break;
    }
  }

  progress(): Progress {
    return { steps: this.completed, fraction: this.completed / this.total, phase: this.done ? 'finished' : 'measuring' };
  }

  snapshot(): EstimateSnapshot {
    return { d: this.d, estimates: this.estimates(), completed: this.completed, total: this.total };
  }

  /** Finish the whole run at once (build time and tests). */
  runToEnd(): Estimate[] {
    this.advance({ deadline: Infinity });
    return this.estimates();
  }
}

/** All estimates for settings `v`, computed in one go: `p̂(N)` for `N = 1 … maxPoints(d)`. */
export function estimateAll(v: CoverValues): Estimate[] {
  return new EstimateRun(v).runToEnd();
}
