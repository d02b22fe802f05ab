/**
 * A small module worker that downloads, verifies and decodes one data file off the main thread
 * and transfers the payload back. Messages in: `LoadRequest`; out: `LoadReply` (progress, then
 * done or error). Self-contained on purpose, so it can later become one job of the book's
 * generic worker host.
 */
import { DataError, loadAsset } from './load';
import type { LoadReply, LoadRequest } from './protocol';

const post = (reply: LoadReply, transfer: Transferable[] = []): void => (self as unknown as Worker).postMessage(reply, transfer);

self.addEventListener('message', (event: MessageEvent<LoadRequest>) => {
  const { url, file } = event.data;
  loadAsset(url, file, { onProgress: (p) => post({ type: 'progress', ...p }) })
    .then((payload) => post({ type: 'done', buffer: payload.buffer as ArrayBuffer }, [payload.buffer as ArrayBuffer]))
    .catch((error: unknown) => {
      const e =
        error instanceof DataError
          ? error
          : new DataError('corrupt', `The data could not be read (${error instanceof Error ? error.message : String(error)}).`);
      post({ type: 'error', kind: e.kind, message: e.message });
    });
});
