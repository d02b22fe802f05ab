import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import * as T from './index.ts';

/* The README's training loop is run here exactly as printed: only its import line is replaced by the package itself. */
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const block = /```ts\nimport \{([^}]*)\} from '@beyond-linear\/tensor';\n([\s\S]*?)```/.exec(readme);

it('the README training loop is at most ten lines, runs as printed and learns XOR', () => {
  expect(block).not.toBeNull();
  const [, imports = '', body = ''] = block ?? [];
  expect(body.trim().split('\n').length + 1).toBeLessThanOrEqual(10);
  const names = imports.split(',').map((s) => s.trim());
  const api = T as unknown as Record<string, unknown>;
  names.forEach((n) => expect(typeof api[n], `${n} is a function the package exports`).toBe('function'));
  const printed: unknown[] = [];
  const run = new Function('console', ...names, body) as (...args: unknown[]) => void;
  run({ log: (v: unknown) => printed.push(v) }, ...names.map((n) => api[n]));
  const out = (printed[0] as number[][]).map((row) => row[0] ?? NaN);
  [0, 1, 1, 0].forEach((want, i) => expect(Math.abs((out[i] ?? NaN) - want)).toBeLessThan(0.05));
});
