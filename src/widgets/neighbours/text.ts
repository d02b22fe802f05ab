/** The neighbours widget's sentences: readouts, problems with a typed word, and the figure's description. Pure. */
import { fmt } from '../_shared/format';
import type { Scored } from './compute';
import type { Lookup } from './model';

const quote = (s: string): string => `“${s}”`;

/** Why a typed value gives no row of E, as a sentence; `size` is the number of words the model knows (without `<unk>`). */
export function lookupProblem(label: string, raw: string, l: Exclude<Lookup, { kind: 'ok' }>, size: number): string {
  const known = `the ${size.toLocaleString('en')} most frequent words of the training text`;
  if (l.kind === 'empty') return `${label} is empty: type one of ${known}.`;
  if (l.kind === 'several') return `${label} ${quote(raw.trim())} reads as ${l.tokens.length} words (${l.tokens.join(', ')}); type one word.`;
  const close = l.suggestions.length ? ` Close spellings it knows: ${l.suggestions.join(', ')}.` : '';
  return `${quote(l.word)} is not among ${known}, so the model has no row of its own for it (it is read as <unk>).${close}`;
}

/** `whales 0.71, boat 0.52`: words with their cosine similarities. */
export function scoredList(list: readonly Scored[]): string {
  return list.map((s) => `${s.word} ${fmt(s.similarity, 2)}`).join(', ');
}

/** The heading of the list: what it is the neighbours of. */
export function heading(query: string): string {
  return `Nearest to ${query} (cosine similarity)`;
}

/** `whales − whale + ship`. */
export function analogyQuery(a: string, b: string, c: string): string {
  return `${a} − ${b} + ${c}`;
}

/** The figure and the list, in words. */
export function describeNeighbours(word: string, list: readonly Scored[], dims: number): string {
  return (
    `Forty frequent words of four kinds (numbers, people, past-tense verbs, words of the sea) placed by the two principal axes of their rows of E. ` +
    `${quote(word)} is marked with a star and joined to its ${list.length} nearest words in all ${dims} dimensions: ${scoredList(list)}.`
  );
}

export function describeAnalogy(a: string, b: string, c: string, list: readonly Scored[]): string {
  return (
    `Forty frequent words of four kinds placed by the two principal axes of their rows of E, with ${a}, ${b} and ${c} marked. ` +
    `The arrow from ${b} to ${a} is repeated from ${c}, ending at the star ${analogyQuery(a, b, c)}; its ${list.length} nearest words (leaving out ${a}, ${b} and ${c}): ${scoredList(list)}.`
  );
}

/** The description while a typed word cannot be used. */
export function describeBase(problem: string): string {
  return `Forty frequent words of four kinds (numbers, people, past-tense verbs, words of the sea) placed by the two principal axes of their rows of E. Nothing is highlighted: ${problem}`;
}
