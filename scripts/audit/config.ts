/**
 * Settings shared by the audit scripts: budgets, browser, axe tags and the finding type every
 * checker returns. The browser and base path come from tests/support/env.ts, so the audit and
 * the end-to-end tests always agree.
 */
import { BASE, CHROMIUM_ARGS, CHROMIUM_PATH, DIST, ROOT, TEST_CHROMIUM_PATH } from '../../tests/support/env.ts';

export { BASE, CHROMIUM_ARGS, CHROMIUM_PATH, DIST, ROOT, TEST_CHROMIUM_PATH };

/** The gates a finding can belong to (issue 4's numbering in comments). */
export type Gate =
  | 'axe' // 1 accessibility
  | 'keyboard' // 2
  | 'links' // 3 links and base path
  | 'offOrigin' // 4 no third parties
  | 'csp' // 5 Content-Security-Policy
  | 'fuzz' // 6 hostile input
  | 'motion' // 7 reduced motion
  | 'nojs' // 8 no-JS
  | 'weight' // 9 page weight
  | 'widgets' // widgets start and answer every control (tests/e2e/widgets.spec.ts)
  | 'console'; // uncaught exceptions and console errors

/** One problem found by a checker. */
export interface Finding {
  gate: Gate;
  message: string;
}

/** Budgets of gate 9, in bytes. */
export const BUDGET = {
  /**
   * JavaScript (gzipped) loaded before any widget is scrolled into view: the custom elements of
   * every widget on the page (each about 1–2.5 KB: settings, URL state, controls), never Plot or the
   * tensor package. Chapters now carry six or more widgets, so 20 KB became 24 KB; defining each
   * element only when its widget is first touched is the fix that would make this independent of
   * the number of widgets.
   */
  initialJs: 24 * 1024,
  /** Everything transferred on first view (gzipped for text, raw otherwise). */
  transfer: 300 * 1024,
  /**
   * Everything a page fetches without a click: the first view plus what the widgets load when
   * the reader scrolls through the page (scripts, workers and what they fetch, data). Larger
   * data waits for a button that states its size.
   */
  noClick: 300 * 1024,
};

/**
 * The print page (src/pages/print.astro): the whole book on one page, reached only from links
 * that say so. Its HTML alone is the five chapters' (about 370 KB gzipped), so its first view
 * has a budget of its own; its JavaScript budget is the same as every page's. Every chapter on it
 * is the same layout (src/layouts/PrintChapter.astro) around content axe checks on the chapter's
 * own page, so axe and the Tab walk check the page's frame and its first chapter, with the other
 * chapters taken out of the page first: axe builds its tree of the whole page whatever it is told to
 * leave out, and on the page's 95 000 elements that took minutes.
 */
export const PRINT_PAGE = {
  path: 'print/',
  budget: { ...BUDGET, transfer: 600 * 1024, noClick: 600 * 1024 },
  sampleOut: '.print-chapter ~ .print-chapter',
} as const;

/** axe-core tags for WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** Selector of a widget root (the widget contract in src/widgets/_shared). */
export { WIDGET_SELECTOR } from '../../tests/support/site.ts';

/** Viewport of every audit page: a laptop screen, the view the JS budget is measured in. */
export const VIEWPORT = { width: 1280, height: 800 };

/** What `deadline` gives when the work did not finish in time. */
export const LATE = Symbol('late');

/**
 * `work`, or `LATE` once `ms` have passed, whichever comes first. A later failure of `work` is dropped: by then nobody
 * waits for it (e.g. the page it ran in has been closed).
 */
export async function deadline<T>(work: Promise<T>, ms: number): Promise<T | typeof LATE> {
  work.catch(() => undefined);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<typeof LATE>((resolve) => (timer = setTimeout(() => resolve(LATE), ms)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** Shorthand for building findings. */
export function finding(gate: Gate, message: string): Finding {
  return { gate, message };
}
