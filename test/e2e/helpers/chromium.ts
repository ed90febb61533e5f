import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's chromium (CI installs it); the tests never download a browser. */
export const CHROMIUM = '/usr/bin/chromium';

/** True when the browser is on this machine; the end-to-end tests are skipped (with a message) otherwise. */
export const hasChromium = existsSync(CHROMIUM);

/** Headless Chromium without network chatter of its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
