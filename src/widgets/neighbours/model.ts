/**
 * The neighbours-and-analogies widget's settings and the words it reads: typed text meets the corpus tokeniser, then the
 * model's vocabulary (the 2,000 most frequent words of Moby-Dick's training part, plus `<unk>`). Pure and light (no
 * tensor code): it is in the page's first load.
 */
import type { ChoiceProp, TextProp, Values } from '../_shared/state';
import { tokenise } from '../_shared/data/tokenise';

/** Longest word a reader (or a link) may type. */
export const MAX_WORD = 40;
/** How many neighbours the widget lists; an analogy lists its best five answers. */
export const NEIGHBOURS = 8;
export const ANSWERS = 5;

const word = (d: string): TextProp => ({
  kind: 'text',
  default: d,
  maxLength: MAX_WORD,
  pattern: /^\s*[\p{L}'’]*\s*$/u,
  allowed: 'letters and apostrophes',
});

export type Mode = 'neighbours' | 'analogy';

export const props = {
  mode: { kind: 'choice', default: 'neighbours', options: ['neighbours', 'analogy'] } as ChoiceProp<Mode>,
  word: word('whale'),
  a: word('whales'),
  b: word('whale'),
  c: word('ship'),
} as const;

export type NeighboursValues = Values<typeof props>;

/** The model's words by row of E, `<unk>` last, and the row of each word. */
export interface Vocabulary {
  words: readonly string[];
  index: ReadonlyMap<string, number>;
  /** The row of `<unk>`, the bucket of every rarer word: never offered as a neighbour or an answer. */
  unk: number;
}

export function vocabulary(words: readonly string[], unk: string): Vocabulary {
  const at = words.indexOf(unk);
  if (at < 0) throw new Error(`vocabulary: no ${unk} among the words`);
  return { words, index: new Map(words.map((w, i) => [w, i])), unk: at };
}

/** What a typed value means to the model. */
export type Lookup =
  | { kind: 'ok'; id: number; word: string }
  | { kind: 'empty' }
  | { kind: 'several'; tokens: string[] }
  | { kind: 'unknown'; word: string; suggestions: string[] };

/** Read a typed value as one of the model's words (`Ahab` → `ahab`), or say why it is not one. */
export function lookUp(raw: string, v: Vocabulary): Lookup {
  const tokens = tokenise(raw.slice(0, MAX_WORD));
  if (tokens.length === 0) return { kind: 'empty' };
  if (tokens.length > 1) return { kind: 'several', tokens };
  const w = tokens[0]!;
  const id = v.index.get(w);
  return id === undefined || id === v.unk ? { kind: 'unknown', word: w, suggestions: closeSpellings(w, v) } : { kind: 'ok', id, word: w };
}

/** Levenshtein distance of `a` and `b`, or `limit + 1` as soon as it must exceed `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    if (Math.min(...row) > limit) return limit + 1;
    prev = row;
  }
  return prev[b.length]!;
}

/** Up to `k` of the model's words within two edits of `w`, closest first, then most frequent (lowest row) first. */
export function closeSpellings(w: string, v: Vocabulary, k = 3): string[] {
  const limit = w.length <= 4 ? 1 : 2;
  return v.words
    .map((x, id) => ({ x, id, d: id === v.unk ? limit + 1 : editDistance(w, x, limit) }))
    .filter((c) => c.d <= limit)
    .sort((p, q) => p.d - q.d || p.id - q.id)
    .slice(0, k)
    .map((c) => c.x);
}

/** The words of the projection, by a kind a reader would name; the model never saw these labels. */
export const KINDS = {
  numbers: ['one', 'two', 'three', 'four', 'five', 'six', 'ten', 'hundred', 'thousand', 'first'],
  people: ['he', 'she', 'they', 'we', 'you', 'ahab', 'starbuck', 'stubb', 'queequeg', 'captain'],
  'past verbs': ['said', 'went', 'came', 'saw', 'took', 'stood', 'looked', 'thought', 'knew', 'seemed'],
  'the sea': ['sea', 'ocean', 'water', 'waves', 'ship', 'boat', 'deck', 'harpoon', 'rope', 'oil'],
} as const;
export type Kind = keyof typeof KINDS;
