import { describe, expect, it } from 'vitest';
import { fmt, fmtSci, reading, textOf, textsOf, valueOf } from './format';

describe('readout formatting', () => {
  it('prints a true minus sign, no negative zero, and words instead of NaN', () => {
    expect(fmt(-0.34101, 4)).toBe('−0.3410');
    expect(fmt(-0.0001, 2)).toBe('0.00');
    expect(fmt(Number.NaN)).toBe('undefined');
    expect(fmtSci(1.8e-12)).toBe('1.8 × 10⁻¹²');
  });

  it('keeps the number a readout shows beside its text, for data-value', () => {
    const r = reading(0.659, fmt(0.659, 4));
    expect(textOf(r)).toBe('0.6590');
    expect(valueOf(r)).toBe('0.659');
    expect(valueOf('no categories in this text')).toBeUndefined();
    expect(valueOf(reading(Number.NaN))).toBeUndefined();
    expect(textsOf({ p1: r, note: 'finite' })).toEqual({ p1: '0.6590', note: 'finite' });
  });
});
