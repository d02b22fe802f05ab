import type { Report } from './contract';

/** What a host tells its widget. */
export interface HostEvents<S> {
  /** A new snapshot and progress, delivered inside an animation frame, at most one per frame. */
  report(report: Report<S>): void;
  /** The run started or stopped playing (the Train button's label follows this). */
  playing(playing: boolean): void;
  /** The run cannot go on (its code threw, or its worker died): a sentence for the reader. */
  failed(sentence: string): void;
}

/**
 * Where a run executes, behind one interface: `FrameHost` slices it into animation frames on the
 * main thread, `WorkerHost` runs it in a dedicated Web Worker. The widget code is the same for both.
 */
export interface RunHost<P> {
  /** 'main' (sliced into animation frames) or 'worker'. */
  readonly where: 'main' | 'worker';
  /** True while the run is meant to be going (even while paused off-screen). */
  readonly playing: boolean;
  /** Replace the current run by a fresh one built from `settings`, and report its first snapshot. Play state is kept. */
  start(settings: P): void;
  /** Go on until done or paused. */
  play(): void;
  pause(): void;
  /** One slice of work and its report; pauses a playing run first. */
  step(): void;
  /** Let a run that reached its step limit go on (for runs that support it). */
  extend(): void;
  /** Drop the current run (the next `start` begins afresh); nothing is reported until then. */
  cancel(): void;
  /** The widget is on screen or not: nothing runs off-screen, and playing resumes on return. */
  setVisible(visible: boolean): void;
  /** Stop for good (the widget left the page). */
  dispose(): void;
}

/** The sentence shown when a run's own code throws. */
export function failureSentence(error: unknown): string {
  const why = error instanceof Error ? error.message : String(error);
  return `The computation stopped on an error (${why}). The figure keeps its last drawing; reload the page to try again.`;
}
