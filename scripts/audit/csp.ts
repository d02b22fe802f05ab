/**
 * Gate 5 (Content-Security-Policy) and console errors: an init script records every
 * `securitypolicyviolation` event; the page's meta CSP is checked for forbidden sources.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { finding, type Finding } from './config.ts';

interface Violation {
  directive: string;
  blocked: string;
  source: string;
  line: number;
  sample: string;
}

declare global {
  interface Window {
    __auditCsp?: Violation[];
  }
}

/** Runs in every document before its own scripts: collect CSP violation events. */
function collectViolations(): void {
  window.__auditCsp = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__auditCsp?.push({ directive: e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber, sample: e.sample });
  });
}

/** Install the violation collector in a context (before any page is opened). */
export async function watchCsp(context: BrowserContext): Promise<void> {
  await context.addInitScript(collectViolations);
}

/** CSP violations the page has reported so far, as findings. */
export async function cspFindings(page: Page): Promise<Finding[]> {
  const violations = await page.evaluate(() => window.__auditCsp ?? []).catch(() => [] as Violation[]);
  return violations.map((v) =>
    finding(
      'csp',
      `${v.directive} blocked ${v.blocked || 'inline'}${v.source ? ` in ${v.source}:${v.line}` : ''}${v.sample ? ` (“${v.sample.slice(0, 60)}”)` : ''}`,
    ),
  );
}

/** Check a CSP string: script-src without unsafe-inline/unsafe-eval, and object-src 'none'. */
export function policyFindings(policy: string | undefined): Finding[] {
  if (!policy) return [finding('csp', 'no Content-Security-Policy meta element')];
  const directives = new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map((parts) => [parts[0]!.toLowerCase(), parts.slice(1)] as const),
  );
  const out: Finding[] = [];
  const scripts = directives.get('script-src') ?? directives.get('default-src') ?? [];
  if (scripts.length === 0) out.push(finding('csp', 'CSP has neither script-src nor default-src'));
  for (const bad of ["'unsafe-inline'", "'unsafe-eval'"]) {
    if (scripts.includes(bad)) out.push(finding('csp', `CSP script-src allows ${bad}`));
  }
  if ((directives.get('style-src') ?? directives.get('style-src-elem') ?? []).includes("'unsafe-inline'")) {
    out.push(finding('csp', "CSP allows 'unsafe-inline' style elements (only style-src-attr may)"));
  }
  return out;
}

/** The page's meta CSP, checked with `policyFindings`. */
export async function metaPolicyFindings(page: Page): Promise<Finding[]> {
  const policy = await page
    .locator('meta[http-equiv="content-security-policy" i]')
    .first()
    .getAttribute('content', { timeout: 10_000 }) // the print page, 95 000 elements, can take seconds
    .catch(() => undefined);
  return policyFindings(policy ?? undefined);
}

/** Uncaught exceptions and console errors recorded by tests/support/browser.ts's `watchPage`. */
export function consoleFindings(watch: { consoleErrors: string[]; pageErrors: string[] }): Finding[] {
  return [
    ...watch.pageErrors.map((e) => finding('console', `uncaught: ${e.split('\n')[0]}`)),
    ...watch.consoleErrors.map((e) => finding('console', `console error: ${e.slice(0, 200)}`)),
  ];
}
