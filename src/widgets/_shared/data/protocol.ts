/** Messages between a page and `load.worker.ts`. */
import type { DataErrorKind, Progress } from './load';
import type { DataFile } from './manifest';

/** Load `file` from the absolute same-origin `url`. */
export interface LoadRequest {
  url: string;
  file: DataFile;
}

export type LoadReply =
  | ({ type: 'progress' } & Progress)
  /** The decoded payload, transferred (its length is the manifest's `bytes`). */
  | { type: 'done'; buffer: ArrayBuffer }
  | { type: 'error'; kind: DataErrorKind; message: string };
