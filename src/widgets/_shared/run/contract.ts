/**
 * The one shape of every resumable computation in the book (a training run, a Monte Carlo
 * estimate): advance within a time budget, report progress, say when it is done, explain an
 * error in a sentence, and hand out a snapshot to draw. The same object runs sliced into
 * animation frames on the main thread or in a Web Worker (see `host.ts`). No DOM.
 */

/** How far one call of `advance` may go: until the clock passes `deadline`, and at most `maxSteps` steps. */
export interface Budget {
  /** Stop once `now() ≥ deadline` (milliseconds on `now`'s clock; `Infinity` for no time limit). */
  deadline: number;
  /** At most this many steps in this call (default: no limit). */
  maxSteps?: number;
  /** The clock; `performance.now` unless a test supplies its own. */
  now?: () => number;
}

/** Where a run stands: steps (or trials) done, the fraction of the whole run done, and its phase in a word or two. */
export interface Progress {
  steps: number;
  /** `steps / total` in `[0, 1]`; for an open-ended run, the fraction of its current step limit. */
  fraction: number;
  /** For the reader, e.g. `training`, `measuring`, `finished`, `diverged`. */
  phase: string;
}

/**
 * A resumable computation with snapshots of type `S`. Same settings, same seed: the bit-identical
 * sequence of snapshots however the work is sliced (by frames or in a worker).
 */
export interface Run<S> {
  /** Do some work within `budget`; does nothing once `done`. */
  advance(budget: Budget): void;
  progress(): Progress;
  /** True once the run has finished or stopped on an error. */
  readonly done: boolean;
  /** A sentence for the reader explaining why the run stopped (divergence…), or `null`. */
  readonly error: string | null;
  /**
   * What the figure and readouts need now. The caller owns it: typed arrays in it are fresh copies
   * (a worker transfers them to the page, which detaches them).
   */
  snapshot(): S;
  /** Let a run that reached its step limit go on (optional; not after an error). */
  extend?(): void;
}

/** Builds a run from its settings. */
export type RunFactory<P, S> = (settings: P) => Run<S>;

/** One report from a run to its widget. `run` numbers the runs a host started, so stale reports can be told apart. */
export interface Report<S> {
  run: number;
  progress: Progress;
  done: boolean;
  error: string | null;
  snapshot: S;
}

/** The clock of a budget. */
export function clockOf(budget: Budget): () => number {
  return budget.now ?? (() => performance.now());
}

/**
 * The common loop of a step-by-step run: `step()` until done, the step limit, or the deadline
 * (checked after every step, so at least one step is taken).
 */
export function stepWithin(budget: Budget, run: { readonly done: boolean; step(): void }): void {
  const now = clockOf(budget);
  const max = budget.maxSteps ?? Infinity;
  for (let k = 0; k < max && !run.done; k++) {
    run.step();
    if (now() >= budget.deadline) break;
  }
}

/** A budget with no time limit: exactly `n` steps (fewer if the run ends first). Build time and tests. */
export function steps(n: number): Budget {
  return { deadline: Infinity, maxSteps: n };
}

/** Run to the end in one call (build time and tests). */
export function runToEnd<S>(run: Run<S>): S {
  run.advance({ deadline: Infinity });
  return run.snapshot();
}

/** The report of a run's current state. */
export function reportOf<S>(id: number, run: Run<S>): Report<S> {
  return { run: id, progress: run.progress(), done: run.done, error: run.error, snapshot: run.snapshot() };
}

/** The buffers of every typed array inside `value` (plain objects and arrays walked), each once: what a worker transfers. */
export function transferables(value: unknown, out: Set<ArrayBuffer> = new Set()): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) out.add(value.buffer);
  } else if (Array.isArray(value)) {
    for (const v of value) if (v !== null && typeof v === 'object') transferables(v, out);
  } else if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) if (v !== null && typeof v === 'object') transferables(v, out);
  }
  return [...out];
}
