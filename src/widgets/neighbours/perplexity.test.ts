import { describe, expect, it } from 'vitest';
import { K_GRID, baselines, bigramCounts, bigramNll, chooseK, contexts, perplexity, span, unigramCounts, unigramNll } from './perplexity';
import { WindowLM, trainWindowLM, windowNll } from './window-lm';

describe('perplexity and its baselines', () => {
  it('cuts windows of the n previous ids before each target', () => {
    const ids = [5, 6, 7, 8, 9];
    expect(contexts(ids, 2, [2, 4])).toEqual({ windows: Int32Array.of(5, 6, 7, 8), targets: Int32Array.of(7, 9) });
    expect(() => contexts(ids, 3, [2])).toThrow(/fewer than 3 words/);
    expect([...span(3, 6)]).toEqual([3, 4, 5]);
  });

  it('a unigram model of a uniform text has perplexity |V|, and a skewed one less', () => {
    const ids = [0, 1, 2, 3, 0, 1, 2, 3];
    const c = unigramCounts(ids, 4, 0, 8);
    expect(perplexity(unigramNll(c, ids, span(0, 8)), 8)).toBeCloseTo(4, 12);
    const skew = [0, 0, 0, 1];
    // p = (3/4, 1/4): perplexity exp(−(3 ln 3/4 + ln 1/4)/4)
    expect(perplexity(unigramNll(unigramCounts(skew, 2, 0, 4), skew, span(0, 4)), 4)).toBeCloseTo(Math.exp(-(3 * Math.log(0.75) + Math.log(0.25)) / 4), 12);
    expect(() => unigramNll(Float64Array.of(1, 0), [0, 1], [1])).toThrow(/never occurs/);
  });

  it('the add-k bigram is (c(u,w) + k)/(c(u) + k|V|), and a large k tends to the uniform |V|', () => {
    const ids = [0, 1, 0, 1, 0, 2];
    const b = bigramCounts(ids, 3, 0, 6);
    expect(b.first[0]).toBe(3);
    expect(b.pairs.get(0 * 3 + 1)).toBe(2);
    // p(1 | 0) with k = 0.5: (2 + 0.5) / (3 + 1.5)
    expect(bigramNll(b, 0.5, ids, [1])).toBeCloseTo(-Math.log(2.5 / 4.5), 12);
    // an unseen pair gets k / (c(u) + k|V|)
    expect(bigramNll(b, 0.5, [2, 2], [1])).toBeCloseTo(-Math.log(0.5 / 1.5), 12);
    expect(perplexity(bigramNll(b, 1e9, ids, span(1, 6)), 5)).toBeCloseTo(3, 6);
  });

  it('chooses k on the end of the training part only: the held-out part cannot move it', () => {
    const ids = Array.from({ length: 400 }, (_, i) => (i * 7 + (i % 3)) % 5);
    const { k, tried } = chooseK(ids, 5, 300);
    expect(tried.map((t) => t.k)).toEqual([...K_GRID]);
    expect(tried.find((t) => t.k === k)!.perplexity).toBe(Math.min(...tried.map((t) => t.perplexity)));
    const changed = ids.map((x, i) => (i >= 300 ? 4 - x : x));
    expect(chooseK(changed, 5, 300).k).toBe(k);
    const b = baselines(ids, 5, 300);
    expect(b.tokens).toBe(100);
    expect(b.bigram).toBeLessThan(b.unigram);
  });
});

describe('the window language model', () => {
  it('learns a repeating text: held-out perplexity falls from about |V| to near 1, the same for the same seed', () => {
    const text = Array.from({ length: 600 }, (_, i) => [0, 1, 2, 3, 4, 5][i % 6]! + (i % 12 < 6 ? 0 : 6));
    const config = { vocab: 12, n: 2, e: 4, hidden: 16, seed: 3 };
    const held = span(540, 600);
    const fresh = new WindowLM(config);
    const before = perplexity(windowNll(fresh, text, held), held.length);
    const trained = (): WindowLM => {
      const m = new WindowLM(config);
      trainWindowLM(m, text, 540, { epochs: 8, batch: 16, lr: 0.03 });
      return m;
    };
    const a = trained();
    const after = perplexity(windowNll(a, text, held), held.length);
    expect(before).toBeGreaterThan(6);
    expect(after).toBeLessThan(1.3);
    expect(trained().embedding.weight.data).toEqual(a.embedding.weight.data);
    expect(a.namedParams().map(([k]) => k)).toEqual(['embedding.weight', 'hidden.weight', 'hidden.bias', 'output.weight', 'output.bias']);
  });
});
