import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PretrainedManifest } from '../../src/widgets/_shared/data/manifest.ts';
import { sha256 } from './encode.ts';
import { copyPretrained, PRETRAINED_DIR, PRETRAINED_MANIFEST } from './pretrained.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'pretrained-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('copying the pretrained files into the site', () => {
  it('copies the served files and the manifest, each matching its sha256, and leaves the whole model out', () => {
    const out = path.join(tmp, 'data');
    const m = JSON.parse(readFileSync(path.join(PRETRAINED_DIR, PRETRAINED_MANIFEST), 'utf8')) as PretrainedManifest;
    expect(copyPretrained(out)).toEqual([m.files.embeddings.path, m.files.words.path]);
    for (const f of Object.values(m.files)) expect(sha256(readFileSync(path.join(out, path.basename(f.path))))).toBe(f.sha256);
    expect(existsSync(path.join(out, PRETRAINED_MANIFEST))).toBe(true);
    expect(existsSync(path.join(out, path.basename(m.weights.path)))).toBe(false);
  });

  it('refuses a committed file that does not match its manifest', () => {
    const from = path.join(tmp, 'tampered');
    cpSync(PRETRAINED_DIR, from, { recursive: true });
    const m = JSON.parse(readFileSync(path.join(from, PRETRAINED_MANIFEST), 'utf8')) as PretrainedManifest;
    const file = path.join(from, path.basename(m.files.words.path));
    const bytes = readFileSync(file);
    bytes[bytes.length - 1] = bytes.at(-1)! ^ 1;
    writeFileSync(file, bytes);
    expect(() => copyPretrained(path.join(tmp, 'out2'), from)).toThrow(/does not match its manifest's sha256; run npm run data:pretrain/);
  });
});
