/**
 * Serves a directory under a base path on a free localhost port, by running the end-to-end
 * tests' static server (tests/support/serve.mjs) as a child process.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { ROOT } from './config.ts';

/** A running server: its origin (`http://127.0.0.1:<port>`) and a way to stop it. */
export interface Served {
  origin: string;
  stop: () => Promise<void>;
}

/** Ask the OS for a free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Serve `dir` under `base` (e.g. `/beyond-linear/`) with tests/support/serve.mjs.
 * Resolves once the server has said it is listening; rejects if it exits first.
 */
export async function serve(dir: string, base: string): Promise<Served> {
  const port = await freePort();
  const script = path.join(ROOT, 'tests/support/serve.mjs');
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, PORT: String(port), BASE_PATH: base, DIST_DIR: dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Never outlive the audit, even when it crashes.
  const reap = (): void => void child.kill('SIGTERM');
  process.once('exit', reap);
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Serving')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}: ${errors.trim()}`)));
  });
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      process.off('exit', reap);
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { origin: `http://127.0.0.1:${port}`, stop };
}
