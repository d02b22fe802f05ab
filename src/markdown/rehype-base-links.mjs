import { withBase } from './base.mjs';

const URL_ATTRIBUTES = new Set(['href', 'src', 'poster', 'action']);

/**
 * Rehype plugin: prefix every root-relative link in Markdown and MDX with the site's base,
 * so `[chapter 2](/activations/)` works at `/` and under `/beyond-linear/` alike.
 * @param {{ base: string }} options
 */
export function rehypeBaseLinks({ base }) {
  /** @param {any} node */
  const visit = (node) => {
    if (node.type === 'element' && node.properties) {
      for (const name of URL_ATTRIBUTES) {
        const value = node.properties[name];
        if (typeof value === 'string') node.properties[name] = withBase(value, base);
      }
    }
    // JSX in MDX (e.g. <a href="/x/">) arrives as mdxJsx* nodes with literal attributes.
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.attributes) {
      for (const attr of node.attributes) {
        if (attr.type === 'mdxJsxAttribute' && URL_ATTRIBUTES.has(attr.name) && typeof attr.value === 'string') {
          attr.value = withBase(attr.value, base);
        }
      }
    }
    if (Array.isArray(node.children)) node.children.forEach(visit);
  };
  return (/** @type {any} */ tree) => visit(tree);
}
