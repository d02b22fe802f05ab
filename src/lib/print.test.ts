import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { printChapter, printHref, roundSvgNumbers, type PrintContext } from './print';

const ctx: PrintContext = {
  slug: 'linear-limits',
  base: '/beyond-linear/',
  siteBase: 'https://example.org/beyond-linear/',
  slugs: ['linear-limits', 'activations'],
};

/** A small chapter as Astro renders one: a heading, links, a widget, an SVG clip path and an exercise. */
const CHAPTER = `
<h2 id="intro"><span class="section-number">1.1</span> Intro <a class="permalink" href="#intro" aria-label="Link to this section">#</a></h2>
<p>See <a href="#xor-fit">the widget</a>, <a href="#xor-fit.w1=0.5&amp;xor-fit.b=1">a setting of it</a>,
<a href="/beyond-linear/activations/#relu">ReLU</a>, <a href="/beyond-linear/activations/">chapter 2</a>,
<a href="/beyond-linear/notation/#eta">η</a> and <a href="https://example.com/">elsewhere</a>.</p>
<xor-fit class="widget" id="xor-fit" data-widget="xor-fit" data-state-keys="w1,b" role="group" aria-labelledby="xor-fit-title">
  <p class="widget-title" id="xor-fit-title">A line through XOR</p>
  <p class="widget-lede">Drag the sliders.</p>
  <div class="widget-figure" role="img" aria-labelledby="xor-fit-title" aria-describedby="xor-fit-desc">
    <svg><clipPath id="clip"><rect width="10.123456" height="3"></rect></clipPath><path d="M0,215.20000000000002L3.456789,1" clip-path="url(#clip)"></path></svg>
  </div>
  <div class="widget-controls" hidden><label for="xor-fit-w1">w1</label><input id="xor-fit-w1" type="range"><button type="button">Reset</button></div>
  <p class="widget-description" id="xor-fit-desc">The line misses one corner.</p>
  <p class="widget-note" role="status" hidden></p>
  <noscript><p>Turn on JavaScript.</p></noscript>
  <p class="widget-caption">Four points, one line.</p>
</xor-fit>
<script type="module" src="/beyond-linear/_astro/xor-fit.js"></script>
<section class="exercise" id="exercise-gates" aria-labelledby="exercise-gates-title">
  <p class="exercise-title" id="exercise-gates-title"><span class="exercise-kind">Exercise</span><span class="exercise-level"><span class="visually-hidden">Level 3 of 3:</span></span> Which gates?</p>
  <p>Question.</p>
  <details class="solution hint"><summary>Show a hint</summary><div class="solution-body"><p>Add them up.</p></div></details>
  <details class="solution"><summary>Show the solution</summary><div class="solution-body"><p>Answer, see <a href="#intro">the intro</a>.</p></div></details>
</section>
<h3 id="more">More</h3>`;

function parse(html: string): Document {
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;
}

