/**
 * Settings shared by playwright.config.ts, the global setup and the specs.
 * Everything can be overridden from the environment; the defaults match the deployed site.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function normaliseBase(raw: string): string {
  const trimmed = raw.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** Repository root (where package.json and dist/ live). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The built site. */
export const DIST = path.resolve(process.env['DIST_DIR'] ?? path.join(ROOT, 'dist'));
/** Base path the site was built with and is served under, e.g. `/beyond-linear/`. */
export const BASE = normaliseBase(process.env['BASE_PATH'] ?? '/beyond-linear/');
export const PORT = Number(process.env['PORT'] ?? 4322);
/** Origin of the local test server; the only origin pages may talk to. */
export const ORIGIN = `http://127.0.0.1:${PORT}`;
/** The site's home (contents page) on the test server. */
export const HOME = `${ORIGIN}${BASE}`;

/** The full Chromium, a reader's browser: what the benchmarks, frame timings and Lighthouse run in. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
/**
 * What the tests and the audit run in: Chromium's headless shell where it is installed (Debian's
 * `chromium-headless-shell`: the same engine and version as `chromium`, without the browser around it,
 * and what Playwright itself runs headless tests in), else the full Chromium. On two cores the
 * end-to-end tests take about half as long in the shell (25 tests: 80–107 s → 47–49 s).
 */
export const TEST_CHROMIUM_PATH = process.env['TEST_CHROMIUM_PATH'] ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : CHROMIUM_PATH);
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const BUILD_HINT = `Build the site first: BASE_PATH=${BASE} npx astro build`;
