/**
 * The committed pretrained files (`scripts/data/pretrained/`), read at build time and in tests (server only): the
 * manifest, the served table E with its words, and the whole window model. Each file is checked against the
 * manifest's sha256 before use.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Tensor } from '@beyond-linear/tensor';
import type { PretrainedManifest } from '../_shared/data/manifest';
import { decodeTable } from './compute';
import { vocabulary, type Vocabulary } from './model';

export const PRETRAINED_DIR = path.join(process.cwd(), 'scripts', 'data', 'pretrained');

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export function readPretrainedManifest(): PretrainedManifest {
  return JSON.parse(readFileSync(path.join(PRETRAINED_DIR, 'moby-dick-window.json'), 'utf8')) as PretrainedManifest;
}

/** The gunzipped bytes of a committed file, after checking the file's sha256 against `expected`. */
export function readChecked(file: string, expected: string): Uint8Array {
  const bytes = readFileSync(path.join(PRETRAINED_DIR, path.basename(file)));
  const actual = sha256(bytes);
  if (actual !== expected) throw new Error(`${file}: sha256 ${actual} does not match the manifest's ${expected}; run npm run data:pretrain`);
  return new Uint8Array(gunzipSync(bytes));
}

/** E (as served to the page) and its vocabulary. */
export function readEmbeddings(m: PretrainedManifest = readPretrainedManifest()): { table: Tensor; vocab: Vocabulary } {
  const { words, unk } = JSON.parse(new TextDecoder().decode(readChecked(m.files.words.path, m.files.words.sha256))) as { words: string[]; unk: string };
  const vocab = vocabulary(words, unk);
  return { table: decodeTable(readChecked(m.files.embeddings.path, m.files.embeddings.sha256), words.length), vocab };
}
