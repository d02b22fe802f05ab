import type { RunFactory } from './contract';
import type { FrameOptions } from './frame-host';
import type { HostEvents, RunHost } from './host';

// The hosts are imported when a widget first opens one (when it starts), not with the page: the
// JavaScript a chapter loads before any widget is touched stays small.

/** How a widget opens its run host, given the events to send to it. */
export type HostOpener<P, S> = (events: HostEvents<S>) => Promise<RunHost<P>>;

/** Run on the main thread, sliced into animation frames; `load` imports the run's module lazily. */
export function onMainThread<P, S>(load: () => Promise<RunFactory<P, S>>, options: FrameOptions = {}): HostOpener<P, S> {
  return async (events) => {
    const [{ FrameHost }, factory] = await Promise.all([import('./frame-host'), load()]);
    return new FrameHost(factory, events, options);
  };
}

/** True unless the page asks for the main thread (`?run=main`, used to compare both) or has no Web Workers. */
export function workersWanted(): boolean {
  return typeof Worker !== 'undefined' && new URLSearchParams(location.search).get('run') !== 'main';
}

/**
 * Run in a dedicated module worker. `make` must contain the literal
 * `new Worker(new URL('./run.worker.ts', import.meta.url), { type: 'module' })` so Vite bundles the
 * worker; `fallback` loads the same run for the main thread (no Worker support, or `?run=main`).
 */
export function inWorker<P, S>(make: () => Worker, fallback: () => Promise<RunFactory<P, S>>, options: FrameOptions = {}): HostOpener<P, S> {
  return async (events) => {
    if (workersWanted()) {
      const { WorkerHost } = await import('./worker-host');
      return new WorkerHost<P, S>(make, events);
    }
    const [{ FrameHost }, factory] = await Promise.all([import('./frame-host'), fallback()]);
    return new FrameHost(factory, events, options);
  };
}
