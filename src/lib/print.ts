import { parseHTML } from 'linkedom';

/**
 * The print page (`/print/`) puts every chapter on one page. Each chapter's rendered HTML goes
 * through `printChapter` at build time (server only), which turns the interactive page into a
 * printable one:
 *  - every id becomes `<slug>--<id>` (chapters share heading slugs), and every reference to an id
 *    follows: `#links`, `for`, `aria-*`, `headers`, and SVG `url(#…)`/`href`;
 *  - links to a chapter page (`<base><slug>/#x`) point into this page (`#<slug>--x`); a widget's
 *    URL state (`#id.key=value`) lands on the widget;
 *  - headings go down one level (the chapter title is the h2);
 *  - a widget becomes a `<figure>` with its build-time figure, readouts and caption, no controls,
 *    and an absolute link back to the live widget;
 *  - hints and solutions move to the end of the chapter, with links both ways; anything else
 *    behind a `<details>` prints open;
 *  - scripts, `<noscript>` notes and form controls go: the page needs no JavaScript.
 */
export interface PrintContext {
  /** The chapter's slug, e.g. `linear-limits`: the id prefix and the live page's path. */
  slug: string;
  /** The configured base path, e.g. `/beyond-linear/`. */
  base: string;
  /** The site's absolute base URL, e.g. `https://example.org/beyond-linear/`. */
  siteBase: string;
  /** Slugs of every chapter on the print page (links to them become in-page links). */
  slugs: readonly string[];
}

export interface PrintedChapter {
  /** The chapter body, ready for `set:html`. */
  html: string;
  /** The chapter's hints and solutions (empty when the build has none). */
  solutions: string;
}

type Doc = Document;

/** The id a print-page chapter uses for an id of its own page. */
export function printId(slug: string, id: string): string {
  return `${slug}--${id}`;
}

/** The widget id in a hash that carries widget state (`xor-fit.w1=0.5&…` → `xor-fit`). */
function hashTarget(hash: string): string {
  let h = hash;
  try {
    h = decodeURIComponent(hash);
  } catch {
    /* keep it raw */
  }
  return h.includes('=') ? (h.split(/[.=&]/)[0] ?? h) : h;
}

const ID_REF_ATTRS = [
  'for',
  'headers',
  'list',
  'form',
  'aria-labelledby',
  'aria-describedby',
  'aria-controls',
  'aria-owns',
  'aria-details',
  'aria-flowto',
  'aria-activedescendant',
  'aria-errormessage',
];

