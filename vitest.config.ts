import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: {
    alias: { '~': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/gates/**/*.test.ts'],
    environment: 'node',
    // Test files share one module graph per worker instead of re-importing everything per file: half the unit step's
    // time on two cores (the tests stub globals with vi.stubGlobal and undo it, and keep no module state between files).
    isolate: false,
  },
});
