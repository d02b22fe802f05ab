/**
 * The chapter a site-relative link points into, if it is one of `slugs`: `/embeddings/#x`,
 * `../embeddings/` (from a chapter page) and `/beyond-linear/embeddings/` (with the base)
 * all give `embeddings`. The one rule behind plain-text links to unpublished chapters, used by
 * the rehype step for MDX and by `isPublishedHref` for links written in `.astro` pages.
 * @param {string} href
 * @param {readonly string[]} slugs
 * @param {string} [base]
 * @returns {string | undefined}
 */
export function linkedChapter(href, slugs, base = '/') {
  let p = href;
  if (base !== '/' && p.startsWith(base)) p = `/${p.slice(base.length)}`;
  const m = /^(?:\/|\.\.\/)([^/#?]+)(?:[/#?]|$)/.exec(p);
  const slug = m?.[1];
  return slug !== undefined && slugs.includes(slug) ? slug : undefined;
}
