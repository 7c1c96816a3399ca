import { defineConfig } from '@playwright/test';
import { CHROMIUM_FLAGS, chromiumPathForConfig } from '../../scripts/chromium.mjs';
import { E2E_RESULTS } from './support/results-dir.ts';

/**
 * End-to-end tests: the example pages served by the real API (test/e2e/serve.ts, on a throwaway
 * embedded PostgreSQL with the demo tenant), driven in a headless Chromium. Playwright downloads no
 * browser here: scripts/chromium.mjs says which one it launches.
 */

export const E2E_PORT = Number(process.env.E2E_PORT ?? 4319);

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  // Emptied at the start of each run, before the web server writes server.json into it.
  outputDir: E2E_RESULTS,
  // The tests share one server and one database; each books on its own day, one test at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: `${E2E_RESULTS}/report.json` }]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: chromiumPathForConfig(), args: CHROMIUM_FLAGS },
    // The demo business is in Berlin; the client is too unless a test says otherwise.
    timezoneId: 'Europe/Berlin',
    locale: 'en-US',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: {
    // The widget bundle is served from widget/dist: build it first (from turbo's cache when unchanged).
    // With ADMIN_DIST the console was built there beforehand (two runs at once must not rebuild one dist/).
    command: process.env.ADMIN_DIST
      ? 'npx tsx test/e2e/serve.ts'
      : 'node scripts/build-bundles.mjs && npx tsx test/e2e/serve.ts',
    cwd: '../..',
    url: `http://127.0.0.1:${E2E_PORT}/health`,
    env: {
      E2E_PORT: String(E2E_PORT),
      ...(process.env.E2E_OUTPUT ? { E2E_OUTPUT: process.env.E2E_OUTPUT } : {}),
      ...(process.env.ADMIN_DIST ? { ADMIN_DIST: process.env.ADMIN_DIST } : {}),
    },
    reuseExistingServer: false,
    // SIGTERM, not Playwright's default SIGKILL: the server then stops PostgreSQL and deletes its data.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
