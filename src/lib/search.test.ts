import { describe, expect, it } from 'vitest';
import { answers, cleanQuery, relevant, safeExcerpt, statusText, toHit } from './search';

describe('search', () => {
  it('keeps a typed query to one line of at most 100 characters', () => {
    expect(cleanQuery('  quotient \n  rule ')).toBe('quotient rule');
    expect(cleanQuery('a'.repeat(300)).length).toBe(100);
    expect(cleanQuery(null)).toBe('');
  });

  it('counts a highlighted word only if it answers a query word', () => {
    expect(answers('backpropagation', 'backprop')).toBe(true);
    expect(answers('Rule,', 'rule')).toBe(true);
    expect(answers('relu', 'relus')).toBe(true);
    expect(answers('x', 'xylophonequartz')).toBe(false);
    expect(answers('q)', 'qqqxjw')).toBe(false);
    expect(answers('x', 'x')).toBe(true);
  });

  it('drops pages whose only highlights are stray prefixes', () => {
    const hit = toHit({ url: '/a/', meta: { title: 'A' }, excerpt: 'the <mark>x</mark> axis', sub_results: [] });
    expect(relevant(hit, 'xylophonequartz')).toBe(false);
    expect(relevant(toHit({ url: '/a/', meta: { title: 'A' }, excerpt: 'the <mark>quotient</mark> rule' }), 'quotient rule')).toBe(true);
  });

  it('links sections, not the page title, and at most three per page', () => {
    const sub = (n: number) => ({ url: `/a/#s${n}`, title: `S${n}`, excerpt: '' });
    const hit = toHit({
      url: '/a/',
      meta: { title: 'A' },
      excerpt: '',
      sub_results: [{ url: '/a/', title: 'A', excerpt: '' }, { url: '/a/#a', title: 'A', excerpt: '' }, sub(1), sub(2), sub(3), sub(4)],
    });
    expect(hit.sections.map((s) => s.url)).toEqual(['/a/#s1', '/a/#s2', '/a/#s3']);
  });

  it('keeps only <mark> from excerpts and says what it found in words', () => {
    expect(safeExcerpt('a <mark>b</mark> <img src=x onerror=alert(1)> &amp; c')).toBe('a <mark>b</mark> &lt;img src=x onerror=alert(1)&gt; &amp; c');
    expect(statusText('relu', 1)).toBe('1 chapter matches “relu”.');
    expect(statusText('relu', 3)).toBe('3 chapters match “relu”.');
  });
});
