/**
 * The search page: full-text search over every chapter with Pagefind. The index is built with the
 * site (`pagefind --site dist` in `npm run build`) and fetched from this origin when a search runs;
 * each result links to the section heading its words were found under.
 */

/** What the page needs from a Pagefind result (`result.data()`). */
export interface Hit {
  url: string;
  title: string;
  excerpt: string;
  sections: Array<{ url: string; title: string; excerpt: string }>;
}

interface PagefindData {
  url: string;
  meta: { title?: string };
  excerpt: string;
  sub_results?: Array<{ url: string; title: string; excerpt: string }>;
}

interface Pagefind {
  options(o: { baseUrl: string }): Promise<void>;
  search(q: string): Promise<{ results: Array<{ data(): Promise<PagefindData> }> } | null>;
}

/** At most this many pages, and this many sections per page, are shown. */
export const MAX_PAGES = 8;
export const MAX_SECTIONS = 3;

/** A query as the reader typed it, trimmed to 100 characters; empty if there is nothing to search. */
export function cleanQuery(raw: string | null): string {
  return (raw ?? '').replace(/\s+/g, ' ').trim().slice(0, 100);
}

/** Turn Pagefind's data into hits: sections other than the page's own title, at most `MAX_SECTIONS` each. */
export function toHit(d: PagefindData): Hit {
  const title = d.meta.title ?? d.url;
  const sections = (d.sub_results ?? []).filter((s) => s.url.includes('#') && s.title !== title).slice(0, MAX_SECTIONS);
  return { url: d.url, title, excerpt: d.excerpt, sections };
}

/** Lower-case letters and digits of a word: `Rule,` → `rule`. */
const bare = (w: string): string => w.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/**
 * Whether a marked word really answers a query word. Pagefind also marks words that share only a
 * short prefix with a word it does not know (`x` for `xylophone`); those do not count.
 */
export function answers(marked: string, word: string): boolean {
  const [m, w] = [bare(marked), bare(word)];
  if (m === '' || w === '') return false;
  return m.startsWith(w) || (w.startsWith(m) && m.length >= Math.min(w.length, 4));
}

/** Whether a hit's highlighted words answer at least one word of the query. */
export function relevant(hit: Hit, query: string): boolean {
  const words = query.split(' ');
  const html = [hit.excerpt, ...hit.sections.map((s) => s.excerpt)].join(' ');
  const marks = [...html.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1] ?? '');
  return marks.some((m) => words.some((w) => answers(m, w)));
}

/** The sentence under the search box. */
export function statusText(query: string, hits: number): string {
  if (hits === 0) return `Nothing in the book matches “${query}”. Try fewer or other words.`;
  return `${hits} ${hits === 1 ? 'chapter matches' : 'chapters match'} “${query}”.`;
}

/** Only `<mark>` survives from Pagefind's excerpts (which escape the page text); anything else is shown as text. */
export function safeExcerpt(html: string): string {
  const text = html.replace(/<mark>/g, '\u0001').replace(/<\/mark>/g, '\u0002');
  const escaped = text
    .replace(/&(?!(amp|lt|gt|quot|#39);)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
  return escaped.replace(/\u0001/g, '<mark>').replace(/\u0002/g, '</mark>');
}

function item(hit: Hit): HTMLLIElement {
  const li = document.createElement('li');
  const link = document.createElement('a');
  link.href = hit.url;
  link.textContent = hit.title;
  const h = document.createElement('h2');
  h.append(link);
  li.append(h);
  const list = document.createElement('ul');
  for (const s of hit.sections.length > 0 ? hit.sections : [{ url: hit.url, title: hit.title, excerpt: hit.excerpt }]) {
    const row = document.createElement('li');
    const a = document.createElement('a');
    a.href = s.url;
    a.textContent = s.title;
    const p = document.createElement('p');
    p.innerHTML = safeExcerpt(s.excerpt);
    row.append(a, p);
    list.append(row);
  }
  li.append(list);
  return li;
}

/** Read `?q=`, run the search and list the results; say in words when the index cannot be loaded. */
export async function runSearchPage(): Promise<void> {
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  const out = document.querySelector<HTMLOListElement>('[data-search-results]');
  const box = document.querySelector<HTMLInputElement>('#search-query');
  if (!status || !out || !box) return;
  const query = cleanQuery(new URLSearchParams(location.search).get('q'));
  box.value = query;
  if (query === '') {
    // Nothing asked yet: the sentence for readers without JavaScript goes, and focus stays where the reader put it.
    status.textContent = '';
    return;
  }
  status.textContent = `Searching for “${query}”…`;
  try {
    const base = import.meta.env.BASE_URL;
    const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    await pagefind.options({ baseUrl: base });
    const found = await pagefind.search(query);
    const all = await Promise.all((found?.results ?? []).slice(0, MAX_PAGES).map(async (r) => toHit(await r.data())));
    const hits = all.filter((h) => relevant(h, query));
    out.replaceChildren(...hits.map(item));
    status.textContent = statusText(query, hits.length);
  } catch {
    status.textContent =
      'The search index could not be loaded. It is built with the site by `npm run build`, so the development server has none; on the published book, reloading the page may help.';
  }
}
