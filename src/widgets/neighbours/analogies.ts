/**
 * Candidate analogies on Moby-Dick, written a − b + c = expected (him − he + she = her: "he is to him as she is to her").
 * The list was fixed before the model was trained and is reported whole, hits and misses alike. Every word is among the
 * 2,000 most frequent words of the training part (a test checks it). Pure module.
 */
import type { Tensor } from '@beyond-linear/tensor';
import { analogyOf, type Scored } from './compute';
import type { Vocabulary } from './model';

export interface Analogy {
  a: string;
  b: string;
  c: string;
  expected: string;
  kind: 'pronoun' | 'verb' | 'plural' | 'other';
}

const A = (a: string, b: string, c: string, expected: string, kind: Analogy['kind']): Analogy => ({ a, b, c, expected, kind });

export const ANALOGIES: readonly Analogy[] = [
  A('him', 'he', 'she', 'her', 'pronoun'),
  A('his', 'he', 'they', 'their', 'pronoun'),
  A('us', 'we', 'i', 'me', 'pronoun'),
  A('our', 'we', 'i', 'my', 'pronoun'),
  A('them', 'they', 'he', 'him', 'pronoun'),
  A('were', 'are', 'is', 'was', 'verb'),
  A('had', 'have', 'do', 'did', 'verb'),
  A('came', 'come', 'go', 'went', 'verb'),
  A('took', 'take', 'see', 'saw', 'verb'),
  A('said', 'say', 'see', 'saw', 'verb'),
  A('knew', 'know', 'think', 'thought', 'verb'),
  A('whales', 'whale', 'ship', 'ships', 'plural'),
  A('boats', 'boat', 'whale', 'whales', 'plural'),
  A('eyes', 'eye', 'hand', 'hands', 'plural'),
  A('nights', 'night', 'day', 'days', 'plural'),
  A('sailors', 'sailor', 'boy', 'boys', 'plural'),
  A('things', 'thing', 'head', 'heads', 'plural'),
  A('greater', 'great', 'long', 'longer', 'other'),
  A('second', 'two', 'three', 'third', 'other'),
  A('north', 'south', 'west', 'east', 'other'),
];

export interface AnalogyResult {
  analogy: Analogy;
  answers: Scored[];
  /** The expected word is the best answer. */
  top1: boolean;
  /** The expected word is among the five best answers. */
  top5: boolean;
}

/** Each analogy's five best answers (a, b, c and `<unk>` left out); throws if a word is not in the vocabulary. */
export function evaluate(table: Tensor, v: Vocabulary, list: readonly Analogy[] = ANALOGIES): AnalogyResult[] {
  return list.map((analogy) => {
    const id = (w: string): number => {
      const i = v.index.get(w);
      if (i === undefined) throw new Error(`evaluate: "${w}" is not in the vocabulary`);
      return i;
    };
    const answers = analogyOf(table, v, id(analogy.a), id(analogy.b), id(analogy.c), 5);
    const at = answers.findIndex((s) => s.word === analogy.expected);
    return { analogy, answers, top1: at === 0, top5: at >= 0 };
  });
}
