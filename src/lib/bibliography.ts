/**
 * The book's bibliography, collected at build time from every chapter's `<References>` list, so
 * a reference is written once, in the chapter that cites it. Each source gets a stable anchor from
 * its first author's surname and its year (`bridle-1990`), which does not move when chapters are
 * added or lists reordered. Pure functions on the chapters' MDX text; no Astro imports.
 */

/** One source as cited: its text (Markdown, `*…*` for titles), its anchor, and the chapters citing it. */
export interface Source {
  key: string;
  text: string;
  citedBy: Array<{ slug: string; title: string }>;
}

/** The numbered items of the `<References>` list in an MDX body, in order (empty if it has none). */
export function referencesOf(body: string): string[] {
  const block = /<References>([\s\S]*?)<\/References>/.exec(body)?.[1] ?? '';
  return block
    .split('\n')
    .map((line) => /^\s*\d+\.\s+(.*\S)\s*$/.exec(line)?.[1])
    .filter((x): x is string => x !== undefined);
}

/** `J. S. Bridle, "…", 1990.` → `bridle-1990`; `P. Goyal et al., …` → `goyal-2017`; an untitled author: `"A new look …", 2024` → `a-new-look-2024`. */
export function sourceKey(text: string): string {
  const years = text.match(/\b(1[89]\d\d|20\d\d)\b/g);
  const year = years?.at(-1) ?? 'nd';
  const untitled = /^["“]([^"”]+)["”]/.exec(text);
  if (untitled) {
    // No author: the first three words of the title, e.g. `a-new-look-2024`.
    const words = (untitled[1] ?? '')
      .toLowerCase()
      .replace(/[^a-z\s]/g, '')
      .split(/\s+/)
      .filter(Boolean);
    return `${words.slice(0, 3).join('-') || 'anon'}-${year}`;
  }
  const authors = text.split(/,\s*["“*]/)[0] ?? text;
  const first = (authors.split(/,| and /)[0] ?? '').replace(/\s+et al\.?$/, '').trim();
  const surname = (first.split(/\s+/).at(-1) ?? 'anon')
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  return `${surname || 'anon'}-${year}`;
}

/** Merge the chapters' lists: one entry per source (by key, then by text), sorted by key, each naming every chapter that cites it. */
export function collect(chapters: ReadonlyArray<{ slug: string; title: string; body: string }>): Source[] {
  const byText = new Map<string, Source>();
  for (const c of chapters) {
    for (const text of referencesOf(c.body)) {
      const norm = text.replace(/\s+/g, ' ');
      const found = byText.get(norm);
      if (found) {
        if (!found.citedBy.some((x) => x.slug === c.slug)) found.citedBy.push({ slug: c.slug, title: c.title });
      } else byText.set(norm, { key: sourceKey(text), text: norm, citedBy: [{ slug: c.slug, title: c.title }] });
    }
  }
  const list = [...byText.values()].sort((a, b) => a.key.localeCompare(b.key) || a.text.localeCompare(b.text));
  // Two different sources with the same key (same surname and year) become bridle-1990a, bridle-1990b.
  const counts = new Map<string, number>();
  for (const s of list) counts.set(s.key, (counts.get(s.key) ?? 0) + 1);
  const seen = new Map<string, number>();
  for (const s of list) {
    if ((counts.get(s.key) ?? 0) < 2) continue;
    const n = seen.get(s.key) ?? 0;
    seen.set(s.key, n + 1);
    s.key = `${s.key}${'abcdefghijklmnopqrstuvwxyz'[n] ?? String(n)}`;
  }
  return list;
}

/** A reference's Markdown as safe HTML: `&`, `<`, `>` escaped, then `*title*` → `<em>title</em>`. */
export function referenceHtml(text: string): string {
  const esc = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return esc.replace(/\*([^*]+)\*/g, '<em>$1</em>');
}
