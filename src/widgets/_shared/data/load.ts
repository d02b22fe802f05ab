/**
 * Load one of the book's data files: fetch it from this site's origin with progress in bytes,
 * check its sha256 against the manifest, and gunzip it with `DecompressionStream` (unless the
 * server already decoded it: the gzip magic bytes 1f 8b tell). Every failure is a `DataError`
 * whose message is a sentence for the reader. No DOM: runs in a worker (see `load.worker.ts`)
 * or in tests with an injected `fetch`.
 */
import { formatBytes, type DataFile } from './manifest';

export type DataErrorKind = 'not-found' | 'http' | 'offline' | 'network' | 'truncated' | 'corrupt' | 'unsupported' | 'foreign' | 'aborted' | 'worker';

/** A load failure with a sentence the reader can act on. */
export class DataError extends Error {
  constructor(
    readonly kind: DataErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'DataError';
  }
}

export interface Progress {
  /** Bytes received so far. */
  loaded: number;
  /** Bytes expected (the manifest's transfer size, or more once more has arrived). */
  total: number;
}

export interface LoadOptions {
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
  /** Injected for tests; defaults to the global `fetch`. */
  fetch?: typeof fetch;
  /** The page's origin; a URL elsewhere is refused. Defaults to `location.origin`. */
  origin?: string;
}

/** True when bytes start with the gzip magic number 1f 8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** sha256 of bytes as lower-case hex, by the Web Crypto API. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  if (!globalThis.crypto?.subtle)
    throw new DataError('unsupported', 'This page is not served over a secure connection (https), so the browser cannot check the data’s checksum.');
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Gunzip bytes with `DecompressionStream('gzip')`. */
export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  if (typeof DecompressionStream === 'undefined')
    throw new DataError(
      'unsupported',
      'This browser cannot decompress the data (it lacks DecompressionStream); a current Chrome, Edge, Firefox or Safari can.',
    );
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function name(file: DataFile): string {
  return file.path.split('/').pop() ?? file.path;
}

const damaged = (file: DataFile, why: string): DataError =>
  new DataError('corrupt', `The data file ${name(file)} is damaged (${why}), so it was not used. Reloading the page may fetch a good copy.`);

const truncated = (file: DataFile, got: number, want: number): DataError =>
  new DataError(
    'truncated',
    `The data file ${name(file)} arrived incomplete (${formatBytes(got)} of ${formatBytes(want)}). Try again: the connection may have dropped.`,
  );

/**
 * Check fetched bytes against the manifest and return the decoded payload. Bytes that start
 * with the gzip magic are hashed, then gunzipped; bytes without it are taken as a payload the
 * server already decoded, and checked against the payload's size and hash.
 */
export async function verifyAndDecode(bytes: Uint8Array, file: DataFile): Promise<Uint8Array> {
  let payload = bytes;
  if (file.encoding === 'gzip' && isGzip(bytes)) {
    if (bytes.length < file.transferBytes) throw truncated(file, bytes.length, file.transferBytes);
    if (bytes.length !== file.transferBytes || (await sha256Hex(bytes)) !== file.sha256) throw damaged(file, 'its checksum does not match the book’s record');
    try {
      payload = await gunzip(bytes);
    } catch (error) {
      if (error instanceof DataError) throw error;
      throw damaged(file, 'it could not be decompressed');
    }
  } else if (file.encoding === 'gzip' && bytes.length === file.transferBytes) {
    throw damaged(file, 'it does not start like a gzip file');
  }
  if (payload.length < file.bytes) throw truncated(file, payload.length, file.bytes);
  if (payload.length !== file.bytes || (await sha256Hex(payload)) !== file.decodedSha256) throw damaged(file, 'its checksum does not match the book’s record');
  return payload;
}

/** Refuse anything that would leave the page's origin. */
function sameOrigin(url: string, origin: string | undefined): URL {
  const base = origin ?? globalThis.location?.origin;
  const u = new URL(url, base);
  if (base && u.origin !== new URL(base).origin) throw new DataError('foreign', `The book only loads data from its own site, not from ${u.origin}.`);
  return u;
}

async function request(url: URL, file: DataFile, opts: LoadOptions): Promise<Response> {
  const doFetch = opts.fetch ?? fetch;
  let res: Response;
  try {
    res = await doFetch(url.href, opts.signal ? { signal: opts.signal } : {});
  } catch (error) {
    if (opts.signal?.aborted) throw new DataError('aborted', 'Loading was cancelled.');
    if (globalThis.navigator?.onLine === false)
      throw new DataError(
        'offline',
        `You seem to be offline, so the data (${formatBytes(file.transferBytes)}) cannot be downloaded. Try again once you are connected.`,
      );
    throw new DataError(
      'network',
      `The data file ${name(file)} could not be downloaded (${error instanceof Error ? error.message : 'network error'}). Check your connection and try again.`,
    );
  }
  if (res.status === 404) throw new DataError('not-found', `The data file ${name(file)} is missing from this copy of the book (HTTP 404).`);
  if (!res.ok) throw new DataError('http', `The server would not send the data file ${name(file)} (HTTP ${res.status}). Try again later.`);
  return res;
}

/** Read a response body with progress callbacks; a dropped connection mid-way is "incomplete". */
async function readBody(res: Response, file: DataFile, opts: LoadOptions): Promise<Uint8Array> {
  let total = Math.max(file.transferBytes, Number(res.headers.get('content-length')) || 0);
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  let buf = new Uint8Array(total);
  let loaded = 0;
  opts.onProgress?.({ loaded, total });
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      if (opts.signal?.aborted) throw new DataError('aborted', 'Loading was cancelled.');
      throw truncated(file, loaded, file.transferBytes);
    }
    if (chunk.done) break;
    if (loaded + chunk.value.length > buf.length) {
      const grown = new Uint8Array(Math.max(buf.length * 2, loaded + chunk.value.length));
      grown.set(buf.subarray(0, loaded));
      buf = grown;
    }
    buf.set(chunk.value, loaded);
    loaded += chunk.value.length;
    total = Math.max(total, loaded);
    opts.onProgress?.({ loaded, total });
  }
  return loaded === buf.length ? buf : buf.slice(0, loaded);
}

/** Fetch, verify and decode one data file; `url` is absolute or relative to `origin`. */
export async function loadAsset(url: string, file: DataFile, opts: LoadOptions = {}): Promise<Uint8Array> {
  const target = sameOrigin(url, opts.origin);
  const res = await request(target, file, opts);
  return verifyAndDecode(await readBody(res, file, opts), file);
}
