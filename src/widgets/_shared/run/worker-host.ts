import type { Report } from './contract';
import type { HostEvents, RunHost } from './host';
import type { Fault, FromWorker, ToWorker } from './protocol';

/** The test fault asked for in the page's query string (`?run-fault=throw|crash`), if any. */
export function requestedFault(): Fault | undefined {
  const f = new URLSearchParams(location.search).get('run-fault');
  return f === 'throw' || f === 'crash' ? f : undefined;
}

/** The sentence shown when a run's worker dies or cannot load. */
export function workerDiedSentence(detail: string): string {
  return `The computation's background worker stopped (${detail}). The figure keeps its last drawing; reload the page to try again.`;
}

/**
 * Runs a computation in a dedicated module Web Worker that calls `serveRun`. Reports arrive as
 * messages with their typed arrays transferred; the newest one is handed to the widget in the
 * next animation frame and acknowledged, so the worker sends at most one report per frame drawn.
 * Pause, resume, step, cancel and new settings are messages the worker acts on within one slice.
 */
export class WorkerHost<P, S> implements RunHost<P> {
  readonly where = 'worker';
  /** Main-thread milliseconds the widget spent on each of the last reports (for `npm run frames`). */
  readonly drawTimes: number[] = [];
  private worker: Worker | undefined;
  private id = 0;
  private wanted = false;
  private visible = true;
  private dead = false;
  private pending: Report<S> | undefined;
  private frame = 0;

  constructor(
    make: () => Worker,
    private readonly events: HostEvents<S>,
    private readonly fault: Fault | undefined = requestedFault(),
  ) {
    try {
      this.worker = make();
    } catch (error) {
      this.die(error instanceof Error ? error.message : String(error));
      return;
    }
    this.worker.onmessage = (e: MessageEvent<FromWorker<S>>) => this.receive(e.data);
    this.worker.onerror = (e: ErrorEvent) => {
      e.preventDefault(); // handled here, in words: not an uncaught error in the console
      this.die(e.message ? e.message.replace(/^Uncaught (Error: )?/, '') : 'its script failed to load or run');
    };
    this.worker.onmessageerror = () => this.die('a message from it could not be read');
  }

  get playing(): boolean {
    return this.wanted;
  }

  start(settings: P): void {
    this.id++;
    this.pending = undefined;
    this.post({ type: 'start', id: this.id, settings, ...(this.fault ? { fault: this.fault } : {}) });
    if (this.wanted && this.visible) this.post({ type: 'play' });
  }

  play(): void {
    if (this.dead) return;
    this.wanted = true;
    this.events.playing(true);
    if (this.visible) this.post({ type: 'play' });
  }

  pause(): void {
    const was = this.wanted;
    this.wanted = false;
    this.post({ type: 'pause' });
    if (was) this.events.playing(false);
  }

  step(): void {
    if (this.wanted) this.pause();
    this.post({ type: 'step' });
  }

  extend(): void {
    this.post({ type: 'extend' });
  }

  cancel(): void {
    this.id++;
    this.pending = undefined;
    this.post({ type: 'cancel' });
  }

  setVisible(visible: boolean): void {
    if (visible === this.visible) return;
    this.visible = visible;
    if (this.wanted) this.post({ type: visible ? 'play' : 'pause' });
  }

  dispose(): void {
    cancelAnimationFrame(this.frame);
    this.worker?.terminate();
    this.worker = undefined;
    this.dead = true;
  }

  private post(msg: ToWorker<P>): void {
    if (!this.dead) this.worker?.postMessage(msg);
  }

  private receive(msg: FromWorker<S>): void {
    if (msg.type === 'failed') {
      this.die(msg.sentence, true);
      return;
    }
    if (msg.report.run !== this.id) {
      this.post({ type: 'drawn' }); // stale: let the worker send the current run's report
      return;
    }
    this.pending = msg.report;
    if (!this.frame) this.frame = requestAnimationFrame(() => this.deliver());
  }

  /** In an animation frame: hand the newest report to the widget, then ask the worker for the next. */
  private deliver(): void {
    this.frame = 0;
    const report = this.pending;
    this.pending = undefined;
    if (!report || this.dead) return;
    if (report.done && this.wanted) {
      this.wanted = false;
      this.events.playing(false);
    }
    const start = performance.now();
    this.events.report(report);
    this.drawTimes.push(performance.now() - start);
    if (this.drawTimes.length > 120) this.drawTimes.shift();
    this.post({ type: 'drawn' });
  }

  private die(detail: string, sentence = false): void {
    if (this.dead) return;
    this.dispose();
    if (this.wanted) this.events.playing(false);
    this.wanted = false;
    this.events.failed(sentence ? detail : workerDiedSentence(detail));
  }
}
