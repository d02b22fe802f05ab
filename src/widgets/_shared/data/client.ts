/**
 * Load a data file in a module worker (`load.worker.ts`): the page gets progress callbacks and
 * the decoded payload; fetching, hashing and decompressing never run on the main thread.
 */
import { url } from '~/lib/url';
import { DataError, type Progress } from './load';
import type { DataFile } from './manifest';
import type { LoadReply, LoadRequest } from './protocol';

/** The absolute URL of a data file under the site's base path (`import.meta.env.BASE_URL`). */
export function dataUrl(file: Pick<DataFile, 'path'>): string {
  return new URL(url(file.path), location.href).href;
}

/** Download, verify and decode `file` in a worker; rejects with a `DataError` whose message is for the reader. */
export function loadInWorker(file: DataFile, onProgress?: (p: Progress) => void): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./load.worker.ts', import.meta.url), { type: 'module', name: 'data-loader' });
    } catch {
      reject(new DataError('worker', 'This browser could not start the download helper (a module Web Worker).'));
      return;
    }
    const finish = (): void => worker.terminate();
    worker.addEventListener('message', (event: MessageEvent<LoadReply>) => {
      const m = event.data;
      if (m.type === 'progress') onProgress?.({ loaded: m.loaded, total: m.total });
      else if (m.type === 'done') {
        finish();
        resolve(new Uint8Array(m.buffer));
      } else {
        finish();
        reject(new DataError(m.kind, m.message));
      }
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      finish();
      reject(new DataError('worker', 'The download helper stopped unexpectedly, so the data was not loaded. Reloading the page may help.'));
    });
    const request: LoadRequest = { url: dataUrl(file), file };
    worker.postMessage(request);
  });
}
