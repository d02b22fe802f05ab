import { PlotWidget } from '../plot-widget';
import type { PropsTable, Values } from '../state';
import type { Report } from './contract';
import type { HostEvents, RunHost } from './host';
import type { HostOpener } from './choose';

/** How a widget's settings relate to its run. Settings in neither list only change the drawing. */
export interface RunPolicy<K extends string> {
  /** A change replaces the run now: a fresh run at step 0 (paused, unless the widget autoplays). */
  restart: readonly K[];
  /** A change applies to the next run; the run under way keeps going, and a note next to the control says so. */
  next?: readonly K[];
  /** Build a run as soon as the widget starts, to draw its step 0; otherwise at the first Train, Step or Reset. */
  eager?: boolean;
  /** Play on its own when started and after every restart (a measurement rather than training). */
  autoplay?: boolean;
  /** What Train does once a run has finished: go on past its step limit, or start the next run (default). */
  onFinished?: 'extend' | 'next-run';
}

const NEXT_NOTE = 'Applies to the next run.';
const NEXT_PENDING = 'Changed: applies to the next run. Reset starts it now.';

/**
 * Base of every widget with a run (a training run or a measurement). It owns what they share:
 * the Train (play/pause), Step and Reset buttons of `PlayControls.astro`; "a setting changed:
 * restart now, or apply at the next run"; writing trained values into the controls without
 * restarting (`writeTrained`); pausing off-screen; the progress bar; and the sentence shown
 * when the run diverges or its worker dies (the figure stays). Subclasses give a `policy`, open
 * a host (`inWorker(…)` or `onMainThread(…)`) and draw reports in `onReport`.
 */
export abstract class RunWidget<T extends PropsTable, S, P = Values<T>> extends PlotWidget<T> {
  protected abstract readonly policy: RunPolicy<keyof T & string>;
  /** Where the run executes: `inWorker(() => new Worker(…), …)` or `onMainThread(() => import('./train')…)`. */
  protected abstract readonly openHost: HostOpener<P, S>;
  /** The run's host once the widget started (public so tests and benchmarks can reach it). */
  host: RunHost<P> | undefined;
  /** The latest report drawn (public so tests can compare snapshots). */
  report: Report<S> | undefined;
  /** The settings the current run was started from. */
  protected runStart: Values<T> | undefined;
  private hasRun = false;
  /** Next-run settings changed while the current run was under way. */
  private readonly pending = new Set<string>();
  private writing = false;
  private failed = false;

  /** The settings a run is built from (default: all the widget's values). */
  protected runSettings(): P {
    return this.values as unknown as P;
  }

  /** Draw a new report; the default redraws figure and readouts now. */
  protected onReport(_report: Report<S>): void {
    this.update();
  }

  /** The sentence shown when the run stopped on an error (divergence); the run's own sentence by default. */
  protected errorText(report: Report<S>): string {
    return report.error ?? '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const group = this.querySelector('[data-run-controls]');
    group?.querySelector('[data-action="play"]')?.addEventListener('click', () => this.whenStarted(() => this.train()));
    group?.querySelector('[data-action="step"]')?.addEventListener('click', () => this.whenStarted(() => this.stepOnce()));
    group?.querySelector('[data-action="reset"]')?.addEventListener('click', () => this.whenStarted(() => this.reset()));
    this.showNextNotes();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.host?.dispose();
  }

  protected override async start(): Promise<void> {
    const events: HostEvents<S> = {
      report: (r) => this.receive(r),
      playing: (p) => this.showPlaying(p),
      failed: (sentence) => this.fail(sentence),
    };
    const [host] = await Promise.all([this.openHost(events), super.start()]);
    this.host = host;
    host.setVisible(this.visible);
    const bar = this.querySelector<HTMLElement>('[data-progress]');
    if (bar) bar.hidden = false;
    if (this.policy.eager) this.newRun();
    if (this.policy.autoplay) host.play();
  }

  protected override onVisibility(visible: boolean): void {
    this.host?.setVisible(visible);
  }

  /** A setting changed: from the reader (restart now or at the next run), or from `writeTrained` (no effect on the run). */
  override set(patch: Partial<Values<T>>): void {
    const before = this.values;
    super.set(patch);
    if (this.writing || !before) return;
    const changed = (Object.keys(patch) as Array<keyof T & string>).filter((k) => patch[k] !== before[k]);
    if (changed.some((k) => this.restarts(k, before))) this.replaceRun();
    else {
      const next = changed.filter((k) => this.policy.next?.includes(k));
      if (next.length > 0) this.deferToNextRun(next);
    }
  }

  override requestUpdate(): void {
    if (!this.writing) super.requestUpdate();
  }

