#!/usr/bin/env node
// A tiny, dependency-free static server for the built site, used by the end-to-end tests.
//
//   PORT=4322 BASE_PATH=/beyond-linear/ node tests/support/serve.mjs
//
// It serves `dist/` (or DIST_DIR) mounted under BASE_PATH, the way GitHub Pages serves a
// project site: `/beyond-linear/x/` → dist/x/index.html, `/beyond-linear/x` → 301 to `x/`
// when that directory exists, and everything missing or outside the base → 404 with
// dist/404.html. It never serves a file outside dist (resolved paths and symlink targets
// are both checked).

import { createServer } from 'node:http';
import { createReadStream, existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HOST = '127.0.0.1';
const PORT = Number(process.env.PORT ?? 4322);
const BASE = normaliseBase(process.env.BASE_PATH ?? '/beyond-linear/');
const DIST = path.resolve(process.env.DIST_DIR ?? fileURLToPath(new URL('../../dist/', import.meta.url)));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.xml': 'application/xml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.txt': 'text/plain; charset=utf-8',
};

/** @param {string} raw */
function normaliseBase(raw) {
  const trimmed = raw.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** True when `p` is DIST itself or lies inside it. @param {string} root @param {string} p */
function inside(root, p) {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Resolve a request path to a file in DIST.
 * @param {string} pathname decoded URL path
 * @returns {Promise<{ kind: 'file', file: string } | { kind: 'redirect', location: string } | { kind: 'missing' }>}
 */
async function resolve(pathname) {
  if (!pathname.startsWith(BASE)) {
    // `/beyond-linear` (no slash) is the site root without its slash: redirect like Pages does.
    return pathname === BASE.slice(0, -1) && BASE !== '/' ? { kind: 'redirect', location: BASE } : { kind: 'missing' };
  }
  const rel = pathname.slice(BASE.length);
  if (rel.includes('\0')) return { kind: 'missing' };
  const target = path.resolve(DIST, `.${path.posix.sep}${rel}`);
  if (!inside(DIST, target)) return { kind: 'missing' };

  let real;
  let stat;
  try {
    real = await fs.realpath(target);
    stat = await fs.stat(real);
  } catch {
    return { kind: 'missing' };
  }
  if (!inside(REAL_DIST, real)) return { kind: 'missing' };

  if (stat.isDirectory()) {
    if (!pathname.endsWith('/')) return { kind: 'redirect', location: `${pathname}/` };
    const index = path.join(real, 'index.html');
    try {
      const indexReal = await fs.realpath(index);
      if (inside(REAL_DIST, indexReal) && (await fs.stat(indexReal)).isFile()) return { kind: 'file', file: indexReal };
    } catch {
      /* no index.html */
    }
    return { kind: 'missing' };
  }
  // `x/index.html/` or `file.css/` is not a file.
  if (!stat.isFile() || pathname.endsWith('/')) return { kind: 'missing' };
  return { kind: 'file', file: real };
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} file
 */
async function sendFile(req, res, status, file) {
  const type = TYPES[/** @type {keyof typeof TYPES} */ (path.extname(file).toLowerCase())] ?? 'application/octet-stream';
  const { size, mtimeMs } = await fs.stat(file);
  const etag = `"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}"`;
  const headers = {
    'Content-Type': type,
    // Astro's hashed assets never change; everything else is revalidated (cheaply, by ETag).
    'Cache-Control': status === 200 && path.relative(REAL_DIST, file).startsWith(`_astro${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
    ETag: etag,
    'X-Content-Type-Options': 'nosniff',
  };
  if (status === 200 && req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    return void res.end();
  }
  res.writeHead(status, { ...headers, 'Content-Length': size });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
async function notFound(req, res) {
  const page = path.join(REAL_DIST, '404.html');
  if (existsSync(page)) return sendFile(req, res, 404, page);
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(req.method === 'HEAD' ? undefined : 'Not found\n');
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} message
 * @param {Record<string, string>} [headers]
 */
function plain(res, status, message, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  res.end(`${message}\n`);
}

if (!existsSync(path.join(DIST, 'index.html'))) {
  console.error(`serve.mjs: no built site at ${DIST} (index.html missing).\n` + `Build it first: BASE_PATH=${BASE} npx astro build`);
  process.exit(1);
}
const REAL_DIST = await fs.realpath(DIST);

const server = createServer(async (req, res) => {
  try {
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      return plain(res, 400, 'Bad request');
    }
    const found = await resolve(pathname);
    if (found.kind === 'redirect') {
      const query = (req.url ?? '').includes('?') ? (req.url ?? '').slice((req.url ?? '').indexOf('?')) : '';
      res.writeHead(301, { Location: encodeURI(found.location) + query, 'Content-Length': 0 });
      return void res.end();
    }
    if (found.kind === 'missing') return await notFound(req, res);
    return await sendFile(req, res, 200, found.file);
  } catch (error) {
    console.error(error);
    if (!res.headersSent) plain(res, 500, 'Internal server error');
    else res.destroy();
  }
});

server.listen(PORT, HOST, () => {
  console.log(`Serving ${DIST} at http://${HOST}:${PORT}${BASE}`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections?.();
  });
}