describe('printChapter', () => {
  const out = printChapter(CHAPTER, ctx);
  const body = parse(out.html);
  const answers = parse(out.solutions);
  const hrefs = [...body.querySelectorAll('a')].map((a) => a.getAttribute('href'));

  it('prefixes every id with the chapter slug, and every reference to it', () => {
    const ids = [...body.querySelectorAll('[id]')].map((e) => e.id);
    expect(ids.length).toBeGreaterThan(5);
    expect(ids.filter((id) => !id.startsWith('linear-limits--'))).toEqual([]);
    expect(body.querySelector('figure')?.getAttribute('aria-labelledby')).toBe('linear-limits--xor-fit-title');
    expect(body.querySelector('.widget-figure')?.getAttribute('aria-describedby')).toBe('linear-limits--xor-fit-desc');
    expect(body.querySelector('path')?.getAttribute('clip-path')).toBe('url(#linear-limits--clip)');
  });

  it('points in-page and cross-chapter links into the print page, and leaves other pages alone', () => {
    expect(hrefs).toEqual([
      '#linear-limits--intro',
      '#linear-limits--xor-fit',
      '#linear-limits--xor-fit',
      '#activations--relu',
      '#activations',
      '/beyond-linear/notation/#eta',
      'https://example.com/',
      'https://example.org/beyond-linear/linear-limits/#xor-fit',
      '#linear-limits--exercise-gates--answer',
    ]);
  });

  it('turns a widget into a figure with its static drawing, no controls or scripts, and an absolute link back', () => {
    const fig = body.querySelector('figure.print-widget');
    expect(fig?.id).toBe('linear-limits--xor-fit');
    expect(fig?.hasAttribute('data-widget')).toBe(false);
    expect(body.querySelectorAll('.widget, [data-widget], input, button, script, noscript, .widget-controls, .widget-lede').length).toBe(0);
    expect(fig?.querySelector('svg')).not.toBeNull();
    expect(fig?.querySelector('.print-live')?.textContent).toBe('Live version: https://example.org/beyond-linear/linear-limits/#xor-fit');
  });

  it('rounds figure coordinates to hundredths', () => {
    expect(body.querySelector('path')?.getAttribute('d')).toBe('M0,215.2L3.46,1');
    expect(body.querySelector('rect')?.getAttribute('width')).toBe('10.12');
    expect(roundSvgNumbers('translate(44,68.79999999999998) scale(1.5)')).toBe('translate(44,68.8) scale(1.5)');
  });

  it('moves hint and solution to the end of the chapter, hint first, with links both ways', () => {
    expect(body.querySelectorAll('details').length).toBe(0);
    expect(body.querySelector('.exercise .print-solution-ref')?.textContent).toBe('Hint and solution at the end of the chapter');
    const group = answers.querySelector('.print-solution-group');
    expect(group?.id).toBe('linear-limits--exercise-gates--answer');
    expect(group?.querySelector('.print-solution-for a')?.getAttribute('href')).toBe('#linear-limits--exercise-gates');
    expect(group?.querySelector('.print-solution-for')?.textContent).toBe('Which gates?');
    expect([...(group?.querySelectorAll('.print-solution-label') ?? [])].map((p) => p.textContent)).toEqual(['Hint', 'Solution']);
    expect(group?.querySelector('.print-solution:not(.print-hint) a')?.getAttribute('href')).toBe('#linear-limits--intro');
  });

  it('moves headings one level down, under the chapter title', () => {
    expect([...body.querySelectorAll('h2, h3, h4')].map((h) => `${h.tagName.toLowerCase()}#${h.id}`)).toEqual([
      'h3#linear-limits--intro',
      'h4#linear-limits--more',
    ]);
  });

  it('passes formulas through untouched, however deeply their spans nest', () => {
    const formula =
      '<span class="katex"><span class="katex-mathml"><math><mi>x</mi></math></span><span class="katex-html" aria-hidden="true"><span class="base"><span class="mord">x</span></span></span></span>';
    const out = printChapter(`<p id="p">Let ${formula} be <a href="#p">this</a>.</p>`, ctx).html;
    expect(out).toBe(`<p id="linear-limits--p">Let ${formula} be <a href="#linear-limits--p">this</a>.</p>`);
  });

  it('gives no solutions section to a chapter without solutions', () => {
    expect(printChapter('<p>Only prose.</p>', ctx).solutions).toBe('');
  });
});

describe('printHref', () => {
  it('leaves an empty hash, an unknown page and other sites alone', () => {
    expect(printHref('#', ctx)).toBeUndefined();
    expect(printHref('/beyond-linear/data/', ctx)).toBeUndefined();
    expect(printHref('https://example.org/', ctx)).toBeUndefined();
    expect(printHref('/beyond-linear/activations/#depth-gradients.depth=20', ctx)).toBe('#activations--depth-gradients');
  });
});
