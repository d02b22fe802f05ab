/**
 * Settings shared by playwright.config.ts, the global setup and the specs.
 * Everything can be overridden from the environment; the defaults match the deployed site.
 */
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

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
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
