import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BOOK } from './citation';

describe('citation', () => {
  it('CITATION.cff names the same title, authors and licence as the licence page', () => {
    // YAML scalars may be quoted either way (or not at all); compare the values.
    const cff = readFileSync(new URL('../../CITATION.cff', import.meta.url), 'utf8').replace(/["']/g, '');
    expect(cff).toContain(`title: ${BOOK.title}: ${BOOK.subtitle}\n`);
    expect(cff).toContain(`  - name: ${BOOK.authors}\n`);
    expect(cff).toContain(`license: ${BOOK.licence}\n`);
    expect(cff).toContain(`date-released: ${BOOK.year}-`);
  });

  it('gives a BibTeX entry with the title, authors and year', () => {
    expect(BOOK.bibtex.split('\n')[0]).toBe('@book{beyondlinear2026,');
    expect(BOOK.bibtex).toContain('title     = {{Beyond Linear}: an interactive textbook on why deep networks need nonlinearity},');
    expect(BOOK.bibtex).toContain('year      = {2026},');
  });
});
