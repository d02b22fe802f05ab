import { linkedChapter } from './chapter-links.mjs';

/** @param {any} node @param {string} name @returns {unknown} */
const jsxAttribute = (node, name) => node.attributes?.find((/** @type {any} */ a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value;

/**
 * Rehype plugin: a link into a chapter this build does not publish becomes its own words, plain
 * text (`[chapter 4](/embeddings/#x)` → `chapter 4`), so the book links only to pages it has.
 * Covers Markdown links and `<a href>` written as JSX in MDX.
 * @param {{ unpublished: readonly string[], base?: string }} options
 */
export function rehypeUnpublishedLinks({ unpublished, base = '/' }) {
  /** @param {any} node @returns {boolean} */
  const dead = (node) => {
    const href =
      node.type === 'element' && node.tagName === 'a'
        ? node.properties?.href
        : (node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && node.name === 'a'
          ? jsxAttribute(node, 'href')
          : undefined;
    return typeof href === 'string' && linkedChapter(href, unpublished, base) !== undefined;
  };
  /** @param {any} node */
  const visit = (node) => {
    if (!Array.isArray(node.children)) return;
    node.children = node.children.flatMap((/** @type {any} */ child) => (dead(child) ? (child.children ?? []) : [child]));
    node.children.forEach(visit);
  };
  return (/** @type {any} */ tree) => {
    if (unpublished.length > 0) visit(tree);
  };
}
