/**
 * The course settings as the build uses them: `course.config.ts`, with the environment's
 * overrides (`COURSE_CHAPTERS`, `COURSE_SHOW_SOLUTIONS`), checked against the chapters on disk.
 * Build-time only (reads the file system and the environment); client scripts get
 * `__SHOW_SOLUTIONS__` from the Astro config instead.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import settings from '../../course.config.ts';
import { validateCourse, withOverrides, type CourseSettings } from './course-schema.ts';
import { linkedChapter } from '../markdown/chapter-links.mjs';

/** Every chapter slug on disk (`content/chapters/NN-slug.mdx` → `slug`), published or not. */
export function chapterSlugsOnDisk(root = process.cwd()): string[] {
  return readdirSync(path.join(root, 'content/chapters'))
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((f) => f.replace(/\.mdx$/, '').replace(/^\d+-/, ''));
}

/** The validated settings of this build. */
export const COURSE: CourseSettings = validateCourse(withOverrides(settings, process.env), chapterSlugsOnDisk());

/** Chapters that exist but are not published in this build. */
export const UNPUBLISHED: readonly string[] = chapterSlugsOnDisk().filter((s) => !COURSE.chapters.includes(s));

/** "A", "A and B", "A, B and C". */
export function listNames(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

/** Whether a site-relative link may be a link in this build: false when it leads into an unpublished chapter. */
export function isPublishedHref(href: string, base = '/'): boolean {
  return linkedChapter(href, UNPUBLISHED, base) === undefined;
}
