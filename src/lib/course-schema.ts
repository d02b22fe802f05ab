/**
 * The shape of `course.config.ts` and its validation. Pure (no Astro, no file system), so the
 * Astro config, the pages and the tests share it. A mistake in the settings fails the build with
 * one sentence per problem, naming the setting and what it should be.
 */
import { linkedChapter } from '../markdown/chapter-links.mjs';

/** A link in the footer: its words and where it goes (root-relative `/…` inside the book, or `https://…`). */
export interface FooterLink {
  label: string;
  href: string;
}

/** What an instructor writes in `course.config.ts` (see the doc comments there for each field). */
export interface CourseSettings {
  title: string;
  subtitle: string;
  course?: string | undefined;
  authors: readonly string[];
  year: number;
  chapters: readonly string[];
  showSolutions: boolean;
  footer: {
    coursePage?: FooterLink | undefined;
    licence: { prose: FooterLink; code: FooterLink };
    extra?: readonly FooterLink[] | undefined;
  };
  siteUrl?: string | undefined;
}

/** Identity with a type: `export default defineCourse({ … })` gets completion and type errors in the editor. */
export function defineCourse<const T extends CourseSettings>(settings: T): T {
  return settings;
}

const isText = (x: unknown, max: number): x is string => typeof x === 'string' && x.trim().length > 0 && x.length <= max;
const quote = (x: unknown): string => (typeof x === 'string' ? `"${x}"` : (JSON.stringify(x) ?? String(x)));

