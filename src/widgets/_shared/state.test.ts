import { describe, expect, it } from 'vitest';
import { defaults, describeRejections, parseState, serializeState, snap } from './state';

const table = {
  w: { kind: 'number', default: 0.5, min: -2, max: 2, step: 0.05 },
  on: { kind: 'boolean', default: false },
  act: { kind: 'choice', default: 'relu', options: ['relu', 'tanh'] },
} as const;

describe('widget state in the URL', () => {
  it('round-trips every kind of setting and leaves defaults out of the link', () => {
    const values = { w: -1.25, on: true, act: 'tanh' as const };
    const hash = serializeState(table, 'fig', values);
    expect(hash).toBe('#fig.w=-1.25&fig.on=1&fig.act=tanh');
    expect(parseState(table, 'fig', hash)).toEqual({ values, rejected: [] });
  });

  it('at the defaults, links to the widget itself', () => {
    expect(serializeState(table, 'fig', defaults(table))).toBe('#fig');
  });

  it("holds only the last-touched widget's settings, never a section as well", () => {
    // A reader clicked a contents entry (#what-least-squares-does) and then touched widget a.
    const hash = serializeState(table, 'a', { ...defaults(table), w: 1 });
    expect(hash).toBe('#a.w=1');
    expect(hash).not.toContain('what-least-squares');
    expect(parseState(table, 'b', hash).values.w).toBe(0.5);
  });

  it('rejects hostile or out-of-range values, keeps the defaults, and says why', () => {
    const hostile = '#fig.w=NaN&fig.on=<script>alert(1)</script>&fig.act=__proto__&fig.constructor=1&fig.w=1e999';
    const { values, rejected } = parseState(table, 'fig', hostile);
    expect(values).toEqual(defaults(table));
    expect(rejected.map((r) => r.key)).toEqual(['w', 'on', 'act', 'constructor', 'w']);
    const message = describeRejections(rejected);
    expect(message).toContain('w = "NaN" (is not a number)');
    expect(message).toContain('and 2 more');
  });

  it('rejects empty and out-of-range numbers and snaps others to the slider grid', () => {
    expect(parseState(table, 'fig', '#fig.w=').rejected[0]?.reason).toBe('is not a number');
    expect(parseState(table, 'fig', '#fig.w=-3').rejected[0]?.reason).toBe('must lie between -2 and 2');
    expect(parseState(table, 'fig', '#fig.w=0.123').values.w).toBe(0.1);
    expect(snap(table.w, 0.30000000000000004)).toBe(0.3);
  });

  it('accepts bounded text, trimmed, and refuses over-long or disallowed text with the reason', () => {
    const words = {
      word: { kind: 'text', default: 'whale', maxLength: 40, pattern: /^\s*[\p{L}'’]*\s*$/u, allowed: 'letters and apostrophes' },
    } as const;
    expect(parseState(words, 'fig', '#fig.word=%20Ahab%E2%80%99s%20').values.word).toBe('Ahab’s');
    expect(parseState(words, 'fig', '#fig.word=').values.word).toBe('');
    const hash = serializeState(words, 'fig', { word: 'sea otter' });
    expect(hash).toBe('#fig.word=sea%20otter');
    expect(parseState(words, 'fig', `#fig.word=${'w'.repeat(40)}`).values.word).toBe('w'.repeat(40));
    const refused = (raw: string): string | undefined => parseState(words, 'fig', `#fig.word=${raw}`).rejected[0]?.reason;
    expect(refused('w'.repeat(41))).toBe('is longer than 40 characters');
    expect(refused('<script>alert(1)</script>')).toBe('may contain only letters and apostrophes');
    expect(refused('%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E')).toBe('may contain only letters and apostrophes');
    expect(refused('1e999')).toBe('may contain only letters and apostrophes');
    expect(refused('%E0%A4%A')).toBe('may contain only letters and apostrophes');
    expect(parseState(words, 'fig', '#fig.word=1e999').values.word).toBe('whale');
  });

  it('survives malformed percent-escapes', () => {
    expect(() => parseState(table, 'fig', '#fig.w=%E0%A4%A')).not.toThrow();
  });
});
