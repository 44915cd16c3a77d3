import { defineConfig, devices } from '@playwright/test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumLaunchOptions } from './e2e/chromium';

// E2E_PORT lets several checkouts run their browser tests side by side; the clinic's server
// listens on the port after it.
const port = Number(process.env.E2E_PORT ?? 4173);
const clinicPort = port + 1;

/**
 * The clinic journeys (e2e/clinic) run against the Node server (`npm run build:server` made
 * it), with the testability API on: on PostgreSQL when CLINIC_DATABASE_URL or
 * TEST_DATABASE_URL names one (CI always does: .ci/run starts Debian's PostgreSQL), else on
 * the embedded database in a folder of its own. Each journey resets the data it starts from.
 */
const clinicDatabaseUrl = process.env.CLINIC_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? '';
if (process.env.CI && clinicDatabaseUrl === '') {
  throw new Error(
    'CI runs the clinic journeys on PostgreSQL: set TEST_DATABASE_URL (.ci/run does)',
  );
}
const clinicDataDirectory = join(tmpdir(), `intyga-clinic-e2e-${String(clinicPort)}`);

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  // Two browsers at once: each test has a browser context of its own, with its own embedded
  // backend (IndexedDB and the service worker are per context), so the tests of the chromium
  // project may run side by side. The clinic project shares one server and database, so its
  // tests run one at a time (its project's `workers`).
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  // Ceilings, not expectations: two browsers share a small machine's cores, so a correct
  // test may wait longer for a page than it would alone.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://localhost:${port}`,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    // First, so that its journeys (one at a time, on the shared server) run beside the
    // chromium project's instead of alone at the end.
    {
      name: 'clinic',
      testMatch: 'clinic/**/*.spec.ts',
      workers: 1,
      use: {
        ...devices['Desktop Chrome'],
        baseURL: `http://localhost:${clinicPort}`,
        launchOptions: chromiumLaunchOptions(),
      },
    },
    {
      name: 'chromium',
      testIgnore: 'clinic/**',
      // Test by test rather than file by file, so that the two workers end together.
      fullyParallel: true,
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: chromiumLaunchOptions(),
      },
    },
  ],
  webServer: [
    {
      command: `npx vite preview --port ${port} --strictPort --host localhost`,
      url: `http://localhost:${port}`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: 'node dist-server/main.js --demo',
      url: `http://localhost:${clinicPort}/api/environment`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      env: {
        PORT: String(clinicPort),
        HOST: 'localhost',
        ...(clinicDatabaseUrl === ''
          ? { INTYGA_DATA_DIR: clinicDataDirectory }
          : { DATABASE_URL: clinicDatabaseUrl }),
      },
    },
  ],
});
