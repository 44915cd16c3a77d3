import { existsSync } from 'node:fs';

/**
 * How tests and benchmarks launch Chromium on these machines: PLAYWRIGHT_CHROMIUM_PATH if
 * set, else Debian's /usr/bin/chromium when it exists, else Playwright's own download (for
 * developers elsewhere). The flags keep Chromium from calling hosts this network does not
 * reach.
 */
export function chromiumLaunchOptions(): { executablePath: string | undefined; args: string[] } {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  const executablePath =
    fromEnv !== undefined && fromEnv !== ''
      ? fromEnv
      : existsSync('/usr/bin/chromium')
        ? '/usr/bin/chromium'
        : undefined;
  return {
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  };
}
