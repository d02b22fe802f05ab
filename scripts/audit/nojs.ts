/**
 * Gate 8: with JavaScript disabled every page shows its text, its math (KaTeX rendered at
 * build time) and, for every widget, a visible static SVG figure and a text description.
 */
import type { Page } from '@playwright/test';
import { finding, WIDGET_SELECTOR, type Finding } from './config.ts';

interface NoJsState {
  heading: boolean;
  prose: number;
  formulas: number;
  visibleFormulas: number;
  widgets: { name: string; svg: boolean; shapes: number; description: boolean }[];
}

/** What a reader sees without scripts. Runs in the browser. */
function inspect(selector: string): NoJsState {
  const visible = (el: Element): boolean => el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  const main = document.querySelector('main') ?? document.body;
  const heading = [...main.querySelectorAll('h1')].some(visible);
  const prose = [...main.querySelectorAll('p, li, h2, h3')].filter((el) => !el.closest(selector) && visible(el) && (el.textContent ?? '').trim()).length;
  const formulas = main.querySelectorAll('.katex').length;
  const visibleFormulas = [...main.querySelectorAll('.katex-html')].filter(visible).length;
  const widgets = [...document.querySelectorAll(selector)].map((w, i) => {
    const svg = w.querySelector('.widget-figure svg');
    const box = svg?.getBoundingClientRect();
    return {
      name: w.id ? `#${w.id}` : `${w.tagName.toLowerCase()}[${i}]`,
      svg: !!svg && visible(svg) && !!box && box.width > 0 && box.height > 0,
      shapes: svg?.querySelectorAll('path, circle, rect, line, polyline, polygon, text').length ?? 0,
      description: [...w.querySelectorAll('.widget-description')].some((d) => visible(d) && (d.textContent ?? '').trim().length > 3),
    };
  });
  return { heading, prose, formulas, visibleFormulas, widgets };
}

/**
 * Gate 8 for the page loaded in `page` (whose context has JavaScript disabled). `math`: the
 * page is expected to contain formulas (chapter pages).
 */
export async function noJsFindings(page: Page, math: boolean): Promise<Finding[]> {
  const state = await page.evaluate(inspect, WIDGET_SELECTOR);
  const out: Finding[] = [];
  if (!state.heading) out.push(finding('nojs', 'no visible <h1> without JavaScript'));
  if (state.prose < 1) out.push(finding('nojs', 'no visible text in <main> without JavaScript'));
  if (math && state.formulas === 0) out.push(finding('nojs', 'no KaTeX formulas on a chapter page'));
  if (state.formulas > 0 && state.visibleFormulas === 0) out.push(finding('nojs', 'KaTeX formulas are not visible without JavaScript'));
  for (const w of state.widgets) {
    if (!w.svg || w.shapes === 0) out.push(finding('nojs', `${w.name}: no visible static SVG figure without JavaScript`));
    if (!w.description) out.push(finding('nojs', `${w.name}: no visible .widget-description without JavaScript`));
  }
  return out;
}