/** Prefix every id, and every attribute that names ids, inside `root`. */
function prefixIds(root: Element, slug: string): Set<string> {
  const ids = new Set<string>();
  for (const el of [root, ...root.querySelectorAll('[id]')]) {
    const id = el.getAttribute('id');
    if (!id) continue;
    ids.add(id);
    el.setAttribute('id', printId(slug, id));
  }
  for (const el of root.querySelectorAll('*')) {
    for (const attr of [...el.attributes]) {
      const { name, value } = attr;
      if (ID_REF_ATTRS.includes(name)) {
        el.setAttribute(
          name,
          value
            .split(/\s+/)
            .map((t) => (ids.has(t) ? printId(slug, t) : t))
            .join(' '),
        );
      } else if (value.includes('url(#')) {
        el.setAttribute(
          name,
          value.replace(/url\(#([^)]+)\)/g, (m, id: string) => (ids.has(id) ? `url(#${printId(slug, id)})` : m)),
        );
      }
    }
  }
  return ids;
}

/** Where a link on chapter `slug` points on the print page, or undefined to leave it alone. */
export function printHref(href: string, ctx: PrintContext): string | undefined {
  if (href.startsWith('#')) return href.length > 1 ? `#${printId(ctx.slug, hashTarget(href.slice(1)))}` : undefined;
  if (!href.startsWith(ctx.base)) return undefined;
  const [path = '', hash] = href.slice(ctx.base.length).split('#');
  const target = ctx.slugs.find((s) => path === `${s}/` || path === s);
  if (!target) return undefined;
  return hash ? `#${printId(target, hashTarget(hash))}` : `#${target}`;
}

function rewriteLinks(root: Element, ctx: PrintContext): void {
  for (const a of root.querySelectorAll('[href], [xlink\\:href]')) {
    for (const name of ['href', 'xlink:href']) {
      const href = a.getAttribute(name);
      const to = href === null ? undefined : printHref(href, ctx);
      if (to !== undefined) a.setAttribute(name, to);
    }
  }
}

/** A new element named `tag` in place of `el`, with its attributes and children. */
function rename(doc: Doc, el: Element, tag: string): Element {
  const out = doc.createElement(tag);
  for (const { name, value } of [...el.attributes]) out.setAttribute(name, value);
  while (el.firstChild) out.appendChild(el.firstChild);
  el.replaceWith(out);
  return out;
}

function shiftHeadings(doc: Doc, root: Element): void {
  for (const h of [...root.querySelectorAll('h2, h3, h4, h5')]) rename(doc, h, `h${Number(h.tagName[1]) + 1}`);
}

function removeAll(root: Element, selector: string): void {
  for (const el of [...root.querySelectorAll(selector)]) el.remove();
}

/** A link element with its address as its text, so the address prints. */
function addressLink(doc: Doc, href: string, before: string): Element {
  const p = doc.createElement('p');
  p.setAttribute('class', 'print-live');
  p.append(before);
  const a = doc.createElement('a');
  a.setAttribute('href', href);
  a.textContent = href;
  p.append(a);
  return p;
}

const SVG_NUMERIC = ['d', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'dx', 'dy', 'width', 'height', 'transform', 'points', 'viewBox'];

/** `215.20000000000002` → `215.2`: figure coordinates to a hundredth of a pixel, a third of the bytes. */
export function roundSvgNumbers(value: string): string {
  return value.replace(/\d*\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100));
}

function compactSvg(root: Element): void {
  for (const el of root.querySelectorAll('svg, svg *')) {
    for (const name of SVG_NUMERIC) {
      const v = el.getAttribute(name);
      if (v !== null && /\.\d{3}/.test(v)) el.setAttribute(name, roundSvgNumbers(v));
    }
  }
}

/** Widgets become figures: the build-time figure, readouts and caption, and a link to the live widget. */
function printWidgets(doc: Doc, root: Element, ctx: PrintContext): void {
  for (const w of [...root.querySelectorAll('[data-widget]')]) {
    const id = w.getAttribute('id') ?? '';
    // A widget's own <details> reveal an answer live (Find the bug); on paper the solution does.
    removeAll(w, '.widget-controls, .widget-pager, .widget-note, .widget-progress, .widget-lede, details');
    for (const name of ['data-widget', 'data-state-keys', 'role']) w.removeAttribute(name);
    w.setAttribute('class', 'print-widget');
    // Without its controls the live layout (a scrolling strip of charts on a phone) does not apply.
    for (const b of w.querySelectorAll('.widget-body')) b.setAttribute('class', 'print-widget-body');
    const live = `${ctx.siteBase}${ctx.slug}/${id ? `#${id}` : ''}`;
    const figure = rename(doc, w, 'figure');
    figure.append(addressLink(doc, live, 'Live version: '));
  }
}

/** Text of an exercise's title without its level's hidden text. */
function exerciseTitle(exercise: Element): string {
  const title = exercise.querySelector('.exercise-title');
  if (!title) return 'Exercise';
  const copy = title.cloneNode(true) as Element;
  removeAll(copy, '.exercise-kind, .visually-hidden');
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** A `<details class="solution">` as a plain block with a label instead of its summary. */
function openSolution(doc: Doc, details: Element, label: string): Element {
  details.querySelector(':scope > summary')?.remove();
  const block = rename(doc, details, 'div');
  block.setAttribute('class', details.classList.contains('hint') ? 'print-solution print-hint' : 'print-solution');
  const p = doc.createElement('p');
  p.setAttribute('class', 'print-solution-label');
  p.textContent = label;
  block.prepend(p);
  return block;
}

/** Hints and solutions move to the end of the chapter; the exercise links to them and back. */
function moveSolutions(doc: Doc, root: Element): string {
  const out = doc.createElement('div');
  for (const ex of root.querySelectorAll('.exercise')) {
    const parts = [...ex.querySelectorAll(':scope > details.solution')];
    if (parts.length === 0) continue;
    const exId = ex.getAttribute('id') ?? '';
    const group = doc.createElement('section');
    group.setAttribute('class', 'print-solution-group');
    group.setAttribute('id', `${exId}--answer`);
    group.setAttribute('aria-label', `Exercise: ${exerciseTitle(ex)}`);
    const back = doc.createElement('p');
    back.setAttribute('class', 'print-solution-for');
    const a = doc.createElement('a');
    a.setAttribute('href', `#${exId}`);
    a.textContent = exerciseTitle(ex);
    back.append(a);
    group.append(back);
    for (const d of parts) group.append(openSolution(doc, d, d.classList.contains('hint') ? 'Hint' : 'Solution'));
    out.append(group);
    const ref = doc.createElement('p');
    ref.setAttribute('class', 'print-solution-ref');
    const to = doc.createElement('a');
    to.setAttribute('href', `#${exId}--answer`);
    to.textContent = parts.length > 1 ? 'Hint and solution at the end of the chapter' : 'Solution at the end of the chapter';
    ref.append(to);
    ex.append(ref);
  }
  for (const d of root.querySelectorAll('details')) d.setAttribute('open', '');
  return out.innerHTML;
}

const KATEX_OPEN = '<span class="katex">';
const SLOT = /<katex-slot n="(\d+)"><\/katex-slot>/g;

/**
 * KaTeX's output (half of a chapter's markup, with no ids or links in it) swapped for short
 * placeholders, so that the DOM pass parses a fraction of the page; `unmask` puts it back.
 */
function maskKatex(html: string): { masked: string; formulas: string[] } {
  const formulas: string[] = [];
  let out = '';
  let from = 0;
  for (let start = html.indexOf(KATEX_OPEN); start >= 0; start = html.indexOf(KATEX_OPEN, from)) {
    let depth = 0;
    let i = start;
    do {
      const open = html.indexOf('<span', i);
      const close = html.indexOf('</span>', i);
      if (close < 0) return { masked: out + html.slice(from), formulas };
      if (open >= 0 && open < close) [depth, i] = [depth + 1, open + 5];
      else [depth, i] = [depth - 1, close + 7];
    } while (depth > 0);
    out += `${html.slice(from, start)}<katex-slot n="${formulas.length}"></katex-slot>`;
    formulas.push(html.slice(start, i));
    from = i;
  }
  return { masked: out + html.slice(from), formulas };
}

function unmask(html: string, formulas: readonly string[]): string {
  return html.replace(SLOT, (_, n: string) => formulas[Number(n)] ?? '');
}

/** Rewrite one chapter's rendered HTML for the print page (see the module comment). */
export function printChapter(rendered: string, ctx: PrintContext): PrintedChapter {
  const { masked: html, formulas } = maskKatex(rendered);
  const { document } = parseHTML(`<!doctype html><html><body><div id="print-root">${html}</div><div id="print-answers"></div></body></html>`);
  const root = document.getElementById('print-root') as Element;
  removeAll(root, 'script, noscript, template');
  printWidgets(document, root, ctx);
  removeAll(root, 'input, select, textarea, button, form, label:empty');
  compactSvg(root);
  shiftHeadings(document, root);
  const answers = document.getElementById('print-answers') as Element;
  answers.innerHTML = moveSolutions(document, root);
  for (const part of [root, answers]) {
    part.removeAttribute('id');
    rewriteLinks(part, ctx);
  }
  // Ids are prefixed after the links, so `#x` is rewritten once; the answers share the chapter's ids.
  const wrapper = document.createElement('div');
  wrapper.append(root, answers);
  prefixIds(wrapper, ctx.slug);
  return { html: unmask(root.innerHTML, formulas), solutions: unmask(answers.innerHTML, formulas) };
}
