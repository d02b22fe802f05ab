import katex from 'katex';

/** @param {any} node @returns {string} */
const textOf = (node) => (node.type === 'text' ? node.value : Array.isArray(node.children) ? node.children.map(textOf).join('') : '');

/** @param {any} node @returns {boolean} */
const isMath = (node) => {
  const cls = node.properties?.className;
  return Array.isArray(cls) && (cls.includes('math-inline') || cls.includes('math-display'));
};

/**
 * Rehype plugin run before rehype-katex: parse every formula with KaTeX in strict mode and
 * fail the build with the file, the line and the formula when one is malformed
 * (rehype-katex on its own only records a warning and prints red TeX into the page).
 */
export function rehypeKatexStrict() {
  return (/** @type {any} */ tree, /** @type {any} */ file) => {
    /** @param {any} node */
    const visit = (node) => {
      if (node.type === 'element' && isMath(node)) {
        const tex = textOf(node);
        try {
          katex.renderToString(tex, { throwOnError: true, strict: 'ignore', displayMode: node.properties.className.includes('math-display') });
        } catch (error) {
          const line = node.position?.start?.line ?? '?';
          const reason = error instanceof Error ? error.message : String(error);
          throw new Error(`Malformed formula in ${file.path}:${line}\n  ${tex}\n  ${reason}`);
        }
        return;
      }
      if (Array.isArray(node.children)) node.children.forEach(visit);
    };
    visit(tree);
  };
}
