/**
 * Normalise a base path from the environment to the form Astro expects: `/` or `/name/`.
 * @param {string | undefined} raw
 * @returns {string}
 */
export function normaliseBase(raw) {
  const trimmed = (raw ?? '').trim().replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return '/';
  if (!/^[A-Za-z0-9._~\-/]+$/.test(trimmed)) {
    throw new Error(`BASE_PATH "${raw}" may only contain letters, digits, '.', '_', '~', '-' and '/'.`);
  }
  return `/${trimmed}/`;
}

/**
 * Prefix a root-relative URL with the base: `withBase('/a/', '/repo/') = '/repo/a/'`.
 * Leaves absolute, protocol-relative, fragment-only and already-prefixed URLs alone.
 * @param {string} url
 * @param {string} base
 * @returns {string}
 */
export function withBase(url, base) {
  if (!url.startsWith('/') || url.startsWith('//')) return url;
  if (base === '/' || url === base.slice(0, -1) || url.startsWith(base)) return url;
  return base + url.slice(1);
}
