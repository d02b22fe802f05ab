import { describe, expect, it } from 'vitest';
import { collect, referenceHtml, referencesOf, sourceKey } from './bibliography';

const body = (items: string[]): string => `Text.\n\n<References>\n\n${items.map((x, i) => `${i + 1}. ${x}`).join('\n')}\n\n</References>\n`;
const bridle = 'J. S. Bridle, "Probabilistic interpretation", in *Neurocomputing*, Springer, 1990.';
const may = 'J. May, "Non-Linear Models", lecture notes, 2024.';

describe('bibliography', () => {
  it('reads the numbered items of a chapter’s References list', () => {
    expect(referencesOf(body([may, bridle]))).toEqual([may, bridle]);
    expect(referencesOf('no list here')).toEqual([]);
  });

  it('keys a source by first surname and year', () => {
    expect(sourceKey(bridle)).toBe('bridle-1990');
    expect(sourceKey('D. E. Rumelhart, G. E. Hinton and R. J. Williams, "Learning representations", *Nature* 323, 1986.')).toBe('rumelhart-1986');
    expect(sourceKey('P. Goyal et al., "Accurate, large minibatch SGD", arXiv:1706.02677, 2017.')).toBe('goyal-2017');
    expect(sourceKey('Y. LeCun and C. Cortes, "The MNIST database", 1998.')).toBe('lecun-1998');
    expect(sourceKey('"A new look at nonlinearity in deep learning", blog post, 2024.')).toBe('a-new-look-2024');
    expect(sourceKey('D. Jurafsky and J. H. Martin, *Speech and Language Processing*, 3rd ed. draft.')).toBe('jurafsky-nd');
  });

  it('merges sources cited by several chapters, and separates two sources with one key', () => {
    const list = collect([
      { slug: 'one', title: 'One', body: body([may, bridle]) },
      { slug: 'two', title: 'Two', body: body([may, 'J. May, "Another", 2024.']) },
    ]);
    expect(list.map((s) => s.key)).toEqual(['bridle-1990', 'may-2024a', 'may-2024b']);
    expect(list.find((s) => s.text === may)?.citedBy.map((c) => c.slug)).toEqual(['one', 'two']);
  });

  it('renders titles in italics and escapes markup', () => {
    expect(referenceHtml('A <b> & *Title*')).toBe('A &lt;b&gt; &amp; <em>Title</em>');
  });
});

describe("the book's own bibliography", () => {
  it('collects every chapter’s references under unique, stable anchors', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = new URL('../../content/chapters/', import.meta.url);
    const chapters = readdirSync(dir)
      .filter((f) => f.endsWith('.mdx'))
      .map((f) => ({ slug: f.replace(/^\d+-|\.mdx$/g, ''), title: f, body: readFileSync(new URL(f, dir), 'utf8') }));
    const list = collect(chapters);
    const keys = list.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(expect.arrayContaining(['bridle-1990', 'cover-1965', 'a-new-look-2024', 'may-2024']));
    expect(list.find((s) => s.key === 'may-2024')?.citedBy.length).toBeGreaterThanOrEqual(3);
    for (const k of keys) expect(k).toMatch(/^[a-z]+(-[a-z]+)*-(\d{4}[a-z]?|nd)$/);
  });
});
