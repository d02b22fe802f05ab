/**
 * npm run measure:controls [-- scramble|control|scramble-seeds] — the numbers chapter 5 quotes from the scrambled-pixels
 * and control-task widgets, computed by the widgets' own runs (`src/widgets/{scrambled-pixels,control-task}/measure.ts`)
 * in Node, and printed as JSON to paste into their `measured.ts`. Seed 1, the widgets' default runs (scramble: about
 * 11 s of CPU; control: minutes). `scramble-seeds`: the three networks of the scrambled-pixels run for seeds 1–5 (π and
 * the networks' seed), to see that the lookup network's recovery is no accident of seed 1.
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
if (which === 'scramble-seeds') {
  for (let seed = 1; seed <= 5; seed++) {
    const r = m.measureScramble(digits, seed, 'middle');
    const nets = Object.entries(r.nets).map(([name, n]) => `${name} ${n.test.toFixed(3)} (train ${n.train.toFixed(3)})`);
    console.log(`seed ${seed}: ${nets.join(', ')}, table r ${r.tableR?.toFixed(3)}`);
  }
}
if (which === 'all' || which === 'control') console.log('control:', JSON.stringify(m.measureControl(digits, 1)));
console.log(`${((performance.now() - t0) / 1000).toFixed(0)} s`);
