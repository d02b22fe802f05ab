import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { BASE, checkHidden, checkShown, plainPhrases } from './checks';

const ALL = ['one', 'two', 'three'];
const PHRASE = 'so the thresholded fit computes AND exactly';
let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

/** A tiny built site: `files` maps paths to text (`.gz` paths are gzipped). */
function site(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'solutions-checks-'));
  dirs.push(dir);
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    writeFileSync(path.join(dir, p), p.endsWith('.gz') ? gzipSync(text) : text);
  }
  return dir;
}

const contents = (slugs: string[]): string => `<main>${slugs.map((s) => `<a href="${BASE}${s}/">${s}</a>`).join('')}</main>`;
const sitemap = (slugs: string[]): string => slugs.map((s) => `<loc>https://x.org${BASE}${s}/</loc>`).join('');
const hiddenSite = (extra: Record<string, string> = {}): string =>
  site({
    'index.html': contents(['two', 'one']),
    'one/index.html': `<h2 id="a">A</h2><a href="${BASE}two/#b">two</a><a href="#a">a</a>`,
    'two/index.html': '<h2 id="b">B</h2>',
    'sitemap-0.xml': sitemap(['one', 'two']),
    ...extra,
  });

describe('the hidden-solutions check', () => {
  it('passes a clean two-chapter site', () => {
    expect(checkHidden(hiddenSite(), ALL, ['two', 'one'], [PHRASE])).toEqual([]);
  });

  it("finds a solution's words in a gzipped search fragment and across a line break, a reveal in a script, and a solution block", () => {
    const dir = hiddenSite({
      'pagefind/fragment/en_1.pf_fragment.gz': `{"content":"Hence ${PHRASE}."}`,
      'print/index.html': `<p>so the thresholded fit\n   computes AND exactly</p>`,
      '_astro/page.js': 'out("Answer shown: "+x)',
      'two/index.html': '<h2 id="b">B</h2><details class="solution"><summary>s</summary></details>',
    });
    expect(checkHidden(dir, ALL, ['two', 'one'], [PHRASE])).toEqual(
      [
        '_astro/page.js contains "Answer shown".',
        `pagefind/fragment/en_1.pf_fragment.gz contains a solution's words, "${PHRASE}".`,
        `print/index.html contains a solution's words, "${PHRASE}".`,
        'two/index.html contains "class="solution".',
      ].map((m) => `hidden: ${m}`),
    );
  });

  it('finds an unpublished chapter built, listed or linked, the wrong order and a missing id', () => {
    const dir = site({
      'index.html': contents(['one', 'two']),
      'one/index.html': `<a href="${BASE}three/#x">three</a><a href="${BASE}two/#nope">two</a>`,
      'two/index.html': '<h2 id="b">B</h2>',
      'three/index.html': '<h2 id="x">X</h2>',
      'sitemap-0.xml': sitemap(['one', 'two', 'three']),
    });
    expect(checkHidden(dir, ALL, ['two', 'one'], [PHRASE])).toEqual([
      'hidden: /three/ is built.',
      'hidden: the contents list /beyond-linear/one/, /beyond-linear/two/, not two, one in that order.',
      'hidden: the sitemap lists /three/.',
      'hidden: one/index.html links to /beyond-linear/two/#nope, and that page has no id "nope".',
    ]);
    rmSync(path.join(dir, 'three'), { recursive: true });
    expect(checkHidden(dir, ALL, ['two', 'one'], [PHRASE])).toContain(
      'hidden: one/index.html links to /beyond-linear/three/#x, which the build does not have.',
    );
  });
});

describe('the shown-solutions check', () => {
  it('takes plain phrases between tags, formulas and marks, and leaves the rest', () => {
    const formula = '<span class="katex"><span class="katex-mathml">x squared plus y squared</span><span>x</span></span>';
    expect(plainPhrases(`<p>Sum the scores of the four points ${formula} and the <em>line</em> fails: no line exists at all here</p>`)).toEqual([
      'Sum the scores of the four points',
      'no line exists at all here',
    ]);
  });

  it('finds a solution with no words of its own, a chapter whose solutions are not in the index, and missing reveals', () => {
    const root = site({ 'content/chapters/03-softmax-gradients.mdx': '<Solution>\nx\n</Solution>\n<Hint>\ny\n</Hint>\n<Hint>\nz\n</Hint>' });
    const own = '<details class="solution"><p>The collapsed layer gives the same scores everywhere</p></details>';
    const shared = '<details class="solution hint"><p>write the four scores as one sum</p></details>';
    const dist = site({
      'softmax-gradients/index.html': `<p>First, write the four scores as one sum.</p>${own}${shared}`,
      // The print page repeats the solutions outside their blocks: it is not "elsewhere".
      'print/index.html': '<div class="print-solution"><p>The collapsed layer gives the same scores everywhere</p></div>',
      'pagefind/fragment/a.pf_fragment.gz': 'nothing of it',
      '_astro/a.js': 'Answer shown',
    });
    const { failures, phrases } = checkShown(dist, ['softmax-gradients'], root);
    expect(phrases).toEqual(['The collapsed layer gives the same scores everywhere']);
    expect(failures).toEqual([
      'shown: /softmax-gradients/ has 2 solutions and hints, its MDX 3.',
      'shown: /softmax-gradients/ solution, hint or reveal 2 has no phrase of four plain words of its own.',
      "shown: the search index has none of /softmax-gradients/'s solutions.",
      'shown: chapter 3 has 0 answer reveals, not 3 (two "Show answer", one "Show the bug").',
    ]);
  });
});
