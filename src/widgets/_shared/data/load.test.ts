import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataError, isGzip, loadAsset, verifyAndDecode, type Progress } from './load';
import { formatBytes, type DataFile } from './manifest';
import { decodeMnist, mnistShape, splitOf } from './mnist';
import { cutIds, cutWords, decodeIds, decodeVocabulary } from './corpus';

const hex = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
let seed = 1;
/** Bytes that gzip cannot shrink much (a linear congruential sequence), so truncation is visible. */
const payload = Uint8Array.from({ length: 50_000 }, () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24);
const served = new Uint8Array(gzipSync(payload));
const file: DataFile = {
  path: 'data/test.u8.gz',
  encoding: 'gzip',
  bytes: payload.length,
  transferBytes: served.length,
  sha256: hex(served),
  decodedSha256: hex(payload),
};
const ORIGIN = 'http://book.test';

/** A fetch that serves `body` in 4 KB chunks (or fails as told). */
function fakeFetch(body: Uint8Array | null, init: { status?: number; failAfter?: number; headers?: Record<string, string> } = {}): typeof fetch {
  return (async () => {
    if (!body) return new Response('not found', { status: init.status ?? 404 });
    let at = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (init.failAfter !== undefined && at >= init.failAfter) return controller.error(new TypeError('network error'));
        if (at >= body.length) return controller.close();
        controller.enqueue(body.slice(at, at + 4096));
        at += 4096;
      },
    });
    return new Response(stream, { status: init.status ?? 200, headers: init.headers ?? {} });
  }) as typeof fetch;
}

async function failure(p: Promise<unknown>): Promise<DataError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof DataError) return error;
    throw error;
  }
  throw new Error('expected a DataError');
}

afterEach(() => vi.unstubAllGlobals());

describe('verifyAndDecode', () => {
  it('recognises gzip by its magic bytes', () => {
    expect(isGzip(served)).toBe(true);
    expect(isGzip(payload)).toBe(false);
    expect(isGzip(new Uint8Array([0x1f]))).toBe(false);
  });

  it('checks and gunzips what the manifest describes', async () => {
    const out = await verifyAndDecode(served, file);
    expect(out.length).toBe(50_000);
    expect(hex(out)).toBe(file.decodedSha256);
  });

  it('accepts a payload the server already decoded, checked against the payload hash', async () => {
    expect(hex(await verifyAndDecode(payload, file))).toBe(file.decodedSha256);
  });

  it('calls a flipped byte damaged', async () => {
    const bad = served.slice();
    bad[200] = bad[200]! ^ 0xff;
    const e = await failure(verifyAndDecode(bad, file));
    expect(e.kind).toBe('corrupt');
    expect(e.message).toBe(
      'The data file test.u8.gz is damaged (its checksum does not match the book’s record), so it was not used. Reloading the page may fetch a good copy.',
    );
  });

  it('calls a short file incomplete, with sizes', async () => {
    const e = await failure(verifyAndDecode(served.subarray(0, 900), file));
    expect(e.kind).toBe('truncated');
    expect(e.message).toBe(
      `The data file test.u8.gz arrived incomplete (900 bytes of ${formatBytes(served.length)}). Try again: the connection may have dropped.`,
    );
  });

  it('calls bytes that are not gzip but have the gzip size damaged', async () => {
    const e = await failure(verifyAndDecode(new Uint8Array(served.length), file));
    expect(e.message).toContain('does not start like a gzip file');
  });

  it('reports a gzip stream that will not decompress, even with a matching checksum', async () => {
    const garbage = Uint8Array.from({ length: 64 }, (_, i) => (i < 2 ? [0x1f, 0x8b][i]! : 0xff));
    const e = await failure(verifyAndDecode(garbage, { ...file, transferBytes: 64, sha256: hex(garbage) }));
    expect(e.kind).toBe('corrupt');
    expect(e.message).toContain('could not be decompressed');
  });
});

