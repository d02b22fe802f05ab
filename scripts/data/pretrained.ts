/**
 * Copy the committed pretrained files (`scripts/data/pretrained/`, written by `npm run data:pretrain`) that the site
 * serves into `public/data/`, with their manifest, after checking each file's sha256 against the manifest.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PretrainedManifest } from '../../src/widgets/_shared/data/manifest.ts';
import { sha256 } from './encode.ts';

export const PRETRAINED_DIR = fileURLToPath(new URL('./pretrained/', import.meta.url));
export const PRETRAINED_MANIFEST = 'moby-dick-window.json';

/** Copies the served files into `outDir` (`public/data/`); returns the paths copied. Throws when a committed file does not match its manifest. */
export function copyPretrained(outDir: string, from = PRETRAINED_DIR): string[] {
  const text = readFileSync(path.join(from, PRETRAINED_MANIFEST), 'utf8');
  const m = JSON.parse(text) as PretrainedManifest;
  mkdirSync(outDir, { recursive: true });
  const copied: string[] = [];
  for (const file of Object.values(m.files)) {
    const bytes = readFileSync(path.join(from, path.basename(file.path)));
    if (sha256(bytes) !== file.sha256) throw new Error(`${file.path}: the committed file does not match its manifest's sha256; run npm run data:pretrain`);
    const target = path.join(outDir, path.basename(file.path));
    if (!existsSync(target) || sha256(readFileSync(target)) !== file.sha256) writeFileSync(target, bytes);
    copied.push(file.path);
  }
  writeFileSync(path.join(outDir, PRETRAINED_MANIFEST), text);
  return copied;
}
