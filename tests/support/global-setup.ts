/**
 * Fails fast, with an instruction, when the browser or the built site is missing.
 * (The web server has already started by now; it refuses to start without dist/.)
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { BUILD_HINT, CHROMIUM_PATH, DIST } from './env.ts';

export default function globalSetup(): void {
  let usable = false;
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
    usable = statSync(CHROMIUM_PATH).isFile();
  } catch {
    usable = false;
  }
  if (!usable) {
    throw new Error(
      `No Chromium found at ${CHROMIUM_PATH}. Install Debian's chromium (\`sudo apt-get install chromium\`) or set CHROMIUM_PATH to a Chromium/Chrome binary.`,
    );
  }
  if (!existsSync(path.join(DIST, 'index.html'))) {
    throw new Error(`No built site in ${DIST}. ${BUILD_HINT}`);
  }
}
