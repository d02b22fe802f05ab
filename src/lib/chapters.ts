import { getCollection, type CollectionEntry } from 'astro:content';
import { COURSE } from './course';

export type Chapter = CollectionEntry<'chapters'>;

/** The URL slug of a chapter: its file name without the `NN-` ordering prefix, e.g. `linear-limits`. */
export function chapterSlug(chapter: Chapter): string {
  return chapter.id.replace(/^\d+-/, '');
}

/** Every chapter on disk sorted by `order`, published or not; throws if two chapters share an order or a slug. */
export async function allChapters(): Promise<Chapter[]> {
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

/**
 * The published chapters, in the order `chapters` in course.config.ts lists them: what the contents,
 * the chapter pages and their previous/next links, the bibliography and the print page show.
 */
export async function sortedChapters(): Promise<Chapter[]> {
  const bySlug = new Map((await allChapters()).map((c) => [chapterSlug(c), c]));
  return COURSE.chapters.map((slug) => {
    const c = bySlug.get(slug);
    if (!c) throw new Error(`course.config.ts publishes the chapter "${slug}", which content/chapters/ does not have.`);
    return c;
  });
}
