import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: {
    alias: { '~': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/gates/**/*.test.ts'],
    environment: 'node',
    // The tensor package loads in Node as it is (Node 24 strips its types) instead of through Vite's module runner, whose
    // imported bindings are getters on a module object: in the kernels' hot loops that made every test that trains or
    // clusters three to four times slower (k-means on 2,500 digits: 6.9 s of CPU, 1.8 s in Node). Test files and the
    // tfjs comparison helper (extensionless tfjs imports) stay with Vite.
    server: { deps: { external: [/packages\/tensor\/src\/(?!tfjs)[\w-]+(?<!\.test)\.ts$/] } },
    // Test files share one module graph per worker instead of re-importing everything per file: half the unit step's
    // time on two cores (the tests stub globals with vi.stubGlobal and undo it, and keep no module state between files).
    isolate: false,
    // Unit tests assert values, not speed (speed targets live in the benchmarks). Under `npm test` they share two cores
    // with the build, the end-to-end tests' browsers and the other checks, so a test's budget is generous: a kernel
    // test that takes 3 s alone must not fail because the machine is busy.
    testTimeout: 60_000,
  },
});
