/**
 * Downloading the digits for `load-digits.ts`, imported when the reader presses the load button (so none of this is in
 * the page's JavaScript before then).
 */
import type { PropsTable } from '../state';
import type { WidgetElement } from '../widget-element';
import { loadInWorker } from './client';
import { DataError } from './load';
import { formatBytes, type DataFile } from './manifest';
import { decodeMnist, type Digits } from './mnist';

/** What the page needs to fetch and decode the file, written into `[data-mnist]` at build time. */
export interface MnistClient {
  digits: DataFile;
  count: number;
  trainCount: number;
  side: number;
}

/** The sentence for a failure. */
export const message = (e: unknown): string =>
  e instanceof DataError ? e.message : `The data could not be read (${e instanceof Error ? e.message : String(e)}).`;

/** Download and decode the digits, showing progress inside `el`; throws a sentence-ready error. */
export async function fetchDigits(el: Pick<WidgetElement<PropsTable>, 'querySelector' | 'out'>, c: MnistClient): Promise<Digits> {
  const progress = el.querySelector<HTMLProgressElement>('[data-download] progress');
  const payload = await loadInWorker(c.digits, ({ loaded, total }) => {
    if (progress) Object.assign(progress, { max: total, value: loaded });
    el.out('download', `${formatBytes(loaded)} of ${formatBytes(total)}`);
  });
  const digits = decodeMnist(payload, { count: c.count, shape: [c.side, c.side], trainCount: c.trainCount });
  el.out('download', `${formatBytes(c.digits.transferBytes)} downloaded, checksum verified`);
  return digits;
}
