/**
 * Interactive widgets. Every widget is driven as a reader would (it starts when scrolled into
 * view; every slider answers ArrowRight, Home and End by changing its value, the figure and a
 * readout; number fields, menus and checkboxes redraw the figure or change a readout; buttons
 * can be pressed; never a visible NaN, undefined or Infinity, never a console error) by the
 * audit's widget checks (scripts/audit/widgets.ts), which gates.spec.ts runs page by page
 * before axe, so each page is loaded and each widget exercised once. Run one page's widgets
 * with `npx playwright test gates -g activations`.
 */
import { expect, test } from '@playwright/test';
import { site } from '../support/site.ts';

const { pages, widgets } = site();

test('the site has at least one interactive widget', () => {
  expect(widgets.length, `widgets (elements with class "widget" / data-widget) across ${pages.length} pages`).toBeGreaterThan(0);
});

test('every widget has an id of its own on its page and a data-widget name', () => {
  const problems = widgets.filter((w) => !w.uniqueId || !w.name).map((w) => `${w.label}: ${!w.uniqueId ? 'no id of its own' : 'no data-widget name'}`);
  expect(problems).toEqual([]);
});
