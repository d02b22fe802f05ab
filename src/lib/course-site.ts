/**
 * What the pages say about the book, from the course settings: footer link targets and the
 * link-preview image's alt text. Pure; the settings come in as an argument.
 */
import type { CourseSettings } from './course-schema';
import { listNames } from './course';
import { url } from './url';

/** A footer link's address on the built site: root-relative paths get the base path; https addresses stay. */
export function footerHref(href: string): string {
  return href.startsWith('/') ? url(href) : href;
}

/** The preview image's alt text: what the generated image shows, in words. */
export function ogImageAlt(course: CourseSettings): string {
  const who = listNames(course.authors);
  return `${course.title}: ${course.subtitle}${course.course ? `, for ${course.course}` : ''}; by ${who}. Four XOR points that no straight line can separate.`;
}
