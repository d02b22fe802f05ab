/**
 * The gates must be able to fail: each checker of scripts/audit/ runs against a fixture page
 * in tests/fixtures/site/ that breaks its gate on purpose, and must report it. The fixtures
 * are served under /beyond-linear/ by the same server as the audit, in the system Chromium.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scrollThrough, watchPage } from '../../support/browser.ts';
import { axeFindings } from '../../../scripts/audit/axe.ts';
import { CHROMIUM_ARGS, ROOT, TEST_CHROMIUM_PATH, WIDGET_SELECTOR, type Finding } from '../../../scripts/audit/config.ts';
import { consoleFindings, cspFindings, metaPolicyFindings, policyFindings, watchCsp } from '../../../scripts/audit/csp.ts';
import { pageFigureFindings } from '../../../scripts/audit/figures.ts';
import { embedPages, fuzzFindings } from '../../../scripts/audit/fuzz.ts';
import { embedFindings } from '../../../scripts/audit/embed.ts';
import { focusOrderFindings } from '../../../scripts/audit/keyboard.ts';
import { cachedFetcher, linkFindings } from '../../../scripts/audit/links.ts';
import { motionFindings } from '../../../scripts/audit/motion.ts';
import { offOriginFindings, quiet, recordNetwork, settled, weightFindings, weightOf } from '../../../scripts/audit/network.ts';
import { noJsFindings, visibleProse } from '../../../scripts/audit/nojs.ts';
import { serve, type Served } from '../../../scripts/audit/server.ts';
import { exerciseWidgets } from '../../../scripts/audit/widgets.ts';

const BASE = '/beyond-linear/';
let dir: string;
let server: Served;
let browser: Browser;
const contexts: BrowserContext[] = [];

/** A page of a fresh context (closed in afterAll). */
async function open(options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
  const context = await browser.newContext(options);
  contexts.push(context);
  await watchCsp(context);
  return context.newPage();
}

const url = (file: string): string => `${server.origin}${BASE}${file}`;
const messages = (findings: Finding[]): string => findings.map((f) => `[${f.gate}] ${f.message}`).join('\n');

