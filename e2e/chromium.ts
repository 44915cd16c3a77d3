import { existsSync } from 'node:fs';

/**
 * How tests and benchmarks launch Chromium on these machines: PLAYWRIGHT_CHROMIUM_PATH if
 * set; else Debian's headless shell (package chromium-headless-shell, the "old" headless
 * Chromium that Playwright itself prefers for headless runs: no browser UI, about a fifth
 * less CPU than the full browser across the suite); else Debian's /usr/bin/chromium; else
 * Playwright's own download (for developers elsewhere). Run `--headed` with
 * PLAYWRIGHT_CHROMIUM_PATH=/usr/bin/chromium: the shell has no windows.
 */
export function chromiumExecutablePath(): string | undefined {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  return ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((path) => existsSync(path));
}

/**
 * The launch options: the flags keep Chromium from calling hosts this network does not
 * reach, and run its (software) GPU work in the browser process instead of a process of its
 * own, which saves the two-core machines its messages.
 */
export function chromiumLaunchOptions(): { executablePath: string | undefined; args: string[] } {
  return {
    executablePath: chromiumExecutablePath(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--in-process-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  };
}
