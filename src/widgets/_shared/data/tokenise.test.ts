import { describe, expect, it } from 'vitest';
import { tokenise } from './tokenise';

describe('tokenise', () => {
  it('lower-cases words and drops punctuation', () => {
    expect(tokenise('Call me Ishmael. Some years ago—never mind how long precisely—')).toEqual([
      'call',
      'me',
      'ishmael',
      'some',
      'years',
      'ago',
      'never',
      'mind',
      'how',
      'long',
      'precisely',
    ]);
  });

  it("splits a final 's, keeps inner apostrophes, splits hyphens, keeps numbers", () => {
    expect(tokenise("Ahab’s sperm-whale don’t o'er 1851")).toEqual(['ahab', "'s", 'sperm', 'whale', "don't", "o'er", '1851']);
  });

  it('strips accents and spells ligatures out', () => {
    expect(tokenise('Café Cæsar Œuvre naïve')).toEqual(['cafe', 'caesar', 'oeuvre', 'naive']);
  });

  it('gives nothing for text without words', () => {
    expect(tokenise(' —!? ')).toEqual([]);
  });
});
