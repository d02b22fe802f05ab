/**
 * The metric test of the pretrained window model: the committed files match their manifest, the whole model reloads and
 * reproduces its held-out perplexity, and every figure in `measured` is recomputed from the committed weights.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { importWeights, readWeights } from '@beyond-linear/tensor';
import { corpusManifest } from '../../../scripts/data/moby-dick-manifest';
import { CONFIG, cutCorpus, roundToHalf, SEED, TRAINING } from '../../../scripts/data/pretrain-embeddings';
import { ANALOGIES, evaluate } from './analogies';
import { neighboursOf } from './compute';
import { measured } from './measured';
import { baselines, perplexity, span } from './perplexity';
import { PRETRAINED_DIR, readChecked, readEmbeddings, readPretrainedManifest } from './pretrained';
import { WindowLM, windowNll } from './window-lm';

const m = readPretrainedManifest();
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const { table, vocab } = readEmbeddings(m);

describe('the committed pretrained files', () => {
  it('match the sha256 and sizes in their manifest, served and decoded', () => {
    for (const f of [m.files.embeddings, m.files.words]) {
      const bytes = readFileSync(path.join(PRETRAINED_DIR, path.basename(f.path)));
      expect(sha256(bytes), f.path).toBe(f.sha256);
      expect(bytes.length).toBe(f.transferBytes);
      const payload = gunzipSync(bytes);
      expect(sha256(payload), f.path).toBe(f.decodedSha256);
      expect(payload.length).toBe(f.bytes);
    }
    const whole = readFileSync(path.join(PRETRAINED_DIR, path.basename(m.weights.path)));
    expect(sha256(whole)).toBe(m.weights.sha256);
    expect(whole.length).toBe(m.weights.bytes);
    expect(m.files.embeddings.transferBytes + m.files.words.transferBytes, 'small enough to load when the widget starts').toBeLessThan(300_000);
  });

  it('were trained on the corpus the book builds today, with the seed and settings of the script', () => {
    expect(m.corpus.idsSha256).toBe(corpusManifest('test').manifest.files.ids.decodedSha256);
    expect(m.model).toMatchObject({ ...CONFIG, epochs: TRAINING.epochs, batch: TRAINING.batch, seed: SEED });
    expect(m.command).toBe('npm run data:pretrain');
  });

  it('serve E as the whole model’s table rounded to 11 significant bits', () => {
    const whole = readWeights(readChecked(m.weights.path, m.weights.sha256));
    const e = whole.get('embedding.weight')!;
    expect(table.shape).toEqual([measured.vocabSize, measured.e]);
    // Rounded from the float64 values of training, so a value may differ by one step from rounding the float32 copy.
    const far = Array.from(table.data).filter((x, i) => Math.abs(x - roundToHalf(e.data[i]!)) > Math.abs(e.data[i]!) * 2 ** -10);
    expect(far).toEqual([]);
    expect(table.data.every((x) => roundToHalf(x) === x)).toBe(true);
    expect(vocab.words.at(-1)).toBe('<unk>');
  });
});

// The whole held-out part through the model: a few seconds.
describe('the measured figures', { timeout: 120_000 }, () => {
  const corpus = cutCorpus();

  it('the window model reproduces its held-out perplexity, next to the unigram and add-k bigram baselines', () => {
    const model = new WindowLM(CONFIG);
    importWeights(model, readChecked(m.weights.path, m.weights.sha256));
    const held = span(corpus.heldOutStart, corpus.ids.length);
    const ppl = perplexity(windowNll(model, corpus.ids, held), held.length);
    const base = baselines(corpus.ids, CONFIG.vocab, corpus.heldOutStart);
    // Rounded to two decimals in `measured` and the manifest.
    expect(ppl).toBeCloseTo(measured.perplexity.model, 2);
    expect(base.unigram).toBeCloseTo(measured.perplexity.unigram, 2);
    expect(base.bigram).toBeCloseTo(measured.perplexity.bigram, 2);
    expect(base.k).toBe(measured.bigramK);
    expect(held.length).toBe(measured.heldOutTokens);
    expect(m.metrics.perplexity).toEqual(measured.perplexity);
    expect(measured.perplexity.model).toBeLessThan(measured.perplexity.bigram);
  });

  it('the example neighbours and the analogy count come from the served table', () => {
    for (const [word, list] of Object.entries(measured.neighbours)) {
      const found = neighboursOf(table, vocab, vocab.index.get(word)!, list.length);
      expect(
        found.map((s) => [s.word, Math.round(s.similarity * 1000) / 1000]),
        word,
      ).toEqual(list.map(([w, s]) => [w, s]));
    }
    const results = evaluate(table, vocab);
    expect(results.length).toBe(measured.analogies.total);
    expect(results.filter((r) => r.top1).map((r) => r.analogy.expected)).toEqual([...measured.analogies.hits]);
    expect(results.filter((r) => r.top5).length).toBe(measured.analogies.top5);
    expect(ANALOGIES.flatMap((a) => [a.a, a.b, a.c, a.expected]).filter((w) => !vocab.index.has(w))).toEqual([]);
  });
});
