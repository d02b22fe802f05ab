/** How to cite the book: one place for the details that `/licence/` shows and `CITATION.cff` repeats (a test keeps them equal). */
export const BOOK = {
  title: 'Beyond Linear',
  subtitle: 'an interactive textbook on why deep networks need nonlinearity',
  authors: 'The Beyond Linear authors',
  year: 2026,
  licence: 'CC-BY-4.0',
  get bibtex(): string {
    return [
      '@book{beyondlinear2026,',
      `  title     = {{${this.title}}: ${this.subtitle}},`,
      `  author    = {{${this.authors}}},`,
      `  year      = {${this.year}},`,
      '  note      = {Interactive online textbook; text and figures under CC BY 4.0, code under MIT}',
      '}',
    ].join('\n');
  },
} as const;
