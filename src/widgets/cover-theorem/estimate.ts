import { rng, type Rng } from '@beyond-linear/tensor';
import { pointCounts, type CoverValues, type Estimate } from './model';
import { samplePoints, streamSeed, trialSeparable } from './sampling';

/** One point count's independent stream: its seeded generator, its fixed points, and its tally so far. */
interface Stream {
  rng: Rng;
  points: Float64Array;
  labels: Int8Array;
  estimate: Estimate;
}

/**
 * A resumable Monte Carlo run over every `N` for one setting. Each `N` draws from its own seeded
 * stream, so the result is bit-identical however the work is chunked: `p̂(N) = #separable / trials`.
 */
export class EstimateRun {
  readonly d: number;
  readonly trials: number;
  readonly seed: number;
  /** Trials finished over all `N`, out of `total = trials · maxPoints(d)`. */
  done = 0;
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
  get finished(): boolean {
    return this.done >= this.total;
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
    const s = this.streams[this.done % this.streams.length];
    if (!s) return;
    const e = s.estimate;
    if (trialSeparable(s.points, e.N, this.d, s.rng, s.labels)) e.separable++;
    e.trials++;
    this.done++;
  }

  /** Work until `now() ≥ deadline` or the run is finished, checking the clock every few trials; returns trials done. */
  advance(deadline: number, now: () => number): number {
    const start = this.done;
    while (!this.finished) {
      for (let k = 0; k < 8 && !this.finished; k++) this.stepOnce();
      if (now() >= deadline) break;
    }
    return this.done - start;
  }

  /** Finish the whole run at once (build time and tests). */
  runToEnd(): Estimate[] {
    this.advance(Infinity, () => 0);
    return this.estimates();
  }
}

/** All estimates for settings `v`, computed in one go: `p̂(N)` for `N = 1 … maxPoints(d)`. */
export function estimateAll(v: CoverValues): Estimate[] {
  return new EstimateRun(v).runToEnd();
}
