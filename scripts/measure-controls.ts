/**
 * npm run measure:controls [-- scramble|control] — the numbers chapter 5 quotes from the scrambled-pixels and
 * control-task widgets, computed by the widgets' own runs (`src/widgets/{scrambled-pixels,control-task}/measure.ts`)
 * in Node, and printed as JSON to paste into their `measured.ts`. Seed 1, the widgets' default runs (minutes each on this machine).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type * as Scramble from '../src/widgets/scrambled-pixels/measure.ts';
import type * as Control from '../src/widgets/control-task/measure.ts';
import type * as Node from '../src/widgets/_shared/mnist-net/node.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(ROOT, 'node_modules', '.cache', 'measure-controls', 'entry.mjs');
mkdirSync(path.dirname(out), { recursive: true });
// The site's modules import without file extensions (as Vite allows), so bundle them first; packages stay external.
await build({
  stdin: {
    contents: [
      `export { nodeDigits } from './src/widgets/_shared/mnist-net/node.ts';`,
      `export { measureScramble, measureProbes } from './src/widgets/scrambled-pixels/measure.ts';`,
      `export { measureControl } from './src/widgets/control-task/measure.ts';`,
    ].join('\n'),
    resolveDir: ROOT,
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'node',
  packages: 'external',
  outfile: out,
  logLevel: 'error',
});
const m = (await import(pathToFileURL(out).href)) as typeof Scramble & typeof Control & typeof Node;

const which = process.argv[2] ?? 'all';
const digits = m.nodeDigits();
const t0 = performance.now();
if (which === 'all' || which === 'scramble') {
  console.log('scramble (blank to the middle):', JSON.stringify(m.measureScramble(digits, 1, 'middle')));
  console.log('probes only, blank where the shuffle puts it:', JSON.stringify(m.measureProbes(digits, 1, 'random')));
}
if (which === 'all' || which === 'control') console.log('control:', JSON.stringify(m.measureControl(digits, 1)));
console.log(`${((performance.now() - t0) / 1000).toFixed(0)} s`);
