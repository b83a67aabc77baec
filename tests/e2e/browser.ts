import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Chromium flags for this project's machines: as root, with no network, no sandbox and no calls home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Which Chromium the tests drive: $CHROMIUM_PATH if set, else Playwright's own download where
 * `npx playwright install chromium` has run, else Debian's /usr/bin/chromium (CI has no internet
 * for Playwright's download, so .ci/run installs Debian's). Stops with a clear message otherwise.
 */
export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist.`);
    return fromEnv;
  }
  try {
    if (existsSync(chromium.executablePath())) return undefined; // Playwright's own build
  } catch {
    // Not installed: fall through to the system browser.
  }
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(
    'No Chromium found for the end-to-end tests. Install one: `npx playwright install chromium` ' +
      '(needs internet), or `apt-get install chromium` on Debian/Ubuntu, or set CHROMIUM_PATH.',
  );
}
