import { describe, expect, it } from 'vitest';
import { Tensor } from '@beyond-linear/tensor';
import { parseState } from '../_shared/state';
import { analogyOf, load, neighboursOf, readingOf } from './compute';
import { closeSpellings, editDistance, lookUp, props, vocabulary } from './model';

// A toy table: "whale" and "whales" point the same way, "ship" and "ships" share the plural offset (0, 0, 1).
const words = ['whale', 'whales', 'ship', 'ships', 'sea', 'he', '<unk>'];
const rows = [
  [1, 0, 0],
  [1, 0.1, 1],
  [0, 1, 0],
  [0, 1.1, 1],
  [0.7, 0.7, 0],
  [-1, 0, 0],
  [1, 0, 0.05],
];
const table = new Tensor(Float64Array.from(rows.flat()), [7, 3]);
const vocab = vocabulary(words, '<unk>');

describe('reading typed words', () => {
  it('meets the corpus tokeniser: case, accents and curly apostrophes', () => {
    expect(lookUp(' Whale ', vocab)).toEqual({ kind: 'ok', id: 0, word: 'whale' });
    expect(lookUp('SHÏP', vocab)).toEqual({ kind: 'ok', id: 2, word: 'ship' });
    expect(lookUp('', vocab)).toEqual({ kind: 'empty' });
    expect(lookUp('whale’s', vocab)).toEqual({ kind: 'several', tokens: ['whale', "'s"] });
  });

  it('an unknown word, or <unk> itself, gets close spellings the model knows', () => {
    expect(lookUp('whail', vocab)).toEqual({ kind: 'unknown', word: 'whail', suggestions: ['whale'] });
    expect(lookUp('whals', vocab)).toEqual({ kind: 'unknown', word: 'whals', suggestions: ['whale', 'whales'] });
    expect(lookUp('unk', vocab)).toMatchObject({ kind: 'unknown', suggestions: [] });
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance('kitten', 'sitting', 2)).toBe(3);
    expect(closeSpellings('hx', vocab)).toEqual(['he']);
  });

  it('the URL keeps a word of at most 40 letters and refuses anything else with the reason', () => {
    expect(parseState(props, 'n', '#n.word=Queequeg').values.word).toBe('Queequeg');
    expect(parseState(props, 'n', `#n.word=${'a'.repeat(41)}`).rejected[0]?.reason).toBe('is longer than 40 characters');
    expect(parseState(props, 'n', '#n.a=<b>').rejected[0]?.reason).toBe('may contain only letters and apostrophes');
    expect(parseState(props, 'n', '#n.mode=analogy').values.mode).toBe('analogy');
  });
});

describe('neighbours and analogies in a table', () => {
  it('lists the most similar rows by cosine, leaving out the word itself and <unk>', () => {
    const list = neighboursOf(table, vocab, 0, 5);
    expect(list.map((s) => s.word)).toEqual(['sea', 'whales', 'ship', 'ships', 'he']);
    expect(list[0]!.similarity).toBeCloseTo(0.7 / Math.sqrt(0.98), 12);
    expect(list[2]!.similarity).toBe(0);
    expect(list[4]!.similarity).toBeCloseTo(-1, 12);
  });

  it('answers whales − whale + ship with ships, leaving out the three words typed', () => {
    const answers = analogyOf(table, vocab, 1, 0, 2, 3);
    expect(answers[0]!.word).toBe('ships');
    expect(answers.map((s) => s.word)).not.toContain('whales');
    expect(answers.map((s) => s.word)).not.toContain('<unk>');
  });

  it('reads the settings into a list and a figure, or sentences when a word cannot be used', () => {
    const d = load(table, vocab);
    expect(d.base.map((p) => p.word)).toEqual(['he', 'sea', 'ship']);
    const ok = readingOf({ ...parseState(props, 'n', '').values, word: 'Whale' }, d);
    expect(ok.ok && ok.heading).toBe('Nearest to whale (cosine similarity)');
    expect(ok.ok && ok.list.length).toBe(5);
    const analogy = readingOf({ ...parseState(props, 'n', '#n.mode=analogy').values }, d);
    expect(analogy.ok && analogy.list[0]!.word).toBe('ships');
    expect(analogy.figure.highlight?.query.word).toBe('whales − whale + ship');
    const bad = readingOf({ ...parseState(props, 'n', '#n.mode=analogy&n.a=whail&n.c=').values }, d);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems).toEqual([
      '“whail” is not among the 6 most frequent words of the training text, so the model has no row of its own for it (it is read as <unk>). Close spellings it knows: whale.',
      'Word c is empty: type one of the 6 most frequent words of the training text.',
    ]);
    expect(bad.figure.highlight).toBeNull();
  });
});
