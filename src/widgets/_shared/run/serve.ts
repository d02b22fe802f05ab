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
 *   serveRun(self as unknown as RunPort, (settings) => new PlaygroundTrainer(settings));
 */
export function serveRun<P, S>(port: Port<ToWorker<P>, FromWorker<S>>, factory: RunFactory<P, S>): void {
  let run: Run<S> | undefined;
  let id = 0;
  let playing = false;
  let ticking = false;
  let waiting = false; // a report is on its way and not yet drawn
  let dirty = false; // the run moved since the last report
  let failed = false;
  let crash = false;
  const channel = new MessageChannel();

  const fail = (error: unknown): void => {
    failed = true;
    playing = false;
    run = undefined;
    port.postMessage({ type: 'failed', sentence: failureSentence(error) }, []);
  };
  const guard = (fn: () => void): void => {
    try {
      fn();
    } catch (error) {
      fail(error);
    }
  };
  const flush = (): void => {
    if (!run || !dirty || waiting || failed) return;
    const current = run;
    guard(() => {
      const report = reportOf(id, current);
      port.postMessage({ type: 'report', report }, transferables(report.snapshot));
      waiting = true;
      dirty = false;
    });
  };
  const slice = (ms: number): void => {
    const current = run;
    if (!current) return;
    guard(() => current.advance({ deadline: performance.now() + ms }));
    dirty = true;
    if (current.done) playing = false;
    flush();
  };
  const tick = (): void => {
    ticking = false;
    if (!playing || !run) return;
    slice(SLICE_MS);
    if (playing) schedule();
  };
  function schedule(): void {
    if (ticking) return;
    ticking = true;
    channel.port2.postMessage(null); // a macrotask without setTimeout's 4 ms clamp
  }
  channel.port1.onmessage = tick;

  const start = (msg: { id: number; settings: P; fault?: Fault }): void => {
    id = msg.id;
    guard(() => {
      run = msg.fault === 'throw' ? faulty(factory(msg.settings)) : factory(msg.settings);
      dirty = true;
      waiting = false;
      flush();
    });
    crash = msg.fault === 'crash';
  };

  port.onmessage = (event: MessageEvent<ToWorker<P>>): void => {
    const msg = event.data;
    if (failed) return;
    if (msg.type === 'start') start(msg);
    else if (msg.type === 'play') {
      if (crash)
        setTimeout(() => {
          throw new Error('a test fault asked for by the page: the worker crashed');
        });
      playing = !!run && !run.done;
      if (playing) schedule();
      else {
        dirty = true; // nothing to do: report the finished run, so the page stops waiting
        flush();
      }
    } else if (msg.type === 'pause') playing = false;
    else if (msg.type === 'step') {
      playing = false;
      slice(STEP_MS);
    } else if (msg.type === 'extend') {
      guard(() => run?.extend?.());
      dirty = true;
      flush();
    } else if (msg.type === 'cancel') {
      run = undefined;
      playing = false;
    } else if (msg.type === 'drawn') {
      waiting = false;
      flush();
    }
  };
}

/** The worker's global scope as the port `serveRun` talks through. */
export type RunPort<P, S> = Port<ToWorker<P>, FromWorker<S>>;
