/**
 * Course settings: the one file an instructor edits to make this book their course's.
 * Every field is checked when the site builds; a mistake stops the build with a sentence
 * naming the setting. README.md, "Deploying a fork", explains each one.
 */
import { defineCourse } from './src/lib/course-schema.ts';

export default defineCourse({
  /** The book's title: the header, every page title, the home page, the citation and the link-preview image. */
  title: 'Beyond Linear',

  /** Said after the title on the home page, in the citation and on the link-preview image. */
  subtitle: 'an interactive textbook on why deep networks need nonlinearity',

  /** Your course, e.g. 'CS 4780 · Deep learning · Spring 2027': shown under the title on the home page and on the preview image. Leave out for none. */
  course: undefined,

  /** Who wrote the book (or this edition of it): the home page, the citation, the preview image. */
  authors: ['The Beyond Linear authors'],

  /** Year of this edition, for the citation. */
  year: 2026,

  /**
   * The chapters readers see, in the order they see them, by slug (the file name in
   * content/chapters/ without its `NN-` prefix). A chapter left out is not built: it is not in the
   * contents, the previous/next links, the search index, the sitemap or the print page, and links
   * to it from other pages become plain text. Chapters keep their own numbers (the prose says
   * "chapter 3"), so leaving one out leaves a gap in the numbering.
   */
  chapters: ['linear-limits', 'activations', 'softmax-gradients', 'embeddings', 'probes'],

  /**
   * false: the site has no worked solutions, hints or answer buttons anywhere (pages, scripts,
   * search index, print and embed pages). The chapter sources in a public repository still
   * contain them.
   */
  showSolutions: true,

  footer: {
    /** Link to your course page (syllabus, LMS), shown first in the footer. Leave out for none. */
    coursePage: undefined,
    /** What the footer says the prose and the code are licensed under, and where that links. */
    licence: {
      prose: { label: 'CC BY 4.0', href: '/licence/#prose' },
      code: { label: 'MIT', href: '/licence/#code' },
    },
    /** Further footer links, in order, e.g. [{ label: 'Office hours', href: 'https://…' }]. */
    extra: [],
  },

  /**
   * The site's origin for canonical links and the preview image, e.g. 'https://you.github.io'.
   * The GitHub Pages deploy sets it for you (SITE_URL); leave out unless you build elsewhere.
   */
  siteUrl: undefined,
});
