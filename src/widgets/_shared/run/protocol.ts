import type { Report } from './contract';

/**
 * Test faults a page can ask for with `?run-fault=…` (used by the end-to-end tests): `throw` makes the
 * run's code throw inside the worker, `crash` leaves an uncaught error in the worker itself.
 */
export type Fault = 'throw' | 'crash';

/** Messages from the page to a run's worker. `drawn` acknowledges a report, so the worker never floods the page. */
export type ToWorker<P> = { type: 'start'; id: number; settings: P; fault?: Fault } | { type: 'play' | 'pause' | 'step' | 'extend' | 'cancel' | 'drawn' };

/** Messages from a run's worker to the page. */
export type FromWorker<S> = { type: 'report'; report: Report<S> } | { type: 'failed'; sentence: string };

/** The part of a worker's global scope (or a `MessagePort`) the run server uses. */
export interface Port<In, Out> {
  postMessage(message: Out, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<In>) => void) | null;
}
