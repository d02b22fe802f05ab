/**
 * The chapters follow the notation page. Each test reads the chapters' MDX sources and checks
 * something a reader would see: a symbol used in a formula that the notation page does not
 * explain, a retired use of a letter (λ as a learning rate, L as a loss or a depth, a column
 * vector multiplied on the left), or a "first defined" link that lands nowhere.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import { describe, expect, it } from 'vitest';
import { ALL_SYMBOLS } from '~/notation/symbols';
import { GLOSSARY } from '~/notation/glossary';

const DIR = path.resolve(__dirname, '../../content/chapters');
const chapters = readdirSync(DIR)
  .filter((f) => f.endsWith('.mdx'))
  .map((file) => {
    const source = readFileSync(path.join(DIR, file), 'utf8');
    return { file, slug: file.replace(/^\d+-/, '').replace(/\.mdx$/, ''), source };
  });

/** Every formula of a chapter, `$…$` and `$$…$$`, with the paragraph it sits in. */
function formulas(source: string): { tex: string; paragraph: string }[] {
  const out: { tex: string; paragraph: string }[] = [];
  for (const paragraph of source.split(/\n\s*\n(?!\\|[^$\n]*\$\$)/)) {
    for (const m of paragraph.matchAll(/\$\$([\s\S]*?)\$\$|\$([^$\n]+)\$/g)) out.push({ tex: m[1] ?? m[2] ?? '', paragraph });
  }
  return out;
}

const GREEK =
  'alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|vartheta|iota|kappa|lambda|mu|nu|xi|pi|rho|sigma|varsigma|tau|upsilon|phi|varphi|chi|psi|omega|Gamma|Delta|Theta|Lambda|Xi|Pi|Sigma|Phi|Psi|Omega';
const TOKEN = new RegExp(String.raw`\\mathbf\{([A-Za-z0-9])\}|\\boldsymbol\{\\?([A-Za-z]+)\}|\\mathcal\{([A-Z])\}|\\(${GREEK})(?![a-zA-Z])`, 'g');

/** The checked symbols in a formula: bold letters, bold Greek, calligraphic letters, Greek letters. */
function tokens(tex: string): string[] {
  return [...tex.matchAll(TOKEN)].map((t) => (t[1] ? `\\mathbf{${t[1]}}` : t[2] ? `\\boldsymbol{${t[2]}}` : t[3] ? `\\mathcal{${t[3]}}` : `\\${t[4]}`));
}

/** Anchors a chapter defines: heading slugs (as Astro makes them), `<dfn id>`, exercise ids. */
function anchors(source: string): Set<string> {
  const slugger = new GithubSlugger();
  const ids = new Set<string>();
  for (const m of source.matchAll(/^#{2,3} (.+)$/gm)) ids.add(slugger.slug((m[1] ?? '').replace(/[*`$]/g, '')));
  for (const m of source.matchAll(/<dfn id="([^"]+)"/g)) ids.add(m[1] ?? '');
  for (const m of source.matchAll(/<Exercise id="([^"]+)"/g)) ids.add(`exercise-${m[1] ?? ''}`);
  return ids;
}

describe('the notation page', () => {
  const listed = new Set(ALL_SYMBOLS.flatMap((s) => tokens(s.tex)));

  it('lists every bold, calligraphic and Greek symbol the chapters’ formulas use', () => {
    const missing = chapters.flatMap((c) =>
      formulas(c.source)
        .flatMap((f) => tokens(f.tex))
        .filter((t) => !listed.has(t))
        .map((t) => `${c.file}: ${t}`),
    );
    expect([...new Set(missing)], 'symbols used in a chapter but not explained on the notation page').toEqual([]);
  });

  it('links every symbol and glossary term to an anchor that exists in the chapter', () => {
    const byChapter = new Map(chapters.map((c) => [c.slug, anchors(c.source)]));
    const links = [
      ...ALL_SYMBOLS.flatMap((s) => ('href' in s.defined ? [{ what: s.tex, href: s.defined.href }] : [])),
      ...GLOSSARY.flatMap((g) => ('href' in g.defined ? [{ what: g.term, href: g.defined.href }] : [])),
    ];
    expect(links.length).toBeGreaterThan(60);
    const broken = links.filter(({ href }) => {
      const m = /^\/([a-z-]+)\/#(.+)$/.exec(href);
      return !m || !byChapter.get(m[1] ?? '')?.has(m[2] ?? '');
    });
    expect(
      broken.map((b) => `${b.what} → ${b.href}`),
      'notation-page links that land on no heading, <dfn id> or exercise',
    ).toEqual([]);
  });
});

describe('the chapters follow the notation', () => {
  const all = chapters.flatMap((c) => formulas(c.source).map((f) => ({ ...f, file: c.file })));

  it('use λ only for the L2 coefficient, never for a learning rate or a constant', () => {
    const bad = all.filter((f) => /\\lambda(?![a-zA-Z])/.test(f.tex) && !/\bL2\b|weight decay/i.test(f.paragraph));
    expect(
      bad.map((f) => `${f.file}: $${f.tex}$`),
      'λ outside an L2 paragraph',
    ).toEqual([]);
  });

  it('call the learning rate η wherever a learning rate has a symbol', () => {
    const paragraphs = chapters.flatMap((c) => c.source.split(/\n\s*\n/).map((p) => ({ p, file: c.file })));
    const named = paragraphs.filter(({ p }) => /learning rate \$\\([a-z]+)/.test(p));
    expect(named.length, 'paragraphs that name the learning rate with a symbol').toBeGreaterThan(2);
    const wrong = named.filter(({ p }) => [...p.matchAll(/learning rate \$\\([a-z]+)/g)].some((m) => m[1] !== 'eta'));
    expect(
      wrong.map((w) => `${w.file}: ${w.p.slice(0, 120)}`),
      'a learning rate written with a letter other than η',
    ).toEqual([]);
  });

  it('write no loss or depth as a bare L (the loss is ℓ or 𝓛, the depth D)', () => {
    const bad = all.filter((f) => /(?<![\\a-zA-Z{])L(?![a-zA-Z])/.test(f.tex.replace(/\\(text|operatorname|mathrm)\{[^}]*\}/g, '')));
    expect(bad.map((f) => `${f.file}: $${f.tex}$`)).toEqual([]);
  });

  it('write vectors as rows: no matrix multiplies a bold vector from the left', () => {
    const column = /(?<![\\a-zA-Z])[A-Z](?:\^\{\([^)]*\)\}|'|_\{?[A-Za-z0-9]+\}?)?\s*\\mathbf\{[a-z]\}(?!\^\\top)/;
    const bad = all.filter((f) => column.test(f.tex.replace(/\\(text|operatorname|mathrm|begin|end)\{[^}]*\}/g, '')));
    expect(
      bad.map((f) => `${f.file}: $${f.tex.slice(0, 100)}$`),
      'a product such as W x (a column vector) where the book writes x W',
    ).toEqual([]);
  });

  it('keep τ for the temperature and T for the target, and no longer use f or g as layer outputs', () => {
    const bad = all.filter((f) => /\/\s*T\b|\\mathbf\{[fg]\}|\\operatorname\{softmax\}\([^)]*\/\s*\\mathbf\{T\}/.test(f.tex));
    expect(bad.map((f) => `${f.file}: $${f.tex.slice(0, 100)}$`)).toEqual([]);
  });
});
