import { reportOf, transferables, type Run, type RunFactory } from './contract';
import { failureSentence } from './host';
import type { Fault, FromWorker, Port, ToWorker } from './protocol';

/** Milliseconds of work between two looks at the message queue (pause, new settings) while playing. */
export const SLICE_MS = 16;
/** Milliseconds of work for one Step. */
export const STEP_MS = 8;

/** A run whose code throws after its first slice (the `throw` test fault). */
function faulty<S>(run: Run<S>): Run<S> {
  let calls = 0;
  return {
    advance(budget): void {
      if (++calls > 1) throw new Error('a test fault asked for by the page');
      run.advance(budget);
    },
    progress: () => run.progress(),
    get done() {
      return run.done;
    },
    get error() {
      return run.error;
    },
    snapshot: () => run.snapshot(),
  };
}

/**
 * The worker side of `WorkerHost`: build runs from `factory`, advance the current one in slices
 * of `SLICE_MS` while playing (yielding to the message queue between slices, so pause and new
 * settings act within a slice), and post a report after a slice whenever the page has drawn
 * the previous one. Errors in the run's code are caught and sent as a sentence.
 *
 *   // playground/run.worker.ts
 *   serveRun(self as unknown as RunPort<PlaygroundValues, RunView>, (v) => new PlaygroundTrainer(v));
 */
export function serveRun<P, S>(port: Port<ToWorker<P>, FromWorker<S>>, factory: RunFactory<P, S>): void {
  const server = new RunServer(port, factory);
  port.onmessage = (event: MessageEvent<ToWorker<P>>): void => server.receive(event.data);
}

/** The worker's global scope as the port `serveRun` talks through. */
export type RunPort<P, S> = Port<ToWorker<P>, FromWorker<S>>;

class RunServer<P, S> {
  private run: Run<S> | undefined;
  private id = 0;
  private playing = false;
  private ticking = false;
  /** A report is on its way and not yet drawn. */
  private waiting = false;
  /** The run moved since the last report. */
  private dirty = false;
  private failed = false;
  private crash = false;
  private readonly channel = new MessageChannel();

  constructor(
    private readonly port: Port<ToWorker<P>, FromWorker<S>>,
    private readonly factory: RunFactory<P, S>,
  ) {
    this.channel.port1.onmessage = () => this.tick();
  }

  receive(msg: ToWorker<P>): void {
    if (this.failed) return;
    if (msg.type === 'start') this.start(msg);
    else if (msg.type === 'play') this.play();
    else if (msg.type === 'pause') this.playing = false;
    else if (msg.type === 'step') {
      this.playing = false;
      this.slice(STEP_MS);
    } else if (msg.type === 'extend') {
      this.guard(() => this.run?.extend?.());
      this.dirty = true;
      this.flush();
    } else if (msg.type === 'cancel') {
      this.run = undefined;
      this.playing = false;
    } else if (msg.type === 'drawn') {
      this.waiting = false;
      this.flush();
    }
  }

  private start(msg: { id: number; settings: P; fault?: Fault }): void {
    this.id = msg.id;
    this.crash = msg.fault === 'crash';
    this.guard(() => {
      const run = this.factory(msg.settings);
      this.run = msg.fault === 'throw' ? faulty(run) : run;
      this.dirty = true;
      this.waiting = false;
      this.flush();
    });
  }

  private play(): void {
    if (this.crash)
      setTimeout(() => {
        throw new Error('a test fault asked for by the page: the worker crashed');
      });
    this.playing = !!this.run && !this.run.done;
    if (this.playing) this.schedule();
    else {
      this.dirty = true; // nothing to do: report the finished run, so the page stops waiting
      this.flush();
    }
  }

  /** Post the current report unless the page has not drawn the last one yet. */
  private flush(): void {
    const run = this.run;
    if (!run || !this.dirty || this.waiting || this.failed) return;
    this.guard(() => {
      const report = reportOf(this.id, run);
      this.port.postMessage({ type: 'report', report }, transferables(report.snapshot));
      this.waiting = true;
      this.dirty = false;
    });
  }

  private slice(ms: number): void {
    const run = this.run;
    if (!run) return;
    this.guard(() => run.advance({ deadline: performance.now() + ms }));
    this.dirty = true;
    if (run.done) this.playing = false;
    this.flush();
  }

  private tick(): void {
    this.ticking = false;
    if (!this.playing || !this.run) return;
    this.slice(SLICE_MS);
    if (this.playing) this.schedule();
  }

  /** The next slice as a macrotask (a message to ourselves: no 4 ms setTimeout clamp), after pending messages. */
  private schedule(): void {
    if (this.ticking) return;
    this.ticking = true;
    this.channel.port2.postMessage(null);
  }

  private guard(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.failed = true;
      this.playing = false;
      this.run = undefined;
      this.port.postMessage({ type: 'failed', sentence: failureSentence(error) }, []);
    }
  }
}
