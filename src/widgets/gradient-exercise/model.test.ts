import { describe, expect, it } from 'vitest';
import { entryList, grade, matrixEntryName, parseEntry, sumHint } from './model';
import { answers, example } from './compute';
import { exerciseSvg } from './figure';
import { answerText } from './text';

describe('parseEntry', () => {
  it('reads decimals, true minus signs, a decimal comma and fractions', () => {
    expect(parseEntry(' -0.341 ')).toEqual({ ok: true, value: -0.341 });
    expect(parseEntry('−.5')).toEqual({ ok: true, value: -0.5 });
    expect(parseEntry('+1e-3')).toEqual({ ok: true, value: 0.001 });
    expect(parseEntry('0,25')).toEqual({ ok: true, value: 0.25 });
    expect(parseEntry('1/4')).toEqual({ ok: true, value: 0.25 });
  });

  it('refuses empty, non-numeric and divide-by-zero input with a reason, never NaN', () => {
    for (const bad of ['', '   ', 'abc', '1..2', '0.5.3', '1/0', '1/2/3', 'NaN', 'Infinity', '0x10', '2+3']) expect(parseEntry(bad).ok, bad).toBe(false);
    const p = parseEntry('abc');
    expect(!p.ok && p.reason).toBe('(“abc”) is not a number');
  });
});

describe('grade', () => {
  const answer = [-0.341, 0.2424, 0.0986];
  it('accepts answers to four decimals (within 0.0001), and says when entries are right only to two', () => {
    const g = grade(['-0.3410', '0.2424', '0.0986'], answer);
    expect(g.status).toBe('right');
    expect(g.right).toEqual([0, 1, 2]);
    expect(g.message).toBe('Right: all 3 entries are within 0.0001 of the answer.');
    const rough = grade(['-0.34', '0.24', '0.0986'], answer);
    expect(rough.status).toBe('partial');
    expect(rough.message).toBe(
      'Partly right: entries 1 and 2 are off; entry 3 is right. Entries 1 and 2 are right to two decimals but not to four: keep more digits in the intermediate steps.',
    );
  });

  it('accepts part 2 computed from o − T rounded to four decimals (2 × 0.2424 = 0.4848 against 0.484866)', () => {
    expect(grade(['0.4848'], [0.484866]).status).toBe('right');
    expect(grade(['0.4840'], [0.484866]).status).toBe('wrong');
  });

  it('gives partial credit naming the wrong and the right entries', () => {
    const g = grade(['0.66', '0.2424', '0.5'], answer);
    expect(g.status).toBe('partial');
    expect(g.message).toBe('Partly right: entries 1 and 3 are off; entry 2 is right.');
    expect(grade(['-0.341', '0', '0.0986'], answer).message).toBe('Partly right: entry 2 is off; entries 1 and 3 are right.');
  });

  it('reports all wrong, and unreadable entries before grading', () => {
    expect(grade(['1', '1', '1'], answer).status).toBe('wrong');
    const g = grade(['abc', '', '0.1'], answer);
    expect(g.status).toBe('invalid');
    expect(g.invalid).toEqual([0, 1]);
    expect(g.message).toBe('Entry 1 (“abc”) is not a number; entry 2 is empty. Type a number in every box, such as −0.341 or 1/3.');
  });

  it('names matrix entries by row and column', () => {
    expect(entryList([0, 4], matrixEntryName(3))).toBe('entries (1, 1) and (2, 2)');
    expect(entryList([0, 1, 2], String)).toBe('entries 0, 1 and 2');
    expect(grade(['0', '0', '0', '0', '0', '1'], [0, 0, 0, 0, 0, 0], matrixEntryName(3)).message).toBe(
      'Partly right: entry (2, 3) is off; entries (1, 1), (1, 2), (1, 3), (2, 1) and (2, 2) are right.',
    );
  });

  it('hints when the entries of o − T do not add up to zero', () => {
    expect(sumHint(['0.66', '0.24', '0.1'])).toMatch(/add up to 0/);
    expect(sumHint(['-0.34', '0.24', '0.1'])).toBe('');
  });
});

describe('answers from the tensor package', () => {
  it('matches the chapter’s worked solution for example 0', () => {
    const ex = example(0);
    expect(ex).toEqual({ z: [2, 1, 0.1], y: 0, h: [1, 2] });
    const a = answers(ex);
    expect(answerText(a.dz, 3)).toBe('(−0.3410, 0.2424, 0.0986)');
    expect(grade(['-0.3410', '0.2424', '0.0986'], a.dz).status).toBe('right');
  });

  it('gives o − T and hᵀ(o − T) on seeded examples', () => {
    for (let n = 0; n < 100; n += 7) {
      const ex = example(n);
      const a = answers(ex);
      const e = ex.z.map(Math.exp);
      const s = e.reduce((p, q) => p + q, 0);
      const dz = e.map((x, j) => x / s - (j === ex.y ? 1 : 0));
      dz.forEach((g, j) => expect(a.dz[j]).toBeCloseTo(g, 10));
      ex.h.forEach((hi, i) => dz.forEach((g, j) => expect(a.dU[i * 3 + j]).toBeCloseTo(hi * g, 10)));
      expect(exerciseSvg(ex)).not.toMatch(/NaN|undefined|Infinity/);
    }
  });
});
