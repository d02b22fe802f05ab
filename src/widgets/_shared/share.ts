/**
 * Links and embed code for a widget: a link to the page with the widget's current settings,
 * and an `<iframe>` snippet for its embed page (`<base>embed/<id>/`, built from
 * `src/widgets/registry.ts`) with the same settings. Pure module: no DOM access.
 */

/** Where the reader is and what the widget's settings are. */
export interface ShareInput {
  /** `location.origin`, e.g. `https://you.github.io`. */
  origin: string;
  /** The site's base path, ending in `/`, e.g. `/beyond-linear/`. */
  base: string;
  /** `location.pathname` of the page the widget is on. */
  pathname: string;
  /** The widget's element id. */
  id: string;
  /** The widget's state hash from `serializeState`, e.g. `#softmax-explorer.k=4` (or `#softmax-explorer`). */
  hash: string;
  /** The widget's title, for the iframe's accessible name. */
  title: string;
  /** The height the iframe needs, in CSS pixels (the widget's height plus the embed page's source line). */
  height: number;
}

/** What the two share buttons copy. */
export interface Shared {
  /** The page the widget is on, with its settings. */
  link: string;
  /** The embed page, with its settings. */
  embed: string;
  /** An `<iframe>` element for the embed page. */
  snippet: string;
}

/** The iframe's width: the book's wide column; `max-width: 100%` lets it shrink on a narrow host. */
export const EMBED_WIDTH = 800;

/** The site-relative path of a widget's embed page: `embed/softmax-explorer/` (join it onto the base). */
export function embedPath(id: string): string {
  return `embed/${encodeURIComponent(id)}/`;
}

/** Escape text for an HTML attribute value in double quotes. */
export function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A height for the iframe: at least 320 px, at most 4000, rounded up to a multiple of 10 (320 when unknown). */
export function embedHeight(height: number): number {
  if (!Number.isFinite(height)) return 320;
  return Math.min(4000, Math.max(320, Math.ceil(height / 10) * 10));
}

/** The link, the embed page's address and the iframe snippet for one widget's current settings. */
export function share({ origin, base, pathname, id, hash, title, height }: ShareInput): Shared {
  const state = hash.startsWith('#') ? hash : `#${hash}`;
  const root = base.endsWith('/') ? base : `${base}/`;
  const link = `${origin}${pathname}${state}`;
  const embed = `${origin}${root}${embedPath(id)}${state}`;
  const attributes = [
    `src="${escapeAttribute(embed)}"`,
    `title="${escapeAttribute(title)}"`,
    'loading="lazy"',
    `width="${EMBED_WIDTH}"`,
    `height="${embedHeight(height)}"`,
    'style="border: 0; max-width: 100%"',
  ];
  return { link, embed, snippet: `<iframe ${attributes.join(' ')}></iframe>` };
}
