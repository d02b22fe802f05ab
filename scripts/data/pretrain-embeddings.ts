/**
 * Train chapter 4's window model on Moby-Dick and write it to `scripts/data/pretrained/` (committed):
 *
 *   npm run data:pretrain            (node scripts/data/pretrain-embeddings.ts)
 *
 * - `moby-dick-window.weights.gz`: the whole model (E, H, b_H, U, b_U) in the tensor package's binary weights format,
 *   gzipped; the metric test (`src/widgets/neighbours/measured.test.ts`) reloads it and checks its perplexity.
 * - `moby-dick-embeddings.weights.gz`: E alone, each value rounded to 11 significant bits (float16 precision) so the
 *   gzip stream is small; served to the neighbours widget through the data loader.
 * - `moby-dick-embedding-words.json.gz`: the |V| words of E's rows (`<unk>` last).
 * - `moby-dick-window.json`: the manifest (sizes, sha256, seed, settings, command, held-out perplexities).
 *
 * Same seed, same bytes. `scripts/data/build.ts` copies the served files into `public/data/`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportWeights, importWeights, Tensor, type Module } from '@beyond-linear/tensor';
import { gunzipSync } from 'node:zlib';
import type { CorpusManifest, PretrainedManifest } from '../../src/widgets/_shared/data/manifest.ts';
import { baselines, perplexity, span } from '../../src/widgets/neighbours/perplexity.ts';
import { WindowLM, trainWindowLM, windowNll, type TrainOptions, type WindowConfig } from '../../src/widgets/neighbours/window-lm.ts';
import { gzip, gzipFile, sha256 } from './encode.ts';
import { CUT, UNK } from './moby-dick.ts';
import { corpusManifest } from './moby-dick-manifest.ts';

export const PRETRAINED_DIR = fileURLToPath(new URL('./pretrained/', import.meta.url));
export const MODEL_FILE = 'moby-dick-window.weights.gz';
export const EMBEDDINGS_PATH = 'data/moby-dick-embeddings.weights.gz';
export const WORDS_PATH = 'data/moby-dick-embedding-words.json.gz';
export const SEED = 20260404;
export const CONFIG: WindowConfig = { vocab: CUT + 1, n: 3, e: 32, hidden: 64, seed: SEED, embedScale: 0.1 };
export const TRAINING: Omit<TrainOptions, 'onStep'> = { epochs: 2, batch: 128, lr: 0.002 };

/** The corpus cut to the 2,000 most frequent training words plus `<unk>` (id 2000), and where the held-out part starts. */
export function cutCorpus(): { ids: Uint16Array; words: string[]; heldOutStart: number; manifest: CorpusManifest } {
  const { manifest, files } = corpusManifest('pretrain');
  const bytes = gunzipSync(files.get(manifest.files.ids.path)!);
  const all = Uint16Array.from({ length: bytes.length / 2 }, (_, i) => bytes.readUInt16LE(2 * i));
  const { words } = JSON.parse(gunzipSync(files.get(manifest.files.vocabulary.path)!).toString('utf8')) as { words: string[] };
  const ids = all.map((id) => (id < CUT ? id : CUT));
  return { ids, words: [...words.slice(0, CUT), UNK], heldOutStart: manifest.split.heldOutStart, manifest };
}

/** `x` rounded to 11 significant bits (the precision of float16), so it is exact in float32 with 13 trailing zero bits. */
export function roundToHalf(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const q = 2 ** (Math.floor(Math.log2(Math.abs(x))) - 10);
  return Math.round(x / q) * q;
}

/** E alone as a module with one parameter, `embedding.weight`, its values rounded by `roundToHalf`. */
export function embeddingsOnly(model: WindowLM): Module {
  const e = model.embedding.weight;
  const t = new Tensor(e.data.map(roundToHalf), e.shape.slice());
  return { params: () => [t], namedParams: () => [['embedding.weight', t]] };
}

/** `--out DIR` writes elsewhere and `--epochs N` trains less: for a quick check of the script, never for the committed files. */
function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

function main(): void {
  const t0 = performance.now();
  const dir = path.resolve(option('--out', PRETRAINED_DIR));
  const training = { ...TRAINING, epochs: Number(option('--epochs', String(TRAINING.epochs))) };
  const corpus = cutCorpus();
  const model = new WindowLM(CONFIG);
  let last = 0;
  trainWindowLM(model, corpus.ids, corpus.heldOutStart, {
    ...training,
    onStep(step, total, loss) {
      if (step % 200 === 0 || step === total)
        console.log(`pretrain: step ${step}/${total}, minibatch loss ${loss.toFixed(3)}, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
      last = loss;
    },
  });
  const full = exportWeights(model);
  const modelBytes = gzip(full);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, MODEL_FILE), modelBytes);
  // The metric is measured on the weights as stored (float32), exactly as the test reloads them.
  const stored = new WindowLM(CONFIG);
  importWeights(stored, gunzipSync(modelBytes));
  const held = span(corpus.heldOutStart, corpus.ids.length);
  const model_ = perplexity(windowNll(stored, corpus.ids, held), held.length);
  const base = baselines(corpus.ids, CONFIG.vocab, corpus.heldOutStart);
  const embeddings = gzipFile(EMBEDDINGS_PATH, exportWeights(embeddingsOnly(model)));
  const words = gzipFile(WORDS_PATH, new TextEncoder().encode(JSON.stringify({ unk: UNK, words: corpus.words })));
  const manifest: PretrainedManifest = {
    id: 'moby-dick-window',
    title: 'A window language model of Moby-Dick',
    description: `Predicts each word from the ${CONFIG.n} before it; trained by the book on the first 90 % of the text.`,
    provenance: {
      ...corpus.manifest.provenance,
      attribution: `Trained by the book on ${corpus.manifest.provenance.attribution}`,
    },
    corpus: { id: 'moby-dick', idsSha256: corpus.manifest.files.ids.decodedSha256, heldOutStart: corpus.heldOutStart, tokens: corpus.ids.length },
    model: {
      ...CONFIG,
      embedScale: CONFIG.embedScale ?? 0.1,
      activation: 'relu',
      optimiser: `Adam, learning rate ${TRAINING.lr} falling linearly to ${TRAINING.lr / 10}`,
      epochs: training.epochs,
      batch: TRAINING.batch,
      finalMinibatchLoss: Math.round(last * 1e4) / 1e4,
    },
    command: 'npm run data:pretrain',
    metrics: {
      heldOutTokens: base.tokens,
      perplexity: { model: round(model_), unigram: round(base.unigram), bigram: round(base.bigram) },
      bigramK: base.k,
    },
    weights: { path: `scripts/data/pretrained/${MODEL_FILE}`, bytes: modelBytes.length, sha256: sha256(modelBytes), decodedSha256: sha256(full) },
    files: { embeddings: embeddings.file, words: words.file },
  };
  writeFileSync(path.join(dir, path.basename(EMBEDDINGS_PATH)), embeddings.bytes);
  writeFileSync(path.join(dir, path.basename(WORDS_PATH)), words.bytes);
  writeFileSync(path.join(dir, 'moby-dick-window.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(
    `pretrain: held-out perplexity ${manifest.metrics.perplexity.model} (unigram ${manifest.metrics.perplexity.unigram}, add-${base.k} bigram ${manifest.metrics.perplexity.bigram})`,
  );
  console.log(`pretrain: E ${embeddings.file.transferBytes} bytes gzipped; done in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
