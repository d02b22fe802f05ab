import { describe, expect, it } from 'vitest';
import { normaliseBase, withBase } from '../../src/markdown/base.mjs';
import { rehypeBaseLinks } from '../../src/markdown/rehype-base-links.mjs';
import { rehypeKatexStrict } from '../../src/markdown/rehype-katex-strict.mjs';
import { rehypeSectionNumbers } from '../../src/markdown/rehype-section-numbers.mjs';

type Node = {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: Node[];
  position?: unknown;
  attributes?: unknown[];
};

const text = (value: string): Node => ({ type: 'text', value });
const el = (tagName: string, properties: Record<string, unknown>, children: Node[] = []): Node => ({ type: 'element', tagName, properties, children });
const root = (...children: Node[]): Node => ({ type: 'root', children });

describe('base path', () => {
  it('normalises BASE_PATH to "/" or "/name/"', () => {
    expect(normaliseBase(undefined)).toBe('/');
    expect(normaliseBase('')).toBe('/');
    expect(normaliseBase('beyond-linear')).toBe('/beyond-linear/');
    expect(normaliseBase('/course/2026/')).toBe('/course/2026/');
    expect(() => normaliseBase('/a b/')).toThrow(/BASE_PATH/);
  });

  it('prefixes root-relative URLs once and leaves the rest alone', () => {
    expect(withBase('/activations/', '/bl/')).toBe('/bl/activations/');
    expect(withBase('/bl/activations/', '/bl/')).toBe('/bl/activations/');
    expect(withBase('#x', '/bl/')).toBe('#x');
    expect(withBase('https://example.org/', '/bl/')).toBe('https://example.org/');
    expect(withBase('//cdn/x', '/bl/')).toBe('//cdn/x');
    expect(withBase('/a/', '/')).toBe('/a/');
  });

  it('rewrites Markdown links and MDX JSX attributes', () => {
    const jsx = { type: 'mdxJsxTextElement', attributes: [{ type: 'mdxJsxAttribute', name: 'href', value: '/linear-limits/' }], children: [] };
    const tree = root(el('a', { href: '/activations/#x' }), el('img', { src: '/og-image.png' }), jsx as Node);
    rehypeBaseLinks({ base: '/bl/' })(tree);
    expect(tree.children?.[0]?.properties?.['href']).toBe('/bl/activations/#x');
    expect(tree.children?.[1]?.properties?.['src']).toBe('/bl/og-image.png');
    expect((jsx.attributes[0] as { value: string }).value).toBe('/bl/linear-limits/');
  });
});

describe('strict KaTeX', () => {
  const math = (tex: string): Node => ({ ...el('code', { className: ['language-math', 'math-inline'] }, [text(tex)]), position: { start: { line: 7 } } });

  it('fails the build naming the file, the line and the formula', () => {
    expect(() => rehypeKatexStrict()(root(math('\\frac{1}{')), { path: 'content/chapters/09-x.mdx' })).toThrow(/09-x\.mdx:7[\s\S]*\\frac\{1\}\{/);
  });

  it('accepts well-formed formulas', () => {
    expect(() => rehypeKatexStrict()(root(math("W' = W^{(1)} W^{(0)}")), { path: 'x.mdx' })).not.toThrow();
  });
});

describe('section numbers', () => {
  it('numbers h2 and h3 from the chapter order and keeps the ids free of numbers', () => {
    const tree = root(
      el('h2', {}, [text('Why ReLU')]),
      el('h3', {}, [text('One hinge')]),
      el('h3', {}, [text('Two')]),
      el('h2', {}, [text('Next')]),
      el('h3', {}, [text('Again')]),
    );
    rehypeSectionNumbers()(tree, { data: { astro: { frontmatter: { order: 2 } } } });
    const numbers = tree.children?.map((h) => h.children?.[0]?.children?.[0]?.value);
    expect(numbers).toEqual(['2.1', '2.1.1', '2.1.2', '2.2', '2.2.1']);
    expect(tree.children?.[0]?.properties?.['id']).toBe('why-relu');
  });

  it("links each heading's words to the heading itself, unless they hold a link already", () => {
    const tree = root(el('h2', {}, [text('Why ReLU')]), el('h2', {}, [text('See '), el('a', { href: '/x/' }, [text('x')])]));
    rehypeSectionNumbers()(tree, { data: { astro: { frontmatter: { order: 2 } } } });
    const link = tree.children?.[0]?.children?.[2];
    expect(link?.tagName).toBe('a');
    expect(link?.properties?.['href']).toBe('#why-relu');
    expect(link?.children?.[0]?.value).toBe('Why ReLU');
    expect(tree.children?.[1]?.children?.map((c) => c.tagName ?? c.value)).toEqual(['span', ' ', 'See ', 'a']);
  });

  it('turns a trailing "(optional)" into an Optional tag, kept out of the id and the link', () => {
    const tree = root(el('h3', {}, [text('Depth multiplies the pieces (optional)')]));
    rehypeSectionNumbers()(tree, { data: { astro: { frontmatter: { order: 2 } } } });
    const h = tree.children?.[0];
    expect(h?.properties?.['id']).toBe('depth-multiplies-the-pieces');
    expect(h?.children?.[2]?.children?.[0]?.value).toBe('Depth multiplies the pieces');
    expect(h?.children?.[4]?.properties?.['className']).toEqual(['optional-tag']);
    expect(h?.children?.[4]?.children?.[0]?.value).toBe('Optional');
  });
});
