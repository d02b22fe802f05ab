import Slugger from 'github-slugger';

/** @param {any} node @returns {string} */
const textOf = (node) => (node.type === 'text' ? node.value : Array.isArray(node.children) ? node.children.map(textOf).join('') : '');

/** The suffix that marks a side topic in a heading's Markdown: `### Depth multiplies the pieces (optional)`. */
const OPTIONAL = /\s*\(optional\)\s*$/i;

/**
 * Strip a trailing `(optional)` from a heading's last text node; true if there was one.
 * @param {any} node
 */
function takeOptional(node) {
  const last = node.children?.at(-1);
  if (last?.type !== 'text' || !OPTIONAL.test(last.value)) return false;
  last.value = last.value.replace(OPTIONAL, '');
  return true;
}

/** The one visible marker of an optional side topic (also used by `Aside kind="optional"`). */
const optionalTag = () => ({ type: 'element', tagName: 'span', properties: { className: ['optional-tag'] }, children: [{ type: 'text', value: 'Optional' }] });

/**
 * Rehype plugin: number a chapter's sections in the HTML itself, `order.k` for each h2 and
 * `order.k.j` for each h3 (the chapter number is the frontmatter's `order`), as a leading
 * `<span class="section-number">`. Real text, unlike CSS counters: readers can copy it, screen
 * readers say it, and tests can check it against the table of contents. Each heading's id is
 * fixed first from its own text, exactly as Astro would slug it, so links stay `#lifting-the-features`.
 * A heading ending in `(optional)` marks a side topic: the words go, and an "Optional" tag follows.
 */
export function rehypeSectionNumbers() {
  return (/** @type {any} */ tree, /** @type {any} */ file) => {
    const order = file.data?.astro?.frontmatter?.order;
    const slugger = new Slugger();
    let h2 = 0;
    let h3 = 0;
    /** @param {any} node */
    const visit = (node) => {
      if (node.type === 'element' && /^h[1-6]$/.test(node.tagName)) {
        node.properties ??= {};
        const optional = takeOptional(node);
        if (typeof node.properties.id !== 'string') node.properties.id = slugger.slug(textOf(node));
        if (typeof order === 'number' && (node.tagName === 'h2' || node.tagName === 'h3')) {
          if (node.tagName === 'h2') [h2, h3] = [h2 + 1, 0];
          else h3 += 1;
          const number = node.tagName === 'h2' ? `${order}.${h2}` : `${order}.${h2}.${h3}`;
          // The heading's words link to the heading itself: a permalink to copy (a `#` shows on
          // hover and focus), with no extra words in the heading's accessible name.
          const words = node.children;
          const hasLink = JSON.stringify(words).includes('"tagName":"a"');
          node.children = [
            { type: 'element', tagName: 'span', properties: { className: ['section-number'] }, children: [{ type: 'text', value: number }] },
            { type: 'text', value: ' ' },
            ...(hasLink
              ? words
              : [{ type: 'element', tagName: 'a', properties: { className: ['heading-link'], href: `#${node.properties.id}` }, children: words }]),
          ];
        }
        if (optional) node.children.push({ type: 'text', value: ' ' }, optionalTag());
        return;
      }
      if (Array.isArray(node.children)) node.children.forEach(visit);
    };
    visit(tree);
  };
}