  /** While the run plays, each frame redraws one of several charts (see PlotWidget); pausing redraws them all. */
  protected override drawsOneChart(): boolean {
    return this.host?.playing ?? false;
  }

  /** Called when a reader's change replaced the run (before a new one starts, if the widget is eager). */
  protected runReplaced(): void {}

  /** Whether a change of `key` (from `before`) replaces the run; subclasses may look at the values too. */
  protected restarts(key: keyof T & string, _before: Values<T>): boolean {
    return this.policy.restart.includes(key);
  }

  /** Put values the run computed (trained weights) into the controls and the URL, without restarting the run or redrawing. */
  protected writeTrained(patch: Partial<Values<T>>): void {
    this.writing = true;
    try {
      this.set(patch);
    } finally {
      this.writing = false;
    }
  }

  /** Start a fresh run from the current settings (its first report follows). */
  protected newRun(): void {
    if (!this.host || this.failed) return;
    this.hasRun = true;
    this.pending.clear();
    this.runStart = { ...this.values };
    this.setMessage('run', '');
    // Busy until the run's first report is drawn (a worker's may take a moment to come).
    this.setAttribute('aria-busy', 'true');
    this.host.start(this.runSettings());
    this.showNextNotes();
  }

  /** Reset: back to step 0 of a fresh run from the current settings (subclasses may restore other values). */
  protected reset(): void {
    this.host?.pause();
    this.newRun();
  }

  /** Train / Pause. A finished run goes on past its limit or gives way to the next run, as the policy says. */
  private train(): void {
    const host = this.host;
    if (!host || this.failed) return;
    if (host.playing) {
      host.pause();
      return;
    }
    const r = this.report;
    if (!this.hasRun) this.newRun();
    else if (r?.done) {
      if (this.policy.onFinished === 'extend' && !r.error) host.extend();
      else this.newRun();
    }
    host.play();
  }

  private stepOnce(): void {
    if (!this.host || this.failed) return;
    if (!this.hasRun || this.report?.done) this.newRun();
    this.host.step();
  }

  private replaceRun(): void {
    const host = this.host;
    if (!host || this.failed) return;
    if (!this.policy.autoplay) host.pause();
    this.runReplaced();
    if (this.policy.eager) this.newRun();
    else {
      host.cancel();
      this.hasRun = false;
      this.report = undefined;
      this.setMessage('run', '');
    }
    if (this.policy.autoplay) host.play();
  }

  /** A next-run setting changed: replace a run that has not moved yet; otherwise say when the change applies. */
  private deferToNextRun(keys: readonly string[]): void {
    if (!this.host || !this.hasRun || this.failed) return;
    if ((this.report?.progress.steps ?? 0) === 0 && !this.host.playing) this.newRun();
    else {
      for (const k of keys) this.pending.add(k);
      this.showNextNotes();
    }
  }

  private receive(report: Report<S>): void {
    this.report = report;
    const bar = this.querySelector<HTMLProgressElement>('[data-progress] progress');
    if (bar) {
      bar.max = 1;
      bar.value = report.progress.fraction;
    }
    this.setMessage('run', report.error ? this.errorText(report) : '');
    this.onReport(report);
    this.removeAttribute('aria-busy');
  }

  private showPlaying(playing: boolean): void {
    const play = this.querySelector<HTMLButtonElement>('[data-run-controls] [data-action="play"]');
    if (play) play.textContent = playing ? 'Pause' : (play.dataset['verb'] ?? 'Play');
    if (!playing) this.requestUpdate(); // every chart shows the state the run stopped at
  }

  private fail(sentence: string): void {
    this.failed = true;
    this.removeAttribute('aria-busy');
    this.showPlaying(false);
    this.setMessage('run', sentence);
    for (const b of this.querySelectorAll<HTMLButtonElement>('[data-run-controls] button')) b.disabled = true;
  }

  /** A note under every next-run control: when its change takes effect. */
  private showNextNotes(): void {
    for (const key of this.policy.next ?? []) {
      const control = this.querySelector<HTMLElement>(`[data-prop="${key}"]`);
      const box = control?.closest('.control');
      if (!control || !box) continue;
      const id = `${this.id}-${key}-when`;
      let note = box.querySelector<HTMLElement>('.control-when');
      if (!note) {
        note = document.createElement('span');
        note.className = 'control-when widget-hint';
        note.id = id;
        box.append(note);
        control.setAttribute('aria-describedby', [control.getAttribute('aria-describedby'), id].filter(Boolean).join(' '));
      }
      note.textContent = this.pending.has(key) ? NEXT_PENDING : NEXT_NOTE;
    }
  }
}