describe('loadAsset', () => {
  it('streams with progress in bytes up to the transfer size', async () => {
    const seen: Progress[] = [];
    const out = await loadAsset('/book/data/test.u8.gz', file, { fetch: fakeFetch(served), origin: ORIGIN, onProgress: (p) => seen.push(p) });
    expect(hex(out)).toBe(file.decodedSha256);
    expect(seen[0]).toEqual({ loaded: 0, total: served.length });
    expect(seen.at(-1)).toEqual({ loaded: served.length, total: served.length });
    expect(seen.every((p, i) => i === 0 || p.loaded > seen[i - 1]!.loaded)).toBe(true);
  });

  it('says a 404 is a missing file', async () => {
    const e = await failure(loadAsset('/data/test.u8.gz', file, { fetch: fakeFetch(null), origin: ORIGIN }));
    expect(e.kind).toBe('not-found');
    expect(e.message).toBe('The data file test.u8.gz is missing from this copy of the book (HTTP 404).');
  });

  it('names other HTTP errors', async () => {
    const e = await failure(loadAsset('/data/test.u8.gz', file, { fetch: fakeFetch(null, { status: 503 }), origin: ORIGIN }));
    expect(e.message).toBe('The server would not send the data file test.u8.gz (HTTP 503). Try again later.');
  });

  it('tells an offline reader so', async () => {
    vi.stubGlobal('navigator', { onLine: false });
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const e = await failure(loadAsset('/data/test.u8.gz', file, { fetch: offline, origin: ORIGIN }));
    expect(e.kind).toBe('offline');
    expect(e.message).toContain('You seem to be offline');
  });

  it('calls a connection that drops mid-way incomplete', async () => {
    const e = await failure(loadAsset('/data/test.u8.gz', file, { fetch: fakeFetch(served, { failAfter: 8192 }), origin: ORIGIN }));
    expect(e.kind).toBe('truncated');
    expect(e.message).toContain('arrived incomplete (8 KB of');
  });

  it('never fetches from another origin', async () => {
    const spy = vi.fn(fakeFetch(served));
    const e = await failure(loadAsset('https://cdn.example/data/test.u8.gz', file, { fetch: spy, origin: ORIGIN }));
    expect(e.kind).toBe('foreign');
    expect(spy).not.toHaveBeenCalled();
  });
});

describe('payload decoders', () => {
  const manifest = mnistShape({
    count: 3,
    shape: [2, 2],
    split: { train: { start: 0, count: 2, classCounts: [] }, test: { start: 2, count: 1, classCounts: [] }, rule: '', seed: 1 },
  });

  it('gives views onto MNIST pixels and labels, and the split of each digit', () => {
    const d = decodeMnist(Uint8Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 7, 0, 9]), manifest);
    expect([...d.labels]).toEqual([7, 0, 9]);
    expect([...d.pixels.subarray(4, 8)]).toEqual([4, 5, 6, 7]);
    expect([splitOf(d, 1), splitOf(d, 2)]).toEqual(['train', 'test']);
  });

  it('refuses an MNIST payload of the wrong size or with a label above 9', () => {
    expect(() => decodeMnist(new Uint8Array(14), manifest)).toThrow('holds 14 bytes where 15 were expected');
    expect(() => decodeMnist(Uint8Array.from([...new Array<number>(12).fill(0), 1, 12, 3]), manifest)).toThrow('Digit 1 of the file has the label 12');
  });

  it('reads little-endian ids and cuts the vocabulary to k words plus <unk>', () => {
    const ids = decodeIds(Uint8Array.from([1, 0, 0, 1, 5, 0]));
    expect([...ids]).toEqual([1, 256, 5]);
    expect([...cutIds(ids, 5)]).toEqual([1, 5, 5]);
    const vocab = decodeVocabulary(
      new TextEncoder().encode(JSON.stringify({ unk: '<unk>', words: ['the', 'of', 'whale'], counts: [3, 2, 1], trainCounts: [3, 1, 1] })),
    );
    expect(cutWords(vocab, 2)).toEqual(['the', 'of', '<unk>']);
    expect(() => decodeVocabulary(new TextEncoder().encode('{"words":'))).toThrow('The vocabulary file could not be read');
  });
});
