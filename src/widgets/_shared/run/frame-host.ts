import { PlayLoop } from '../play-loop';
import { reportOf, type Run, type RunFactory } from './contract';
import { failureSentence, type HostEvents, type RunHost } from './host';

/** Options of a run sliced into frames. */
export interface FrameOptions {
  /** At most this many steps per frame, to keep a run slow enough to watch (default: as many as the time budget allows). */
  stepsPerFrame?: number;
}

/**
 * Runs a computation on the main thread, a slice per animation frame (`PlayLoop` keeps work +
 * draw within a frame), reporting a snapshot after every slice.
 */
export class FrameHost<P, S> implements RunHost<P> {
  readonly where = 'main';
  /** The frame loop (public so benchmarks can read `loop.frameTimes`). */
  readonly loop: PlayLoop;
  private run: Run<S> | undefined;
  private id = 0;
  private failed = false;

  constructor(
    private readonly create: RunFactory<P, S>,
    private readonly events: HostEvents<S>,
    private readonly options: FrameOptions = {},
  ) {
    this.loop = new PlayLoop(
      (deadline) => this.work(deadline),
      () => this.report(),
      (playing) => events.playing(playing),
    );
  }

  get playing(): boolean {
    return this.loop.active;
  }

  start(settings: P): void {
    if (this.failed) return;
    this.id++;
    if (!this.guard(() => (this.run = this.create(settings)))) return;
    this.report();
  }

  play(): void {
    if (this.failed || !this.run || this.run.done) return;
    this.loop.play();
  }

  pause(): void {
    this.loop.pause();
  }

  step(): void {
    if (this.failed || !this.run) return;
    this.loop.step();
  }

  extend(): void {
    if (this.run && !this.run.error) this.guard(() => this.run?.extend?.());
  }

  cancel(): void {
    this.run = undefined;
    this.id++;
  }

  setVisible(visible: boolean): void {
    this.loop.setVisible(visible);
  }

  dispose(): void {
    this.pause();
    this.run = undefined;
  }

  /** One slice of work; false once the run is done (the loop then pauses itself). */
  private work(deadline: number): boolean {
    const run = this.run;
    if (!run) return false;
    const max = this.options.stepsPerFrame;
    return this.guard(() => run.advance(max ? { deadline, maxSteps: max } : { deadline })) && !run.done;
  }

  private report(): void {
    const run = this.run;
    if (!run || this.failed) return;
    const id = this.id;
    let report;
    if (!this.guard(() => (report = reportOf(id, run)))) return;
    if (report) this.events.report(report);
  }

  /** Run `fn`; if the run's code throws, stop for good and tell the widget in a sentence. */
  private guard(fn: () => unknown): boolean {
    try {
      fn();
      return true;
    } catch (error) {
      this.failed = true;
      this.loop.pause();
      this.events.failed(failureSentence(error));
      return false;
    }
  }
}
