/* The gzipped size of a minified bundle of the package, as the bench's bundle rows and `bench/size.ts` measure it. */
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** The package's entry point. */
export const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));

/** Gzipped bytes of a minified bundle that imports `names` from the package (`*`: everything). */
export async function bundleSize(names: string | readonly string[]): Promise<number> {
  const list = typeof names === 'string' ? names : names.join(', ');
  const contents = list === '*' ? `export * from ${JSON.stringify(entry)};` : `export { ${list} } from ${JSON.stringify(entry)};`;
  const out = await build({
    stdin: { contents, resolveDir: fileURLToPath(new URL('.', import.meta.url)), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    target: 'es2022',
    charset: 'utf8',
    logLevel: 'error',
  });
  return gzipSync(out.outputFiles[0]!.contents, { level: 9 }).length;
}
