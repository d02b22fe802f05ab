/**
 * Fails fast, with an instruction, when the browser or the built site is missing.
 * (The web server has already started by now; it refuses to start without dist/.)
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { BUILD_HINT, DIST, TEST_CHROMIUM_PATH } from './env.ts';

export default function globalSetup(): void {
  let usable = false;
  try {
    accessSync(TEST_CHROMIUM_PATH, constants.X_OK);
    usable = statSync(TEST_CHROMIUM_PATH).isFile();
  } catch {
    usable = false;
  }
  if (!usable) {
    throw new Error(
      `No Chromium found at ${TEST_CHROMIUM_PATH}. Install Debian's chromium-headless-shell (\`sudo apt-get install chromium-headless-shell\`) or chromium, or set TEST_CHROMIUM_PATH to a Chromium/Chrome binary.`,
    );
  }
  if (!existsSync(path.join(DIST, 'index.html'))) {
    throw new Error(`No built site in ${DIST}. ${BUILD_HINT}`);
  }
}
