import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: {
    alias: { '~': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/gates/**/*.test.ts'],
    environment: 'node',
  },
});
