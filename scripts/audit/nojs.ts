/**
 * Gate 8, the one implementation shared by the audit and tests/e2e/pages.spec.ts: with
 * JavaScript disabled every page shows its heading and text (everything visible with
 * JavaScript outside widgets), its math (KaTeX rendered at build time, stylesheet applied),
 * no raw TeX, and for every widget a visible static SVG figure, a text description and
 * `<output>` readouts, with its controls and warning note hidden until scripts run.
 */
import type { Page } from '@playwright/test';
import { brokenValueSnippets, light, pageProseText, rawTexSnippets, visibleTextIn } from '../../tests/support/browser.ts';
import { finding, WIDGET_SELECTOR, type Finding } from './config.ts';

/** Headings, paragraphs and list items in `<main>`, outside widgets, that the reader can see. Runs in the browser. */
export function visibleProse(selector: string): string[] {
  const main = document.querySelector('main');
  if (!main) return [];
  return [...main.querySelectorAll('h1, h2, h3, h4, h5, h6, p, li, dt, dd, figcaption, td, th')]
    .filter((el) => !el.closest(selector))
    .filter((el) => el.checkVisibility({ opacityProperty: true, visibilityProperty: true }))
    .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

interface NoJsWidget {
  name: string;
  marked: boolean;
  svg: boolean;
  shapes: number;
  description: boolean;
  controlsHidden: boolean | undefined;
  outputs: number;
  noteHidden: boolean | undefined;
}

interface NoJsState {
  heading: boolean;
  formulas: number;
  visibleFormulas: number;
  katexCss: boolean;
  widgets: NoJsWidget[];
}

/** What a reader sees of the math and widgets without scripts. Runs in the browser. */
function inspect(selector: string): NoJsState {
  const visible = (el: Element | null | undefined): boolean => !!el && el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  const main = document.querySelector('main') ?? document.body;
  const mathml = main.querySelector('.katex-mathml');
  const widgets = [...document.querySelectorAll(selector)].map((w, i): NoJsWidget => {
    const svg = w.querySelector('.widget-figure svg');
    const box = svg?.getBoundingClientRect();
    const controls = w.querySelector('.widget-controls');
    const note = w.querySelector('.widget-note');
    return {
      name: w.id ? `#${w.id}` : `${w.tagName.toLowerCase()}[${i}]`,
      marked: w.classList.contains('widget') && /\S/.test(w.getAttribute('data-widget') ?? ''),
      svg: visible(svg) && !!box && box.width > 0 && box.height > 0,
      shapes: svg?.querySelectorAll('path, circle, rect, line, polyline, polygon, text').length ?? 0,
      description: [...w.querySelectorAll('.widget-description')].some((d) => visible(d) && /\S{3,}/.test(d.textContent ?? '')),
      controlsHidden: controls ? controls.hasAttribute('hidden') && !visible(controls) : undefined,
      outputs: w.querySelectorAll('output').length,
      noteHidden: note ? !visible(note) : undefined,
    };
  });
  return {
    heading: [...main.querySelectorAll('h1')].some(visible),
    formulas: main.querySelectorAll('.katex').length,
    visibleFormulas: [...main.querySelectorAll('.katex-html')].filter(visible).length,
    // KaTeX's stylesheet hides the MathML copy; without it every formula shows twice.
    katexCss: !mathml || getComputedStyle(mathml).position === 'absolute',
    widgets,
  };
}

function widgetFindings(w: NoJsWidget): Finding[] {
  const problems: string[] = [];
  if (!w.marked) problems.push('the root lacks class "widget" or a data-widget name');
  if (!w.svg || w.shapes === 0) problems.push('no visible static SVG figure');
  if (!w.description) problems.push('no visible .widget-description');
  if (w.controlsHidden === undefined) problems.push('no .widget-controls');
  else if (!w.controlsHidden) problems.push('its .widget-controls are not hidden (they only work with JavaScript)');
  if (w.outputs === 0) problems.push('no <output> readouts in the markup');
  if (w.noteHidden === undefined) problems.push('no .widget-note for warnings');
  else if (!w.noteHidden) problems.push('its .widget-note shows although nothing is wrong');
  return problems.map((p) => finding('nojs', `${w.name}: ${p} without JavaScript`));
}

export interface NoJsExpectations {
  /** A chapter: formulas expected. */
  math: boolean;
  /** `visibleProse` of the same page with JavaScript on, when known: all of it must show without. */
  proseWithJs?: readonly string[];
}

/** Gate 8 for the page loaded in `page` (whose context has JavaScript disabled). */
export async function noJsFindings(page: Page, { math, proseWithJs }: NoJsExpectations): Promise<Finding[]> {
  const state = await page.evaluate(inspect, WIDGET_SELECTOR);
  const prose = await page.evaluate(visibleProse, WIDGET_SELECTOR);
  const out: Finding[] = [];
  if (!state.heading) out.push(finding('nojs', 'no visible <h1> without JavaScript'));
  if (prose.length < 2) out.push(finding('nojs', `only ${prose.length} visible headings or paragraphs in <main> without JavaScript`));
  for (const text of (proseWithJs ?? []).filter((t) => !prose.includes(t)))
    out.push(finding('nojs', `visible with JavaScript but not without: "${text.slice(0, 120)}"`));
  if (math && state.formulas === 0) out.push(finding('nojs', 'no KaTeX formulas on a chapter page'));
  if (state.formulas > 0 && state.visibleFormulas === 0) out.push(finding('nojs', 'KaTeX formulas are not visible without JavaScript'));
  if (!state.katexCss) out.push(finding('nojs', "KaTeX's stylesheet is not applied (the MathML copy shows)"));
  for (const snippet of rawTexSnippets(await pageProseText(page))) out.push(finding('nojs', `raw TeX visible: ${snippet}`));
  for (const w of state.widgets) out.push(...widgetFindings(w));
  const roots = page.locator(light(WIDGET_SELECTOR));
  for (let i = 0; i < state.widgets.length; i++) {
    for (const snippet of brokenValueSnippets(await roots.nth(i).evaluate(visibleTextIn)))
      out.push(finding('nojs', `${state.widgets[i]?.name}: static figure shows "${snippet}"`));
  }
  return out;
}
