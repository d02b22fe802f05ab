/**
 * The audit's page gates (scripts/audit/passes.ts), one test per page and the 404 page, so
 * that `npm test` runs them in the same browser and server as the other specs:
 *  - main: what the page fetches without a click (first view: JavaScript ≤ 24 KB gzipped, no
 *    Observable Plot, ≤ 300 KB; then scrolled through so every widget starts: ≤ 300 KB), every
 *    widget started and each control used, axe (WCAG 2.x A/AA) in light and dark, the Tab
 *    order, Content-Security-Policy, console errors and requests to other origins;
 *  - reduced motion: nothing moves without input.
 * Links, hostile URL state and the page without JavaScript run in links, url-state and nojs.
 * `npm run audit` runs the same passes outside Playwright and prints them as one table.
 */
import { expect, test } from '@playwright/test';
import type { Finding } from '../../scripts/audit/config.ts';
import { cachedFetcher } from '../../scripts/audit/links.ts';
import { mainPass, motionPass, newContext, type Target } from '../../scripts/audit/passes.ts';
import { auditPages } from '../../scripts/audit/site.ts';
import { BASE, ORIGIN } from '../support/env.ts';
import { site } from '../support/site.ts';

const target: Target = { origin: ORIGIN, base: BASE, siteOrigin: site().siteOrigin, fetch: cachedFetcher() };
const messages = (findings: readonly Finding[]): string[] => findings.map((f) => `[${f.gate}] ${f.message}`);

// The longest tests first (chapters, most widgets first), so that the workers finish together.
const widgetCount = (path: string): number => site().widgets.filter((w) => w.page.path === path).length;
const pages = auditPages().sort((a, b) => widgetCount(b.path) - widgetCount(a.path));

// Each page's reduced-motion test comes right after its main pass: the motion tests mostly wait (half a second between two
// snapshots of each widget), and declared all together they ran side by side, with the two cores partly idle.
for (const p of pages) {
  test(`${p.label}: weight, widgets, axe in light and dark, keyboard, CSP, console and origins`, async ({ browser }) => {
    test.setTimeout(600_000);
    const { findings, weight } = await mainPass(browser, p, target, { links: false });
    if (weight) test.info().annotations.push({ type: 'weight', description: JSON.stringify(weight) });
    expect(messages(findings), `the audit's findings on ${p.path}`).toEqual([]);
  });

  test(`${p.label}: nothing moves without input under reduced motion`, async ({ browser }) => {
    test.setTimeout(120_000);
    const context = await newContext(browser, { reducedMotion: 'reduce' });
    try {
      const { findings } = await motionPass(context, p, target);
      expect(messages(findings), `motion on ${p.path}`).toEqual([]);
    } finally {
      await context.close();
    }
  });
}