/** `/licence/`, `/licence/#code` or `https://…`: the forms a footer link may take. */
export function isLinkTarget(href: unknown): href is string {
  if (typeof href !== 'string') return false;
  if (/^\/(?!\/)[^\s<>"]*$/.test(href)) return true;
  try {
    return new URL(href).protocol === 'https:' && !/\s/.test(href);
  } catch {
    return false;
  }
}

function linkProblems(link: unknown, where: string): string[] {
  if (typeof link !== 'object' || link === null) return [`${where} must be { label, href }.`];
  const { label, href } = link as Partial<FooterLink>;
  const out: string[] = [];
  if (!isText(label, 80)) out.push(`${where}.label must be 1 to 80 characters of text (it is ${quote(label)}).`);
  if (!isLinkTarget(href)) out.push(`${where}.href must be a root-relative path like "/licence/" or an https:// address (it is ${quote(href)}).`);
  return out;
}

function chapterProblems(chapters: unknown, available: readonly string[]): string[] {
  if (!Array.isArray(chapters) || chapters.length === 0) {
    return [`chapters must list at least one chapter slug; the book has ${available.join(', ')}.`];
  }
  const out: string[] = [];
  const seen = new Set<string>();
  for (const slug of chapters as unknown[]) {
    if (typeof slug !== 'string' || !available.includes(slug)) {
      out.push(
        `chapters names ${quote(slug)}, which is not a chapter; the chapters are ${available.join(', ')} (file names in content/chapters/ without "NN-").`,
      );
    } else if (seen.has(slug)) out.push(`chapters names "${slug}" twice; list each chapter once.`);
    seen.add(String(slug));
  }
  return out;
}

function footerProblems(footer: unknown): string[] {
  if (typeof footer !== 'object' || footer === null) return ['footer must be an object with a licence and optional coursePage and extra links.'];
  const f = footer as Partial<CourseSettings['footer']>;
  const out: string[] = [];
  if (f.coursePage !== undefined) out.push(...linkProblems(f.coursePage, 'footer.coursePage'));
  if (typeof f.licence !== 'object' || f.licence === null) out.push('footer.licence must be { prose: { label, href }, code: { label, href } }.');
  else out.push(...linkProblems(f.licence.prose, 'footer.licence.prose'), ...linkProblems(f.licence.code, 'footer.licence.code'));
  if (f.extra !== undefined) {
    if (!Array.isArray(f.extra)) out.push('footer.extra must be a list of { label, href }.');
    else f.extra.forEach((l, i) => out.push(...linkProblems(l, `footer.extra[${i}]`)));
  }
  return out;
}

/** Every problem with the settings, one sentence each (empty when they are valid). */
export function courseProblems(raw: unknown, available: readonly string[]): string[] {
  if (typeof raw !== 'object' || raw === null) return ['course.config.ts must export default defineCourse({ … }).'];
  const s = raw as Partial<CourseSettings>;
  const out: string[] = [];
  if (!isText(s.title, 80)) out.push(`title must be 1 to 80 characters of text (it is ${quote(s.title)}).`);
  if (!isText(s.subtitle, 160)) out.push(`subtitle must be 1 to 160 characters of text (it is ${quote(s.subtitle)}).`);
  if (s.course !== undefined && !isText(s.course, 120)) out.push(`course must be 1 to 120 characters of text, or left out (it is ${quote(s.course)}).`);
  if (!Array.isArray(s.authors) || s.authors.length === 0 || !s.authors.every((a) => isText(a, 120))) {
    out.push(`authors must be a list of at least one name, each 1 to 120 characters (it is ${quote(s.authors)}).`);
  }
  if (!Number.isInteger(s.year) || (s.year ?? 0) < 1900 || (s.year ?? 0) > 2999) out.push(`year must be a four-digit year (it is ${quote(s.year)}).`);
  out.push(...chapterProblems(s.chapters, available));
  if (typeof s.showSolutions !== 'boolean') out.push(`showSolutions must be true or false (it is ${quote(s.showSolutions)}).`);
  out.push(...footerProblems(s.footer));
  if (Array.isArray(s.chapters) && typeof s.footer === 'object' && s.footer !== null) {
    const hidden = available.filter((c) => !(s.chapters as readonly unknown[]).includes(c));
    const f = s.footer;
    for (const l of [f.coursePage, f.licence?.prose, f.licence?.code, ...(Array.isArray(f.extra) ? f.extra : [])]) {
      const into = typeof l?.href === 'string' ? linkedChapter(l.href, hidden) : undefined;
      if (into) out.push(`footer link "${l?.label ?? ''}" leads into the chapter "${into}", which chapters does not publish.`);
    }
  }
  if (s.siteUrl !== undefined) {
    let ok = false;
    try {
      const u = new URL(s.siteUrl);
      ok = /^https?:$/.test(u.protocol) && u.pathname === '/';
    } catch {
      ok = false;
    }
    if (!ok) out.push(`siteUrl must be an origin like "https://you.github.io", without a path (it is ${quote(s.siteUrl)}); the path is BASE_PATH.`);
  }
  return out;
}

/**
 * Environment overrides, for building another version without editing the file (e.g. the
 * solutions-hidden student site next to the instructors' one): `COURSE_CHAPTERS=a,b` and
 * `COURSE_SHOW_SOLUTIONS=false`. Unset variables change nothing; a bad value is a problem.
 */
export function withOverrides(settings: CourseSettings, env: Record<string, string | undefined>): CourseSettings {
  let out = settings;
  const chapters = env['COURSE_CHAPTERS'];
  if (chapters !== undefined && chapters.trim() !== '') {
    out = { ...out, chapters: chapters.split(',').map((c) => c.trim()) };
  }
  const show = env['COURSE_SHOW_SOLUTIONS'];
  if (show !== undefined && show !== '') {
    if (show !== 'true' && show !== 'false') throw new Error(`COURSE_SHOW_SOLUTIONS must be "true" or "false" (it is "${show}").`);
    out = { ...out, showSolutions: show === 'true' };
  }
  return out;
}

/** The settings, checked against the chapters that exist; throws one error listing every problem. */
export function validateCourse(raw: unknown, available: readonly string[]): CourseSettings {
  const problems = courseProblems(raw, available);
  if (problems.length > 0) {
    throw new Error(
      `course.config.ts has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
  return raw as CourseSettings;
}
