import { getCollection, type CollectionEntry } from 'astro:content';

export type Chapter = CollectionEntry<'chapters'>;

/** The URL slug of a chapter: its file name without the `NN-` ordering prefix, e.g. `linear-limits`. */
export function chapterSlug(chapter: Chapter): string {
  return chapter.id.replace(/^\d+-/, '');
}

/** All chapters sorted by `order`; throws if two chapters share an order or a slug. */
export async function sortedChapters(): Promise<Chapter[]> {
  const all = (await getCollection('chapters')).sort((a, b) => a.data.order - b.data.order);
  const seen = new Set<string>();
  for (const c of all) {
    for (const key of [`order ${c.data.order}`, `slug ${chapterSlug(c)}`]) {
      if (seen.has(key)) throw new Error(`Two chapters share the ${key} (${c.id}).`);
      seen.add(key);
    }
  }
  return all;
}
