import { describe, expect, it } from 'vitest';
import { rng } from '@beyond-linear/tensor';
import { ANALOGIES, CATEGORIES, CATEGORY_INDEX, WORDS, WORD_CATEGORY, analogyText, generateCorpus, idOf, sentence } from './grammar';

describe('the grammar', () => {
  it('has 102 distinct words in 9 categories plus 6 others, each category with at least 6 words', () => {
    expect(WORDS.length).toBe(102);
    expect(new Set(WORDS).size).toBe(WORDS.length);
    expect(CATEGORIES.length).toBe(9);
    const sizes = CATEGORIES.map((c) => WORD_CATEGORY.filter((x) => x === c).length);
    expect(sizes).toEqual([10, 16, 12, 10, 10, 12, 10, 10, 6]);
    expect(WORDS.filter((_, i) => CATEGORY_INDEX[i] === -1)).toEqual(['.', 'said', 'he', 'she', 'was', 'in']);
  });

  it('is the same corpus for the same seed and another for another seed', () => {
    const a = generateCorpus(3, 5000);
    expect(generateCorpus(3, 5000)).toEqual(a);
    expect(generateCorpus(4, 5000)).not.toEqual(a);
    expect(a.length).toBeGreaterThanOrEqual(5000);
    expect(a.length).toBeLessThan(5012);
    expect(WORDS[a.at(-1)!]).toBe('.');
  });

  it('agrees in number and gender in every sentence', () => {
    const r = rng(7);
    const singular = new Set(['a', 'this', 'that', 'every']);
    const plural = new Set(['these', 'those', 'some', 'many', 'two']);
    for (let i = 0; i < 2000; i++) {
      const s = sentence(r);
      expect(s.at(-1)).toBe('.');
      const noun = s.findIndex((w) => ['animal', 'person'].includes(WORD_CATEGORY[idOf(w)] ?? ''));
      const word = s[noun]!;
      const isPlural = word.endsWith('s') && WORD_CATEGORY[idOf(word)] === 'animal';
      if (singular.has(s[0]!)) expect(isPlural).toBe(false);
      if (plural.has(s[0]!)) expect(isPlural).toBe(true);
      const verb = s[noun + 1]!;
      if (verb === 'said') expect(s[noun + 2]).toBe(['woman', 'girl', 'queen', 'mother', 'sister', 'daughter'].includes(word) ? 'she' : 'he');
      else expect(verb.endsWith('s')).toBe(!isPlural);
    }
  });

  it('defines 392 analogies, each with four distinct words: 112 plural, 220 verb number, 60 gender', () => {
    expect(ANALOGIES.length).toBe(392);
    const count = (r: string): number => ANALOGIES.filter((a) => a.relation === r).length;
    expect([count('plural'), count('verb number'), count('gender')]).toEqual([112, 220, 60]);
    for (const x of ANALOGIES) expect(new Set([x.a, x.b, x.c, x.d]).size).toBe(4);
    const texts = ANALOGIES.map((x) => analogyText(x));
    expect(texts).toContain('cats − cat + dog = dogs');
    expect(texts).toContain('eats − eat + run = runs');
    // king − man + woman = queen is the same query as woman − man + king (the sum commutes, the same words are left out).
    expect(texts).toContain('woman − man + king = queen');
  });
});
