// Component tests in a headless Chromium: see scripts/chromium.mjs for which one.
import { writeFileSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { CHROMIUM_FLAGS, chromiumPathForConfig } from '../scripts/chromium.mjs';

/**
 * Counts passed and failed tests, prints "widget: N passed, N failed" and, when TEST_REPORT_FILE is
 * set (scripts/test-all.mjs sets it), writes `{ "passed": N, "failed": N }` there.
 */
function countsReporter() {
  const count = (suite, totals) => {
    for (const test of suite.tests) if (!test.skipped) totals[test.passed ? 'passed' : 'failed'] += 1;
    for (const child of suite.suites) count(child, totals);
  };
  return {
    stop({ sessions }) {
      const totals = { passed: 0, failed: 0 };
      for (const session of sessions) {
        if (session.testResults) count(session.testResults, totals);
        // A file that failed to load or threw outside a test has errors but no failed test.
        if (session.errors.length > 0) totals.failed += 1;
      }
      console.log(`widget: ${totals.passed} passed, ${totals.failed} failed`);
      if (process.env.TEST_REPORT_FILE) writeFileSync(process.env.TEST_REPORT_FILE, JSON.stringify(totals));
    },
  };
}

export default {
  files: ['src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['production'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2021', tsconfig: 'tsconfig.json' })],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: chromiumPathForConfig(), headless: true, args: CHROMIUM_FLAGS },
    }),
  ],
  concurrency: 1,
  testFramework: { config: { timeout: 10_000 } },
  reporters: [defaultReporter(), summaryReporter(), countsReporter()],
};
