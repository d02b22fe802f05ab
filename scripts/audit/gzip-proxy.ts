/**
 * A gzip-compressing reverse proxy in front of the test server, for Lighthouse: GitHub Pages
 * serves text gzipped, so measuring uncompressed HTML would charge readers for bytes they
 * never download (a chapter's HTML is ~900 KB raw, ~70 KB gzipped).
 */
import { createServer, request } from 'node:http';
import { createGzip } from 'node:zlib';
import { isTextType } from './network.ts';
import { freePort, type Served } from './server.ts';

/** Serve `upstream` (an origin) again on a free port, gzipping text responses when asked to. */
export async function gzipProxy(upstream: string): Promise<Served> {
  const port = await freePort();
  const target = new URL(upstream);
  const server = createServer((req, res) => {
    const forward = request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (up) => {
      const type = String(up.headers['content-type'] ?? '');
      const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && isTextType(type) && req.method === 'GET' && (up.statusCode ?? 0) !== 304;
      const headers = { ...up.headers, vary: 'Accept-Encoding' };
      if (gzip) {
        delete headers['content-length'];
        res.writeHead(up.statusCode ?? 502, { ...headers, 'content-encoding': 'gzip' });
        up.pipe(createGzip()).pipe(res);
      } else {
        res.writeHead(up.statusCode ?? 502, headers);
        up.pipe(res);
      }
    });
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return { origin: `http://127.0.0.1:${port}`, stop };
}
