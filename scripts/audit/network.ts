/**
 * Request logging for gates 4 (no third parties) and 9 (page weight): every request a page
 * makes, and for every response its raw and gzipped size, its kind, and whether it is
 * Observable Plot. Responses are tagged with the phase they arrived in, so "first view" can
 * be told apart from what widgets load later.
 */
import { gzipSync } from 'node:zlib';
import type { Page, Response } from '@playwright/test';
import { BUDGET, deadline, finding, LATE, type Finding } from './config.ts';

/** One response body as the audit saw it. */
export interface ResourceRecord {
  url: string;
  status: number;
  contentType: string;
  js: boolean;
  /** Body size in bytes. */
  raw: number;
  /** What it costs on the wire: gzipped size for text types, raw size otherwise. */
  transfer: number;
  /** The body is (or contains) Observable Plot. */
  plot: boolean;
  /** `phase` of the log when the response arrived. */
  phase: string;
}

/** What a page requested and received. Set `phase` to label later responses. */
export interface NetworkLog {
  requests: string[];
  resources: ResourceRecord[];
  phase: string;
  pending: Set<Promise<void>>;
  /** Requests started and not yet finished or failed. */
  inflight: number;
  /** Time (ms since the epoch) a request last started, finished or failed. */
  lastActivity: number;
  /** Responses whose body could not be read in time (see `record`): counted at their Content-Length if they had one. */
  unread: { url: string; phase: string; counted: boolean }[];
}

/** Page weight of the first view (gate 9). */
export interface Weight {
  /** Gzipped JavaScript loaded in the first view, bytes. */
  initialJs: number;
  /** Everything transferred in the first view, bytes. */
  transfer: number;
  /** URLs of Plot chunks loaded in the first view. */
  plotUrls: string[];
  /** Number of responses in the first view. */
  responses: number;
  /**
   * Everything transferred without a click: the first view plus the `scroll` phase (the page
   * scrolled through, so every widget started), bytes. Undefined when not measured.
   */
  noClick?: number;
  /** The largest responses fetched without a click, `url (KB)`, for the finding's message. */
  noClickTop?: string[];
  /** Responses without a click whose body could not be read in time and had no Content-Length: not counted. */
  uncounted?: string[];
}

/** The log phases that count as "without a click": the first view and scrolling through the page. */
export const NO_CLICK_PHASES = ['initial', 'scroll'];

/**
 * Strings found in Observable Plot's bundle and nowhere else on the site: Plot's own CSS
 * variable and one of its error messages. Content-based, so chunk renaming cannot hide Plot.
 */
export const PLOT_MARKERS = ['var(--plot-background)', 'unknown projection type'];

const TEXT_TYPE = /^(text\/|application\/(javascript|json|xml|manifest\+json|ld\+json)|image\/svg\+xml)/;

/** True for content types that a server would send gzipped. */
export function isTextType(contentType: string): boolean {
  return TEXT_TYPE.test(contentType.toLowerCase());
}

/** True when a JavaScript body contains Observable Plot. */
export function isPlot(body: string): boolean {
  return PLOT_MARKERS.every((marker) => body.includes(marker));
}

/** Size record of one response body (pure: used on fixtures by the tests). */
export function measure(url: string, status: number, contentType: string, body: Buffer, phase: string): ResourceRecord {
  const js = /javascript|ecmascript/.test(contentType) || /\.m?js(\?|$)/.test(new URL(url).pathname);
  const text = isTextType(contentType) || js;
  return {
    url,
    status,
    contentType,
    js,
    raw: body.length,
    transfer: text ? gzipSync(body).length : body.length,
    plot: js && isPlot(body.toString('utf8')),
    phase,
  };
}

/**
 * Longest the audit waits for one response body: Playwright's `response.body()` can wait for ever on a body that never
 * completes (reported for abandoned and streamed responses), and the pass waits for every body it logs.
 */
const BODY_READ_MS = 15_000;

async function record(log: NetworkLog, response: Response): Promise<void> {
  const phase = log.phase;
  const status = response.status();
  if (status >= 300 && status < 400) return; // redirects carry no body
  const body = await deadline(
    response.body().catch(() => undefined),
    BODY_READ_MS,
  );
  const type = response.headers()['content-type'] ?? '';
  if (body === LATE) {
    // Counted at the size the server announced (what crossed the wire), and named in the weight.
    const length = Number(response.headers()['content-length']);
    log.unread.push({ url: response.url(), phase, counted: Number.isFinite(length) });
    if (Number.isFinite(length)) log.resources.push({ ...measure(response.url(), status, type, Buffer.alloc(0), phase), raw: length, transfer: length });
    return;
  }
  if (!body) return;
  log.resources.push(measure(response.url(), status, type, body, phase));
}

