/**
 * The two kinds of location hash the book writes, and nothing else: a place on the page
 * (`#lifting-the-features`, `#xor-fit`) or one widget's settings (`#xor-fit.w1=0.5&xor-fit.w2=1`).
 * Pure module: no DOM access.
 */

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * The id a hash points at: `#section` → `section`; a widget's state link `#widget.key=value&…`
 * → `widget`. Older links that mixed a section with settings (`#section=&widget.key=1`) point
 * at the widget. `undefined` for an empty hash.
 */
export function stateTarget(hash: string): string | undefined {
  const raw = hash.replace(/^#/, '');
  if (!raw) return undefined;
  if (!raw.includes('=')) return decode(raw);
  for (const part of raw.split('&')) {
    const name = decode(part.slice(0, Math.max(0, part.indexOf('='))));
    const dot = name.indexOf('.');
    if (dot > 0) return name.slice(0, dot);
  }
  return decode(raw.split(/[=&]/)[0] ?? '') || undefined;
}
