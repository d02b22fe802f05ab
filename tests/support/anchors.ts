/**
 * In-page links that carry widget settings, e.g. `#depth-gradients.depth=20`: there is no
 * element with that id, but the link is valid when every `<id>.<key>=<value>` pair names a
 * widget on the page and one of its settings (its `data-state-keys`).
 */

/** Widget id → its setting names, read from `[data-widget][data-state-keys]` (runs in the page). */
export function widgetStateKeys(): Array<[string, string[]]> {
  return [...document.querySelectorAll('[data-widget][data-state-keys]')].map((e) => [e.id, (e.getAttribute('data-state-keys') ?? '').split(',')]);
}

/** True when `fragment` (without `#`) sets only known settings of widgets on the page. */
export function isWidgetStateLink(fragment: string, keys: ReadonlyMap<string, readonly string[]>): boolean {
  const pairs = fragment.split('&').map((p) => /^([\w-]+)\.(\w+)=/.exec(p));
  return pairs.length > 0 && pairs.every((m) => m !== null && (keys.get(m[1] ?? '') ?? []).includes(m[2] ?? ''));
}
