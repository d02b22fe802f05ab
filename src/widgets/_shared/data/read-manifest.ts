/**
 * Read a data manifest at build time (server only: pages and widget frontmatter). The manifests
 * are written by `scripts/data/build.ts`, which `npm run build` and `npm start` run before Astro.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CorpusManifest, MnistManifest, PretrainedManifest } from './manifest';

type Manifests = { mnist: MnistManifest; 'moby-dick': CorpusManifest; 'moby-dick-window': PretrainedManifest };

export function readManifest<K extends keyof Manifests>(id: K): Manifests[K] {
  const file = path.join(process.cwd(), 'public', 'data', `${id}.json`);
  if (!existsSync(file))
    throw new Error(`${file} is missing: build the book's data first with \`node scripts/data/build.ts\` (npm run build and npm start do this).`);
  const m = JSON.parse(readFileSync(file, 'utf8')) as Manifests[K];
  if (m.id !== id) throw new Error(`${file} describes "${String(m.id)}", not "${id}": rebuild it with \`node scripts/data/build.ts --force\`.`);
  return m;
}
