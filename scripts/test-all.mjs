// `npm test`: runs every test suite of the repository and ends with one line
// "N passed, N failed" over all of them (CI reads that line). Exits non-zero
// when any test fails or any runner fails to run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveChromium } from './chromium.mjs';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const reports = mkdtempSync(path.join(os.tmpdir(), 'mais-test-'));
const extraArgs = process.argv.slice(2);

/** How to run a kind of suite writing a JSON report to `report`, and its passed/failed counts in that report. */
const vitest = {
  command: (report) => [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...extraArgs,
  ],
  counts: (result) => ({ passed: result.numPassedTests, failed: result.numFailedTests }),
};
/** Any other runner: writes `{ "passed": N, "failed": N }` to $TEST_REPORT_FILE (see widget/web-test-runner.config.js). */
const countsFile = (...command) => ({ command: () => command, counts: (result) => result });
const playwright = {
  // The config names the report file; PLAYWRIGHT_JSON_OUTPUT_FILE would lose to it.
  command: () => ['playwright', 'test', '-c', 'test/e2e/playwright.config.ts'],
  report: path.join(root, 'test-results', 'e2e', 'report.json'),
  // A test that passed on a retry is "flaky": it passed.
  counts: (result) => ({
    passed: result.stats.expected + result.stats.flaky,
    failed: result.stats.unexpected,
  }),
};

/** Each suite: a folder and its runner (vitest unless named). The end-to-end tests run last. */
const suites = [
  { name: 'api', cwd: path.join(root, 'api') },
  { name: 'sdk', cwd: path.join(root, 'sdk') },
  { name: 'widget', cwd: path.join(root, 'widget'), runner: countsFile('npm', 'test') },
  { name: 'admin', cwd: path.join(root, 'admin') },
  { name: 'e2e', cwd: root, runner: playwright },
];

// The browser suites' Chromium, found (or extracted from the npm registry) once for all of them.
process.env.CHROMIUM_PATH = await resolveChromium();
console.log(`Browser tests use ${process.env.CHROMIUM_PATH}.`);

let passed = 0;
let failed = 0;
let broken = false;

for (const suite of suites) {
  const runner = suite.runner ?? vitest;
  const report = runner.report ?? path.join(reports, `${suite.name}.json`);
  rmSync(report, { force: true });
  const run = spawnSync('npx', runner.command(report), {
    cwd: suite.cwd,
    stdio: 'inherit',
    env: { ...process.env, TEST_REPORT_FILE: report },
  });
  if (!existsSync(report)) {
    console.error(`\n${suite.name}: the test runner produced no report (exit ${run.status}).`);
    broken = true;
    continue;
  }
  const counts = runner.counts(JSON.parse(readFileSync(report, 'utf8')));
  passed += counts.passed;
  failed += counts.failed;
  if (run.status !== 0 && counts.failed === 0) {
    console.error(`\n${suite.name}: the runner failed (exit ${run.status}) outside any test.`);
    broken = true;
  }
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || broken ? 1 : 0);