/** Start logging a page's requests and responses (before navigating). Workers' requests count too. */
export function recordNetwork(page: Page, phase = 'initial'): NetworkLog {
  const log: NetworkLog = { requests: [], resources: [], phase, pending: new Set(), inflight: 0, lastActivity: Date.now(), unread: [] };
  const done = (): void => {
    log.inflight--;
    log.lastActivity = Date.now();
  };
  page.on('request', (request) => {
    log.requests.push(request.url());
    log.inflight++;
    log.lastActivity = Date.now();
  });
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  page.on('response', (response) => {
    const job = record(log, response).finally(() => log.pending.delete(job));
    log.pending.add(job);
  });
  return log;
}

/** Wait until every response seen so far has been measured. */
export async function settled(log: NetworkLog): Promise<void> {
  while (log.pending.size > 0) await Promise.all([...log.pending]);
}

/**
 * Wait until the page has had no request in flight for `idle` ms (at most `timeout` ms), then
 * until every response is measured. Unlike Playwright's `networkidle` load state, which is
 * reached once per navigation, this also waits for what scrolling started (widgets' chunks,
 * workers and the data they fetch).
 */
export async function quiet(log: NetworkLog, idle = 500, timeout = 15_000): Promise<void> {
  const end = Date.now() + timeout;
  while (Date.now() < end && (log.inflight > 0 || Date.now() - log.lastActivity < idle)) await new Promise((resolve) => setTimeout(resolve, 50));
  await settled(log);
}

/** Requests that left `origin` (data:, blob: and about: URLs are not network requests). */
export function offOriginRequests(requests: readonly string[], origin: string): string[] {
  return [...new Set(requests)].filter((url) => {
    if (/^(data|blob|about):/.test(url)) return false;
    try {
      return new URL(url).origin !== origin;
    } catch {
      return true;
    }
  });
}

/** Gate 4 findings for a request log. */
export function offOriginFindings(requests: readonly string[], origin: string): Finding[] {
  return offOriginRequests(requests, origin).map((url) => finding('offOrigin', `request to another origin: ${url}`));
}

/**
 * Page weight from a log: the first view is the responses in `phase`. With `scrolled` (the
 * page was scrolled through in phase `scroll`), `noClick` adds what widgets fetched as they started.
 */
export function weightOf(resources: readonly ResourceRecord[], phase = 'initial', scrolled = false, unread: NetworkLog['unread'] = []): Weight {
  const first = resources.filter((r) => r.phase === phase);
  const js = first.filter((r) => r.js);
  const weight: Weight = {
    initialJs: js.reduce((sum, r) => sum + r.transfer, 0),
    transfer: first.reduce((sum, r) => sum + r.transfer, 0),
    plotUrls: js.filter((r) => r.plot).map((r) => r.url),
    responses: first.length,
  };
  const uncounted = unread.filter((u) => !u.counted && (scrolled ? NO_CLICK_PHASES.includes(u.phase) : u.phase === phase)).map((u) => u.url);
  if (uncounted.length > 0) weight.uncounted = uncounted;
  if (!scrolled) return weight;
  const noClick = resources.filter((r) => NO_CLICK_PHASES.includes(r.phase));
  weight.noClick = noClick.reduce((sum, r) => sum + r.transfer, 0);
  weight.noClickTop = [...noClick]
    .sort((a, b) => b.transfer - a.transfer)
    .slice(0, 3)
    .map((r) => `${new URL(r.url).pathname} (${kb(r.transfer)})`);
  return weight;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** Gate 9 findings: JS before interaction, Plot in the first view, first-view and no-click transfer. */
export function weightFindings(weight: Weight, budget = BUDGET): Finding[] {
  const out: Finding[] = [];
  if (weight.initialJs > budget.initialJs) {
    out.push(finding('weight', `JavaScript before any widget is scrolled into view: ${kb(weight.initialJs)} gzipped > ${kb(budget.initialJs)}`));
  }
  for (const url of weight.plotUrls) out.push(finding('weight', `Observable Plot loaded before any widget is scrolled into view: ${url}`));
  if (weight.transfer > budget.transfer) {
    out.push(finding('weight', `transfer on first view: ${kb(weight.transfer)} > ${kb(budget.transfer)}`));
  }
  for (const url of weight.uncounted ?? [])
    out.push(finding('weight', `${url}: its body could not be read within ${BODY_READ_MS / 1000} s and it gave no Content-Length, so it is not counted`));
  if (weight.noClick !== undefined && weight.noClick > budget.noClick) {
    out.push(
      finding(
        'weight',
        `fetched without a click (first view, then scrolling through the page): ${kb(weight.noClick)} > ${kb(budget.noClick)}; largest: ${(weight.noClickTop ?? []).join(', ')}`,
      ),
    );
  }
  return out;
}
