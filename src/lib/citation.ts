import { COURSE, listNames } from './course';

/** `Beyond Linear` + 2026 → `beyondlinear2026`: the BibTeX key. */
export const bibKey = (title: string, year: number): string => `${title.toLowerCase().replace(/[^a-z0-9]/g, '') || 'book'}${year}`;

/**
 * How to cite the book: the title, authors and year come from course.config.ts; `/licence/` shows
 * them and `CITATION.cff` repeats them (a test keeps it equal to the settings).
 */
export const BOOK = {
  title: COURSE.title,
  subtitle: COURSE.subtitle,
  authors: listNames(COURSE.authors),
  authorList: COURSE.authors,
  year: COURSE.year,
  licence: 'CC-BY-4.0',
  get bibtex(): string {
    return [
      `@book{${bibKey(this.title, this.year)},`,
      `  title     = {{${this.title}}: ${this.subtitle}},`,
      `  author    = {${this.authorList.map((a) => `{${a}}`).join(' and ')}},`,
      `  year      = {${this.year}},`,
      '  note      = {Interactive online textbook; text and figures under CC BY 4.0, code under MIT}',
      '}',
    ].join('\n');
  },
} as const;
