/* Where the whole-package bundle's bytes go: for each line of `src/index.ts`, the gzipped bundle of every export minus
   the bundle without that line's exports (what those exports alone cost; code they share with others counts only once,
   in the shared core). Run with `node bench/size.ts` (Node 24) from packages/tensor. */
import { readFileSync } from 'node:fs';
import { bundleSize as gz, entry } from './bundle.ts';

const lines = [...readFileSync(entry, 'utf8').matchAll(/^export \{([^}]*)\} from '\.\/([\w-]+)\.ts';/gm)].map((m) => ({
  module: m[2]!,
  names: m[1]!.split(',').map((s) => s.trim()),
}));
const all = lines.flatMap((l) => l.names);
const whole = await gz(all);
let own = 0;
for (const { module, names } of lines) {
  const bytes = whole - (await gz(all.filter((n) => !names.includes(n))));
  own += bytes;
  console.log(`${module.padEnd(16)} ${String(bytes).padStart(5)} B  ${names.join(', ')}`);
}
console.log(`${'shared core'.padEnd(16)} ${String(whole - own).padStart(5)} B  (the tape, kernels and ops every module above uses)`);
console.log(`${'whole package'.padEnd(16)} ${String(whole).padStart(5)} B  = ${(whole / 1024).toFixed(2)} KB`);
