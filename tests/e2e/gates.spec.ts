/**
 * The audit's page gates (scripts/audit/passes.ts), one test per page and the 404 page, so
 * that `npm test` runs them in the same browser and server as the other specs: what the page
 * fetches without a click (first view: JavaScript ≤ 24 KB gzipped, no Observable Plot,
 * ≤ 300 KB; then scrolled through so every widget starts: ≤ 300 KB), nothing moving without
 * input under reduced motion (the pass runs with it), every widget started and each control
 * used, axe (WCAG 2.x A/AA) in light and dark, the Tab order, Content-Security-Policy, console
 * errors and requests to other origins.
 * Links and the page without JavaScript run in pages.spec.ts, hostile URL state in url-state.spec.ts.
 * `npm run audit` runs the same passes outside Playwright and prints them as one table.
 */
import { expect, test } from '@playwright/test';
import type { Finding } from '../../scripts/audit/config.ts';
import { cachedFetcher } from '../../scripts/audit/links.ts';
import { mainPass, type Target } from '../../scripts/audit/passes.ts';
import { auditPages } from '../../scripts/audit/site.ts';
import { BASE, ORIGIN } from '../support/env.ts';
import { site } from '../support/site.ts';

const target: Target = { origin: ORIGIN, base: BASE, siteOrigin: site().siteOrigin, fetch: cachedFetcher() };
const messages = (findings: readonly Finding[]): string[] => findings.map((f) => `[${f.gate}] ${f.message}`);

// The longest tests first (chapters, most widgets first), so that the workers finish together.
const widgetCount = (path: string): number => site().widgets.filter((w) => w.page.path === path).length;
const pages = auditPages().sort((a, b) => widgetCount(b.path) - widgetCount(a.path));

for (const p of pages) {
  test(`${p.label}: weight, reduced motion, widgets, axe in light and dark, keyboard, CSP, console and origins`, async ({ browser }) => {
    test.setTimeout(600_000);
    const { findings, weight } = await mainPass(browser, p, target, { links: false });
    if (weight) test.info().annotations.push({ type: 'weight', description: JSON.stringify(weight) });
    expect(messages(findings), `the audit's findings on ${p.path}`).toEqual([]);
  });
}
