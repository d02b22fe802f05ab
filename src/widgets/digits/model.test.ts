import { describe, expect, it } from 'vitest';
import { defaults, parseState } from '../_shared/state';
import { clampPosition, className, collection, describeDigit, inkShare, members, props } from './model';
import { digitFigure, rgba } from './figure';

describe('digits model', () => {
  const labels = Uint8Array.from([3, 1, 3, 7, 3]);

  it('lists the members of a class in file order', () => {
    expect(members(labels, '3')).toEqual([0, 2, 4]);
    expect(members(labels, '9')).toEqual([]);
  });

  it('clamps a position past the end, and says so', () => {
    expect(clampPosition(2, 3, 'threes')).toEqual({ position: 2, note: '' });
    expect(clampPosition(40, 3, 'threes')).toEqual({ position: 2, note: 'There are only 3 threes, so the last one (number 2) is shown.' });
    expect(clampPosition(0, 0, 'nines among the samples').note).toBe('There are no nines among the samples.');
  });

  it('names classes in words', () => {
    expect([className(6), className(6, true), collection('5')]).toEqual(['six', 'sixes', 'fives']);
  });

  it('measures ink as the share of pixels above zero', () => {
    expect(inkShare(Uint8Array.from([0, 10, 255, 0]))).toBe(0.5);
    expect(inkShare(new Uint8Array(0))).toBe(0);
  });

  it('describes the digit on show without NaN', () => {
    const text = describeDigit({ index: 4213, label: 7, split: 'test', position: 12, of: 1070, ink: 0.187 }, '7');
    expect(text).toBe(
      'Showing digit 4,213 of the file, labelled 7 (seven), from the test set: number 12 of 1,070 sevens. Ink covers 19 % of its 784 pixels. The strip beside it shows the next sevens in the file.',
    );
  });

  it('takes class and position from a link, and refuses hostile values', () => {
    expect(parseState(props, 'digits', '#digits.digit=7&digits.n=12').values).toEqual({ digit: '7', n: 12 });
    const bad = parseState(props, 'digits', '#digits.digit=<script>&digits.n=1e9');
    expect(bad.values).toEqual(defaults(props));
    expect(bad.rejected.map((r) => r.key)).toEqual(['digit', 'n']);
  });
});

describe('digits figure', () => {
  // Three 2×2 "digits": pixel values 10·k + j.
  const pixels = Uint8Array.from({ length: 12 }, (_, i) => 10 * Math.floor(i / 4) + (i % 4));

  it('draws the chosen digit alone and the next ones in a strip, ink dark on white', () => {
    const fig = digitFigure(pixels, 2, [2, 0, 1], 0);
    expect([...fig.one.gray]).toEqual([235, 234, 233, 232]);
    expect(fig.strip.width).toBe(24);
    expect([...fig.strip.gray.subarray(0, 4)]).toEqual([255, 254, 245, 244]);
    expect(fig.strip.gray[4]).toBe(255); // an empty slot stays white
  });

  it('turns gray into opaque RGBA', () => {
    expect([...rgba(Uint8Array.from([0, 200]))]).toEqual([0, 0, 0, 255, 200, 200, 200, 255]);
  });
});
