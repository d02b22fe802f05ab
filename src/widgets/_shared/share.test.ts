import { describe, expect, it } from 'vitest';
import { embedHeight, embedPath, escapeAttribute, share } from './share';
import { serializeState } from './state';

const base = {
  origin: 'https://you.github.io',
  base: '/beyond-linear/',
  pathname: '/beyond-linear/softmax-gradients/',
  id: 'softmax-explorer',
  title: 'Softmax explorer',
  height: 604,
};

describe('share', () => {
  it('links to the page and to the embed page under the base path, with the state', () => {
    const props = { k: { kind: 'number', default: 3, min: 2, max: 8, step: 1 }, t: { kind: 'number', default: 1, min: 0.1, max: 5, step: 0.1 } } as const;
    const hash = serializeState(props, 'softmax-explorer', { k: 4, t: 1 });
    const s = share({ ...base, hash });
    expect(s.link).toBe('https://you.github.io/beyond-linear/softmax-gradients/#softmax-explorer.k=4');
    expect(s.embed).toBe('https://you.github.io/beyond-linear/embed/softmax-explorer/#softmax-explorer.k=4');
    expect(s.snippet).toBe(
      '<iframe src="https://you.github.io/beyond-linear/embed/softmax-explorer/#softmax-explorer.k=4" title="Softmax explorer" loading="lazy" width="800" height="610" style="border: 0; max-width: 100%"></iframe>',
    );
  });

  it('works at the root and with every setting at its default (a plain link to the widget)', () => {
    const s = share({ ...base, base: '/', pathname: '/softmax-gradients/', hash: '#softmax-explorer' });
    expect(s.link).toBe('https://you.github.io/softmax-gradients/#softmax-explorer');
    expect(s.embed).toBe('https://you.github.io/embed/softmax-explorer/#softmax-explorer');
  });

  it('escapes the title and the address inside the snippet', () => {
    const s = share({ ...base, title: 'A "quoted" <b>title</b> & more', hash: '#softmax-explorer.note=%22x%22' });
    expect(s.snippet).toContain('title="A &quot;quoted&quot; &lt;b&gt;title&lt;/b&gt; &amp; more"');
    expect(s.snippet).not.toMatch(/<b>/);
    expect(escapeAttribute('"&')).toBe('&quot;&amp;');
  });

  it('encodes the id in the embed path and keeps the height sensible', () => {
    expect(embedPath('xor-fit')).toBe('embed/xor-fit/');
    expect(embedPath('a b')).toBe('embed/a%20b/');
    expect([embedHeight(100), embedHeight(611), embedHeight(1e6), embedHeight(Number.NaN)]).toEqual([320, 620, 4000, 320]);
  });
});
