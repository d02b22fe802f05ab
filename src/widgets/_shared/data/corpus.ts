/** The book's text corpus payloads (see `scripts/data/moby-dick.ts`): token ids, the vocabulary, and the cut to the k most frequent words. Pure module. */
import { DataError } from './load';

export interface Vocabulary {
  unk: string;
  /** Words by id (frequency rank). */
  words: string[];
  /** Count of each word over the whole text. */
  counts: number[];
  /** Count of each word in the training part. */
  trainCounts: number[];
}

/** Little-endian 16-bit ids from the ids payload. */
export function decodeIds(payload: Uint8Array): Uint16Array {
  if (payload.length % 2 !== 0) throw new DataError('corrupt', 'The token file has an odd number of bytes, so it was not used.');
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  return Uint16Array.from({ length: payload.length / 2 }, (_, i) => view.getUint16(i * 2, true));
}

/** The vocabulary from its JSON payload. */
export function decodeVocabulary(payload: Uint8Array): Vocabulary {
  try {
    const v = JSON.parse(new TextDecoder().decode(payload)) as Vocabulary;
    if (!Array.isArray(v.words) || v.words.length !== v.counts.length || v.words.length !== v.trainCounts.length) throw new Error('lengths');
    return v;
  } catch {
    throw new DataError('corrupt', 'The vocabulary file could not be read, so it was not used.');
  }
}

/** Ids for a vocabulary of the `k` most frequent words plus unknown: `id < k ? id : k` (k is `<unk>`). */
export function cutIds(ids: Uint16Array, k: number): Uint16Array {
  return ids.map((id) => (id < k ? id : k));
}

/** The words of the cut vocabulary, `<unk>` last (its id is `k`). */
export function cutWords(vocab: Vocabulary, k: number): string[] {
  return [...vocab.words.slice(0, k), vocab.unk];
}
