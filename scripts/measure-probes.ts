/**
 * npm run measure:probes — the numbers chapter 5 quotes about the MNIST layer probes, from the widget's own run
 * (`src/widgets/layer-probes/measure.ts`) in Node: for seeds 1–5 (or `--seeds=1,2`) with the default settings, the
 * network's final test accuracy; for seed 1, every checkpoint's network and per-layer probe accuracies (what
 * `measured.ts` records); and the wall-clock time of training and of each probe sweep. Prints a table and the
 * JSON. Exits non-zero when the accuracy targets of issue 12 are missed (mean ≥ 95 % over the seeds, ≥ 94 % each).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { nodeDigits } from '../src/widgets/_shared/mnist-net/node.ts';
import type { measureSeed, SeedMeasure } from '../src/widgets/layer-probes/measure.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(ROOT, 'node_modules', '.cache', 'measure-probes', 'entry.mjs');
mkdirSync(path.dirname(out), { recursive: true });
// The site's modules import without file extensions (as Vite allows), so bundle them first; packages stay external.
await build({
  stdin: {
    contents: `export { nodeDigits } from './src/widgets/_shared/mnist-net/node.ts'; export { measureSeed } from './src/widgets/layer-probes/measure.ts';`,
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
const m = (await import(pathToFileURL(out).href)) as { nodeDigits: typeof nodeDigits; measureSeed: typeof measureSeed };

const seeds = (process.argv.find((a) => a.startsWith('--seeds='))?.slice(8) ?? '1,2,3,4,5').split(',').map(Number);
const digits = m.nodeDigits();
const results: SeedMeasure[] = [];
const pct = (x: number): string => (100 * x).toFixed(2);
for (const seed of seeds) {
  // Seed 1 probes at every checkpoint; the others only train (sweeps never change the training run).
  const r = m.measureSeed(digits, seed, seed === 1 ? undefined : []);
  results.push(r);
  const sweeps = r.sweepMs.map((ms) => (ms / 1000).toFixed(1)).join(', ');
  console.log(
    `seed ${seed} ${r.architecture}: test ${pct(r.netAccuracy)} %, training ${(r.trainMs / 1000).toFixed(1)} s${sweeps ? `, sweeps ${sweeps} s` : ''}` +
      (r.to95Ms === null ? '' : `, 95 % after ${(r.to95Ms / 1000).toFixed(1)} s`),
  );
  for (const c of r.checkpoints) console.log(`  epoch ${c.epoch}: network ${pct(c.netAccuracy)} %, probes ${c.probes.map(pct).join(' → ')}`);
}
const accs = results.map((r) => r.netAccuracy);
const mean = accs.reduce((a, b) => a + b, 0) / accs.length;
const min = Math.min(...accs);
console.log(`mean ${pct(mean)} % (target ≥ 95), lowest ${pct(min)} % (target ≥ 94) over seeds ${seeds.join(', ')}`);
console.log(JSON.stringify({ seeds, accuracies: accs, mean, min, seed1: results.find((r) => r.seed === 1) ?? null }));
if (mean < 0.95 || min < 0.94) process.exitCode = 1;
