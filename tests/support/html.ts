/**
 * A small, forgiving HTML start-tag scanner: enough to find links, ids and widgets in the
 * built pages without a DOM library. It skips comments and the bodies of script, style,
 * textarea and title elements, and handles quoted attribute values containing `>`.
 */

export interface Tag {
  name: string;
  attrs: Map<string, string>;
}

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/** Every start tag in document order. */
export function scanTags(html: string): Tag[] {
  const tags: Tag[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    const nameMatch = /^<([a-zA-Z][a-zA-Z0-9:-]*)/.exec(html.slice(lt, lt + 100));
    if (!nameMatch || !nameMatch[1]) {
      i = lt + 1;
      continue;
    }
    // Find the end of the tag, respecting quotes.
    let j = lt + nameMatch[0].length;
    let quote: string | null = null;
    for (; j < html.length; j++) {
      const c = html[j];
      if (quote) {
        if (c === quote) quote = null;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '>') break;
    }
    const name = nameMatch[1].toLowerCase();
    const attrs = new Map<string, string>();
    const body = html.slice(lt + nameMatch[0].length, j);
    const attrRe = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
    for (const m of body.matchAll(attrRe)) {
      const key = (m[1] ?? '').toLowerCase();
      if (!attrs.has(key)) attrs.set(key, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
    }
    tags.push({ name, attrs });
    i = j + 1;
    if (RAW_TEXT.has(name)) {
      const closeRe = new RegExp(`</${name}`, 'gi');
      closeRe.lastIndex = i;
      const close = closeRe.exec(html);
      i = close ? close.index : html.length;
    }
  }
  return tags;
}

export function hasClass(tag: Tag, className: string): boolean {
  return (tag.attrs.get('class') ?? '').split(/\s+/).includes(className);
}

/** All ids declared in a document (element `id` attributes and legacy `<a name>`). */
export function idsIn(html: string): Set<string> {
  const ids = new Set<string>();
  for (const tag of scanTags(html)) {
    const id = tag.attrs.get('id');
    if (id) ids.add(id);
    const name = tag.attrs.get('name');
    if (tag.name === 'a' && name) ids.add(name);
  }
  return ids;
}
