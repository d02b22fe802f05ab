import type { Values } from '../_shared/state';

/**
 * Class names for the menu. Browsing is always within one class: position n of class d is the
 * same digit in the 120 samples (the first 12 training digits of each class, in file order) and in
 * the full file, so a link means the same digit before and after the full set is loaded.
 */
export const CLASSES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
export type DigitClass = (typeof CLASSES)[number];

/** Largest position a link may ask for: the dataset's size minus one. */
export const MAX_POSITION = 9999;
/** Digits shown in the strip after the selected one. */
export const STRIP = 12;

/** The settings of the digit browser: which class to browse, and the position within it. */
export const props = {
  digit: { kind: 'choice', default: '0', options: CLASSES },
  n: { kind: 'number', default: 0, min: 0, max: MAX_POSITION, step: 1 },
} as const;

export type DigitsValues = Values<typeof props>;

const NAMES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const PLURALS = ['zeros', 'ones', 'twos', 'threes', 'fours', 'fives', 'sixes', 'sevens', 'eights', 'nines'];

/** The word for a digit class, singular or plural: `seven`, `sevens`. */
export function className(d: number, plural = false): string {
  return (plural ? PLURALS : NAMES)[d] ?? String(d);
}

/** Indices (into the dataset) of the digits in a class, in file order. */
export function members(labels: Uint8Array, digit: DigitClass): number[] {
  const d = Number(digit);
  const out: number[] = [];
  labels.forEach((l, i) => {
    if (l === d) out.push(i);
  });
  return out;
}

/** A position inside a list of `count` items, with a note when the asked one does not exist. */
export function clampPosition(n: number, count: number, what: string): { position: number; note: string } {
  if (count === 0) return { position: 0, note: `There are no ${what}.` };
  if (n < count) return { position: n, note: '' };
  return { position: count - 1, note: `There are only ${count.toLocaleString('en')} ${what}, so the last one (number ${count - 1}) is shown.` };
}

/** The collection a class setting browses, for sentences: `sevens`. */
export function collection(digit: DigitClass): string {
  return className(Number(digit), true);
}

export interface DigitFacts {
  /** Position in the dataset file. */
  index: number;
  label: number;
  split: 'train' | 'test';
  /** Position within the browsed collection and its size. */
  position: number;
  of: number;
  /** Share of the 784 pixels with any ink. */
  ink: number;
}

/** Share of pixels above zero: how much of the square the stroke covers. */
export function inkShare(image: Uint8Array): number {
  let n = 0;
  for (const p of image) if (p > 0) n++;
  return image.length === 0 ? 0 : n / image.length;
}

/** A sentence describing the digit on show, for readers who cannot see it. */
export function describeDigit(f: DigitFacts, digit: DigitClass): string {
  const where = f.split === 'train' ? 'the training set' : 'the test set';
  return (
    `Showing digit ${f.index.toLocaleString('en')} of the file, labelled ${f.label} (${className(f.label)}), from ${where}: ` +
    `number ${f.position.toLocaleString('en')} of ${f.of.toLocaleString('en')} ${collection(digit)}. Ink covers ${Math.round(f.ink * 100)} % of its 784 pixels. ` +
    `The strip beside it shows the next ${collection(digit)} in the file.`
  );
}
