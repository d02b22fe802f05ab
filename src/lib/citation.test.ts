import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import settings from '../../course.config';
import { BOOK, bibKey } from './citation';

describe('citation', () => {
  it('CITATION.cff names the same title, authors and licence as course.config.ts', () => {
    // YAML scalars may be quoted either way (or not at all); compare the values.
    const cff = readFileSync(new URL('../../CITATION.cff', import.meta.url), 'utf8').replace(/["']/g, '');
    expect(cff).toContain(`title: ${settings.title}: ${settings.subtitle}\n`);
    for (const a of settings.authors) expect(cff).toContain(`  - name: ${a}\n`);
    expect(cff.match(/^ {2}- name: /gm)).toHaveLength(settings.authors.length);
    expect(cff).toContain(`license: ${BOOK.licence}\n`);
    expect(cff).toContain(`date-released: ${settings.year}-`);
  });

  it('gives a BibTeX entry with the configured title, authors and year', () => {
    expect(bibKey('Beyond Linear', 2026)).toBe('beyondlinear2026');
    expect(BOOK.bibtex.split('\n')[0]).toBe(`@book{${bibKey(settings.title, settings.year)},`);
    expect(BOOK.bibtex).toContain(`title     = {{${settings.title}}: ${settings.subtitle}},`);
    expect(BOOK.bibtex).toContain(`author    = {${settings.authors.map((a) => `{${a}}`).join(' and ')}},`);
    expect(BOOK.bibtex).toContain(`year      = {${settings.year}},`);
  });
});
