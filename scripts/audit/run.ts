/**
 * `npm run audit` (and `npm run weight` with `--weight`): every page of the built site,
 * served under the base path, through the quality gates of issue 4. Prints a per-page table,
 * the findings and a one-line summary; exits 1 when any gate fails, 2 when it cannot run.
 *
 *   BASE_PATH=/beyond-linear/ npx astro build && node scripts/audit/run.ts [--weight] [--only=<label>]
 */
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { site } from '../../tests/support/site.ts';
import { BASE, CHROMIUM_ARGS, DIST, TEST_CHROMIUM_PATH } from './config.ts';
import { cachedFetcher } from './links.ts';
import { fuzzPass, mainPass, newContext, noJsPass, type PassResult, type Target } from './passes.ts';
import { details, summary, table, type PageResult } from './report.ts';
import { serve } from './server.ts';
import { auditPages, distProblem, embedAuditPages, type AuditPage } from './site.ts';
import { embedFindings } from './embed.ts';
import { watchCsp } from './csp.ts';
import { weightTable } from './weight.ts';

const weightOnly = process.argv.includes('--weight');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const CONCURRENCY = Number(process.env['AUDIT_CONCURRENCY'] ?? 2);

interface Task {
  name: string;
  page: AuditPage;
  run: () => Promise<PassResult>;
}

/** Run tasks `limit` at a time, keeping results in task order. */
async function pool<T>(jobs: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return results;
}

function tasksFor(all: AuditPage[], browser: Browser, contexts: Record<'fuzz' | 'nojs' | 'embed', BrowserContext>, target: Target): Task[] {
  const pages = all.filter((p) => !p.embed);
  const tasks: Task[] = pages.map((page) => ({ name: 'main', page, run: () => mainPass(browser, page, target, { weightOnly }) }));
  if (weightOnly) return tasks;
  for (const page of all.filter((p) => p.embed)) {
    tasks.push({ name: 'embed', page, run: async () => ({ findings: await embedFindings(contexts.embed, page.path, target, { axe: true }) }) });
  }
  for (const page of pages) {
    tasks.push({ name: 'url-state', page, run: () => fuzzPass(contexts.fuzz, page, target) });
    tasks.push({ name: 'no-js', page, run: () => noJsPass(contexts.nojs, contexts.fuzz, page, target) });
  }
  // Longest first: the main and URL-state passes over pages with widgets.
  return tasks.sort((a, b) => Number(b.name === 'main') - Number(a.name === 'main'));
}

async function timed(task: Task): Promise<PassResult & { ms: number }> {
  const start = Date.now();
  let result: PassResult;
  try {
    result = await task.run();
  } catch (error) {
    const message = `audit pass crashed: ${String(error instanceof Error ? (error.stack ?? error.message) : error)
      .split('\n')
      .slice(0, 3)
      .join(' ')}`;
    result = { findings: [{ gate: 'console', message }] };
  }
  const ms = Date.now() - start;
  console.error(`  ${task.page.label} ${task.name}: ${(ms / 1000).toFixed(1)} s, ${result.findings.length} findings`);
  return { ...result, ms };
}

async function audit(pages: AuditPage[], target: Target): Promise<PageResult[]> {
  const browser = await chromium.launch({ executablePath: TEST_CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const contexts = {
      fuzz: await newContext(browser),
      nojs: await newContext(browser, { javaScriptEnabled: false }),
      embed: await newContext(browser),
    };
    await watchCsp(contexts.embed);
    const tasks = tasksFor(pages, browser, contexts, target);
    const done = await pool(
      tasks.map((t) => () => timed(t)),
      CONCURRENCY,
    );
    return pages.map((page) => {
      const mine = done.filter((_, i) => tasks[i]!.page === page);
      const weight = mine.find((r) => r.weight)?.weight;
      return {
        label: page.label,
        url: `${target.origin}${page.path}`,
        findings: mine.flatMap((r) => r.findings),
        weight,
        ms: mine.reduce((s, r) => s + r.ms, 0),
      };
    });
  } finally {
    await browser.close();
  }
}

async function main(): Promise<number> {
  const problem = distProblem();
  if (problem) {
    console.error(`audit: ${problem}`);
    return 2;
  }
  const started = Date.now();
  let pages: AuditPage[];
  try {
    pages = [...auditPages(), ...(weightOnly ? [] : embedAuditPages())].filter((p) => !only || p.label === only);
  } catch (error) {
    console.error(`audit: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const server = await serve(DIST, BASE);
  try {
    const target: Target = { origin: server.origin, base: BASE, siteOrigin: site().siteOrigin, fetch: cachedFetcher() };
    console.log(`audit: ${pages.length} pages of ${DIST}, served at ${server.origin}${BASE}${weightOnly ? ' (page weight only)' : ''}\n`);
    const results = await audit(pages, target);
    const seconds = (Date.now() - started) / 1000;
    if (weightOnly) {
      console.log(weightTable(results));
      const over = results.filter((r) => r.findings.some((f) => f.gate === 'weight'));
      console.log(`\nweight: ${over.length === 0 ? 'PASS' : `FAIL — over budget: ${over.map((r) => r.label).join(', ')}`} (${seconds.toFixed(0)} s)`);
      return over.length === 0 ? 0 : 1;
    }
    console.log(table(results));
    console.log(details(results));
    console.log(`\n${summary(results, seconds)}`);
    return results.some((r) => r.findings.length > 0) ? 1 : 0;
  } finally {
    await server.stop();
  }
}

process.exitCode = await main();
