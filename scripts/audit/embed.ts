/**
 * The embed pages (`<base>embed/<id>/`, one widget each, for an iframe). Their widget is the
 * chapter's own, which the main pass exercises in full on its chapter (every control, axe in both
 * schemes, the Tab order), and their frame is the same on every embed page, so one cheap pass
 * checks what an embed page can break: HTTP status, `lang`, a title naming the widget, the CSP
 * meta, JavaScript before a touch, exactly one widget with the page's id, that it starts and
 * shows no NaN, the link back to its chapter, no site chrome, CSP violations, console errors and
 * other origins; axe when asked (tests/e2e/embed.spec.ts asks on one page per chapter).
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { brokenValues, byId, scrollUntilReady, watchPage } from '../../tests/support/browser.ts';
import { AXE_TAGS, WIDGET_SELECTOR, finding, type Finding } from './config.ts';
import { consoleFindings, cspFindings, policyFindings } from './csp.ts';
import { offOriginFindings, recordNetwork, settled, weightFindings, weightOf } from './network.ts';
import type { Target } from './passes.ts';

/** The widget id an embed page is for: `/beyond-linear/embed/xor-fit/` → `xor-fit`. */
export function embedId(path: string, base: string): string {
  return decodeURIComponent(path.slice(`${base}embed/`.length).replace(/\/$/, ''));
}

/** What the page shows, read in the browser. */
interface EmbedFacts {
  lang: string;
  title: string;
  widgets: string[];
  widgetTitle: string;
  book: string;
  chrome: number;
  policy: string | undefined;
}

function readFacts(selector: string): EmbedFacts {
  return {
    lang: document.documentElement.lang,
    title: document.title,
    widgets: [...document.querySelectorAll(selector)].map((el) => el.id),
    widgetTitle: document.querySelector('.widget-title')?.textContent?.trim() ?? '',
    book: document.querySelector<HTMLAnchorElement>('.embed-source a')?.getAttribute('href') ?? '',
    chrome: document.querySelectorAll('header.site-header, footer.site-footer, nav').length,
    policy: document.querySelector('meta[http-equiv="content-security-policy" i]')?.getAttribute('content') ?? undefined,
  };
}

function factFindings(f: EmbedFacts, id: string, base: string): Finding[] {
  const out: Finding[] = [];
  if (f.lang !== 'en') out.push(finding('axe', `lang="${f.lang}"`));
  if (!f.widgetTitle || !f.title.startsWith(f.widgetTitle)) out.push(finding('axe', `the title "${f.title}" does not name the widget "${f.widgetTitle}"`));
  if (f.widgets.join() !== id) out.push(finding('widgets', `widgets on the page: [${f.widgets.join(', ')}], expected exactly #${id}`));
  if (!new RegExp(`^${base}[a-z0-9-]+/#${id}$`).test(f.book)) out.push(finding('links', `the link back to the book is "${f.book}"`));
  if (f.chrome > 0) out.push(finding('widgets', 'site header, footer or navigation on an embed page'));
  return [...out, ...policyFindings(f.policy)];
}

/** axe (WCAG 2.x A and AA) on the page, or on the part `include` selects, in the scheme it is in. */
export async function axeWithin(page: Page, include?: string): Promise<Finding[]> {
  const builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
  const { violations } = await (include ? builder.include(include) : builder).analyze();
  return violations.flatMap((v) =>
    v.nodes.map((n) =>
      finding('axe', `${v.id} (${v.impact ?? 'n/a'}) at ${n.target.join(' ')}: ${(n.failureSummary ?? v.help).replace(/\s+/g, ' ').slice(0, 200)}`),
    ),
  );
}

/** The embed pass over one page, in `context` (which should watch CSP violations: `watchCsp`). */
export async function embedFindings(context: BrowserContext, path: string, target: Target, { axe = false, startTimeout = 15_000 } = {}): Promise<Finding[]> {
  const id = embedId(path, target.base);
  const page = await context.newPage();
  try {
    const watch = watchPage(page);
    const log = recordNetwork(page);
    const response = await page.goto(`${target.origin}${path}`);
    const out: Finding[] = [];
    if (response?.status() !== 200) out.push(finding('links', `${path} answered ${response?.status()}`));
    await settled(log);
    out.push(
      ...weightFindings(weightOf(log.resources, 'initial', false, log.unread)),
      ...factFindings(await page.evaluate(readFacts, WIDGET_SELECTOR), id, target.base),
    );
    const root = page.locator(byId(id));
    if (!(await scrollUntilReady(root, startTimeout))) out.push(finding('widgets', `#${id} did not start (no data-ready)`));
    out.push(...(await brokenValues(root)).map((s) => finding('widgets', `#${id} shows "${s}"`)));
    if (!(await root.getByRole('button', { name: 'Copy embed code' }).isVisible())) out.push(finding('widgets', 'no visible "Copy embed code" button'));
    if (axe) out.push(...(await axeWithin(page)));
    out.push(...(await cspFindings(page)), ...offOriginFindings(log.requests, target.origin), ...consoleFindings(watch));
    return out;
  } finally {
    await page.close();
  }
}
