import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { BASE, MARKER, checkHidden, checkShown } from './checks';

const ALL = ['one', 'two', 'three'];
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
    expect(checkHidden(hiddenSite(), ALL, ['two', 'one'])).toEqual([]);
  });

  it('finds the marker in a gzipped search fragment, a reveal in a script, and a solution block', () => {
    const dir = hiddenSite({
      'pagefind/fragment/en_1.pf_fragment.gz': `{"content":"${MARKER} the answer"}`,
      '_astro/page.js': 'out("Answer shown: "+x)',
      'two/index.html': '<h2 id="b">B</h2><details class="solution"><summary>s</summary></details>',
    });
    expect(checkHidden(dir, ALL, ['two', 'one'])).toEqual(
      [
        '_astro/page.js contains "Answer shown".',
        `pagefind/fragment/en_1.pf_fragment.gz contains "${MARKER}".`,
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
    expect(checkHidden(dir, ALL, ['two', 'one'])).toEqual([
      'hidden: /three/ is built.',
      'hidden: the contents list /beyond-linear/one/, /beyond-linear/two/, not two, one in that order.',
      'hidden: the sitemap lists /three/.',
      'hidden: one/index.html links to /beyond-linear/two/#nope, and that page has no id "nope".',
    ]);
    rmSync(path.join(dir, 'three'), { recursive: true });
    expect(checkHidden(dir, ALL, ['two', 'one'])).toContain('hidden: one/index.html links to /beyond-linear/three/#x, which the build does not have.');
  });
});

describe('the shown-solutions check', () => {
  it('finds a solution without the marker and missing reveals', () => {
    const root = site({ 'content/chapters/03-softmax-gradients.mdx': '<Solution>\nx\n</Solution>\n<Hint>\ny\n</Hint>' });
    const dist = site({
      'softmax-gradients/index.html': `<details class="solution"><p>${MARKER}</p></details><details class="solution hint"><p>no marker</p></details>`,
      'pagefind/fragment/a.pf_fragment.gz': MARKER,
      '_astro/a.js': 'Answer shown',
    });
    expect(checkShown(dist, ['softmax-gradients'], root)).toEqual([
      'shown: /softmax-gradients/ solution or hint 2 lacks the marker.',
      'shown: chapter 3 has 0 marked answer reveals, not 3 (two "Show answer", one "Show the bug").',
    ]);
  });
});