beforeAll(async () => {
  // Copy the fixtures and add the big, incompressible payloads (not kept in the repository).
  dir = mkdtempSync(path.join(tmpdir(), 'audit-fixtures-'));
  cpSync(path.join(ROOT, 'tests/fixtures/site'), dir, { recursive: true });
  writeFileSync(path.join(dir, 'heavy.js'), `window.noise = '${randomBytes(32 * 1024).toString('base64')}';\n`);
  writeFileSync(path.join(dir, 'big.png'), randomBytes(310 * 1024));
  writeFileSync(path.join(dir, 'big.bin'), randomBytes(310 * 1024));
  server = await serve(dir, BASE);
  browser = await chromium.launch({ executablePath: TEST_CHROMIUM_PATH, args: CHROMIUM_ARGS });
}, 30_000);

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('each gate catches a deliberately broken page', { timeout: 60_000 }, () => {
  it('1 accessibility: an image without alt and low-contrast text', async () => {
    const page = await open();
    await page.goto(url('axe.html'));
    const found = messages(await axeFindings(page));
    expect(found).toMatch(/image-alt .*img/);
    expect(found).toMatch(/color-contrast .*p/);
  });

  it('2 keyboard: no skip link first, a control without focus ring, one out of the Tab order', async () => {
    const page = await open();
    await page.goto(url('keyboard.html'));
    const found = messages(await focusOrderFindings(page));
    expect(found).toMatch(/first Tab stop is .*not a skip link/);
    expect(found).toMatch(/No focus ring” shows no focus indicator/);
    expect(found).toMatch(/Not in the Tab order is not reachable with Tab/);
  });

  it('3 links: a missing page, a link without the base, a page link without "/", a dead fragment', async () => {
    const page = await open();
    await page.goto(url('links.html'));
    const found = messages(await linkFindings(page, { origin: server.origin, base: BASE, siteOrigin: server.origin, fetch: cachedFetcher() }));
    expect(found).toMatch(/no-such-page\/ answered 404/);
    expect(found).toMatch(/"\/axe.html": root-relative URL does not start with \/beyond-linear\//);
    expect(found).toMatch(/"\/beyond-linear\/sub": page link must end with "\/"/);
    expect(found).toMatch(/no element with id "nowhere"/);
  });

  it('embed pages: no lang, a title and a link back that miss, two widgets that never start, site chrome, no CSP', async () => {
    const context = await browser.newContext();
    contexts.push(context);
    const target = { origin: server.origin, base: BASE, siteOrigin: server.origin, fetch: cachedFetcher() };
    const found = messages(await embedFindings(context, `${BASE}embed/broken/`, target, { startTimeout: 500 }));
    expect(found).toContain('lang=""');
    expect(found).toMatch(/title "Some page" does not name the widget "Broken widget"/);
    expect(found).toContain('widgets on the page: [broken, other], expected exactly #broken');
    expect(found).toContain('the link back to the book is "/elsewhere/"');
    expect(found).toContain('site header, footer or navigation on an embed page');
    expect(found).toContain('no Content-Security-Policy meta element');
    expect(found).toContain('#broken did not start');
    expect(found).toContain('no visible "Copy embed code" button');
  });

  it('4 third parties: a script from another origin', async () => {
    const page = await open();
    const log = recordNetwork(page);
    await page.goto(url('off-origin.html'));
    expect(messages(offOriginFindings(log.requests, server.origin))).toContain('http://127.0.0.2:1/x.js');
  });

  it('5 CSP: an inline script the meta policy blocks, and a policy allowing unsafe-eval', async () => {
    const page = await open();
    await page.goto(url('csp.html'));
    expect(messages(await cspFindings(page))).toMatch(/script-src.* blocked inline/);
    expect(messages(await metaPolicyFindings(page))).toContain("allows 'unsafe-eval'");
    expect(messages(policyFindings("default-src 'self'; script-src 'self' 'unsafe-inline'"))).toContain("allows 'unsafe-inline'");
  });

  it('console: an uncaught exception and a console error', async () => {
    const page = await open();
    const watch = watchPage(page);
    await page.goto(url('console.html'));
    await page.waitForLoadState('load');
    const found = messages(consoleFindings(watch));
    expect(found).toContain('uncaught: Error: fixture: an uncaught exception');
    expect(found).toContain('fixture: a console error');
  });

  it('6 hostile input: a widget that shows NaN and no note, from the URL and from its slider', async () => {
    const page = await open();
    // The fixture's script throws on the malformed escape before it sets data-ready: that round is reported
    // as never starting once a second has passed (the site's widgets get 15 s; this one starts at once or never).
    const fuzzed = messages(await fuzzFindings(page, url('nan.html'), { readyTimeout: 1_000 }));
    expect(fuzzed).toMatch(/#broken with .*visible "NaN"/);
    expect(fuzzed).toMatch(/no visible \.widget-note/);
    expect(fuzzed).toMatch(/#broken with malformed escape .*: widget never set data-ready/);
    // Rounds after the first on the widget's embed page (nan.html stands in for it): the same findings, saying where.
    const onEmbed = messages(await fuzzFindings(page, url('nan.html'), { readyTimeout: 1_000, embedOf: async () => url('nan.html') }));
    expect(onEmbed).toMatch(/#broken with malformed escape \(#broken\.w=%E0%A4%A, on its embed page\): widget never set data-ready/);
    expect(onEmbed.split('\n').filter((m) => m.includes('on its embed page') && m.includes('no visible .widget-note'))).toHaveLength(10);
    // An embed page the site does not have: the chapter is loaded instead.
    const embedOf = embedPages(page, `${server.origin}${BASE}`);
    expect([await embedOf('broken'), await embedOf('no-such-widget')]).toEqual([`${server.origin}${BASE}embed/broken/`, undefined]);
    await page.goto(url('nan.html'));
    const used = messages(await exerciseWidgets(page, 300));
    expect(used).toMatch(/\[fuzz\] #broken broken-w: after ArrowRight, visible "NaN"/);
    // The same widget redraws no figure when its slider moves: the widget checks fail too.
    expect(used).toMatch(/\[widgets\] #broken broken-w: after ArrowRight the figure is not redrawn/);
  });

  it('7 reduced motion: a figure redrawn every frame and an infinite CSS animation', async () => {
    const page = await open({ reducedMotion: 'reduce' });
    await page.goto(url('motion.html'));
    const found = messages(await motionFindings(page, 300));
    expect(found).toMatch(/#moving: figure or readouts changed/);
    expect(found).toMatch(/running animation under reduced motion: spin on span/);
  });

  it('figures: text drawn at 6 px, and a heatmap without a colour legend', async () => {
    const page = await open({ viewport: { width: 390, height: 844 } });
    await page.goto(url('figures.html'));
    const found = messages(await pageFigureFindings(page, 'static'));
    expect(found).toContain('[widgets] #tiny at 390 px, static: the smallest figure text, “tick label”, is 6 px (at least 11)');
    expect(found).toContain('[widgets] #no-legend at 390 px, static: 1 heatmap(s) without a colour legend');
    expect(found, 'the readable figure passes').not.toMatch(/#clean/);
  });

  it('8 no-JS: heading, text and figure drawn only by script', async () => {
    const withJs = await open();
    await withJs.goto(url('nojs.html'));
    const proseWithJs = await withJs.evaluate(visibleProse, WIDGET_SELECTOR);
    expect(proseWithJs).toContain('Text drawn by script.');
    const page = await open({ javaScriptEnabled: false });
    await page.goto(url('nojs.html'));
    const found = messages(await noJsFindings(page, { math: true, proseWithJs }));
    expect(found).toContain('no visible <h1>');
    expect(found).toContain('visible with JavaScript but not without: "Text drawn by script."');
    expect(found).toContain('no KaTeX formulas');
    expect(found).toContain('#empty: no visible static SVG figure');
    expect(found).toContain('#empty: no <output> readouts');
  });

  it('9 page weight: over 24 KB of JavaScript with Plot in it, and over 300 KB in total', async () => {
    const measureFirstView = async (file: string): Promise<string> => {
      const page = await open();
      const log = recordNetwork(page);
      await page.goto(url(file));
      await page.waitForLoadState('networkidle');
      await settled(log);
      return messages(weightFindings(weightOf(log.resources)));
    };
    const js = await measureFirstView('heavy-js.html');
    expect(js).toMatch(/JavaScript before any widget is scrolled into view: [\d.]+ KB gzipped > 24.0 KB/);
    expect(js).toMatch(/Observable Plot loaded .*plot-like\.js/);
    expect(await measureFirstView('heavy.html')).toMatch(/transfer on first view: [\d.]+ KB > 300.0 KB/);
  });

  it('9 page weight: over 300 KB fetched without a click, by a worker once the page is scrolled through', async () => {
    const page = await open();
    const log = recordNetwork(page);
    await page.goto(url('lazy-heavy.html'));
    await quiet(log);
    log.phase = 'scroll';
    await scrollThrough(page);
    await quiet(log);
    const weight = weightOf(log.resources, 'initial', true);
    const found = messages(weightFindings(weight));
    expect(found, 'the first view alone is within its budget').not.toMatch(/transfer on first view/);
    expect(found).toMatch(/fetched without a click \(first view, then scrolling through the page\): [\d.]+ KB > 300.0 KB; largest: \/beyond-linear\/big\.bin/);
    await expect.poll(() => page.locator('#lazy output').textContent()).toBe(`${310 * 1024} bytes`);
  });

  it('a clean page passes the same checkers', async () => {
    const page = await open();
    const log = recordNetwork(page);
    await page.goto(url('index.html'));
    await settled(log);
    log.phase = 'scroll';
    await scrollThrough(page);
    await settled(log);
    const findings = [
      ...(await axeFindings(page)),
      ...(await cspFindings(page)),
      ...(await metaPolicyFindings(page)),
      ...offOriginFindings(log.requests, server.origin),
      ...weightFindings(weightOf(log.resources, 'initial', true)),
      ...(await focusOrderFindings(page)),
    ];
    expect(messages(findings)).toBe('');
  });
});
