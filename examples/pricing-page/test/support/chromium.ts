import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Where Chromium is expected: `CHROMIUM_PATH`, else Debian's `apt-get install chromium`. */
export const chromiumPath: string = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Whether the browser tests should be skipped: only when Chromium is missing *and* this is not
 * CI. In CI a missing Chromium must fail the run (see {@link launchChromium}), never pass it.
 */
export const skipBrowserTests: boolean = !existsSync(chromiumPath) && !process.env.CI;

if (skipBrowserTests) {
  console.warn(
    `pricing-page: browser tests skipped, no Chromium at ${chromiumPath}. ` +
      'Install it (apt-get install chromium) or set CHROMIUM_PATH.',
  );
}

/**
 * Starts headless Chromium with the flags that work on a container with no sandbox and no
 * network (toolchain.md).
 *
 * @returns The browser; close it when done.
 *
 * @throws `Error` naming the missing path and the fix when Chromium is not installed.
 *
 * @example
 * ```ts
 * const browser = await launchChromium();
 * ```
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium is required for the pricing-page browser tests but ${chromiumPath} does not exist. ` +
        'CI must install it (apt-get install chromium) or set CHROMIUM_PATH.',
    );
  }
  return chromium.launch({
    executablePath: chromiumPath,
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
