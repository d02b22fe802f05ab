import { defineConfig } from '@playwright/test';
import { BASE, CHROMIUM_ARGS, HOME, PORT, TEST_CHROMIUM_PATH } from './tests/support/env.ts';

/**
 * End-to-end tests against the built site (build first: `BASE_PATH=/beyond-linear/ npx astro build`).
 * Uses the system Chromium's headless shell, or the full Chromium where it is not installed (TEST_CHROMIUM_PATH in
 * tests/support/env.ts); see tests/e2e/README.md.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/support/global-setup.ts',
  outputDir: 'test-results',
  fullyParallel: true,
  forbidOnly: !!process.env['CI'],
  // Three at a time on two cores: the suite is CPU-bound, but a test also waits (smooth scrolls, frames, the server).
  // The whole suite on a quiet 2-core machine: 2 workers 409 s, 3 workers 365 s, 4 workers 406 s (no idle CPU left).
  workers: 3,
  retries: process.env['CI'] ? 1 : 0,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    browserName: 'chromium',
    baseURL: HOME,
    launchOptions: { executablePath: TEST_CHROMIUM_PATH, args: CHROMIUM_ARGS },
    viewport: { width: 1280, height: 800 },
    serviceWorkers: 'block',
    // Tracing snapshots the DOM on every action, which costs ~10× on widget-heavy pages: only
    // record it when CI retries a failed test.
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: 'node tests/support/serve.mjs',
    url: HOME,
    env: { PORT: String(PORT), BASE_PATH: BASE },
    reuseExistingServer: !process.env['CI'],
    timeout: 15_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
