import { describe, expect, it } from 'vitest';
import { stateTarget } from './hash';

describe('what a hash points at', () => {
  it('a section or a widget by its id', () => {
    expect(stateTarget('#lifting-the-features')).toBe('lifting-the-features');
    expect(stateTarget('#xor-fit')).toBe('xor-fit');
    expect(stateTarget('')).toBeUndefined();
    expect(stateTarget('#')).toBeUndefined();
  });

  it("a widget's state link points at the widget", () => {
    expect(stateTarget('#cover-theorem.d=2')).toBe('cover-theorem');
    expect(stateTarget('#xor-fit.w1=0.5&xor-fit.w2=1')).toBe('xor-fit');
  });

  it('an older mixed link (section, then settings) points at the widget', () => {
    expect(stateTarget('#what-least-squares-does-with-xor=&xor-fit.w1=0.55')).toBe('xor-fit');
  });

  it('survives malformed escapes', () => {
    expect(stateTarget('#%E0%A4%A')).toBe('%E0%A4%A');
    expect(stateTarget('#a.b=%E0%A4%A')).toBe('a');
  });
});
