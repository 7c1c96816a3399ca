// `npm test`: runs every test suite of the repository and ends with one line
// "N passed, N failed" over all of them (CI reads that line). Exits non-zero
// when any test fails or any runner fails to run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const reports = mkdtempSync(path.join(os.tmpdir(), 'mais-test-'));
const extraArgs = process.argv.slice(2);

/** Each suite: a vitest project folder. Later suites (browser tests) add their own runner here. */
const suites = [{ name: 'api', cwd: path.join(root, 'api') }];

let passed = 0;
let failed = 0;
let broken = false;

for (const suite of suites) {
  const report = path.join(reports, `${suite.name}.json`);
  const run = spawnSync(
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extraArgs],
    { cwd: suite.cwd, stdio: 'inherit' },
  );
  if (!existsSync(report)) {
    console.error(`\n${suite.name}: the test runner produced no report (exit ${run.status}).`);
    broken = true;
    continue;
  }
  const result = JSON.parse(readFileSync(report, 'utf8'));
  passed += result.numPassedTests;
  failed += result.numFailedTests;
  if (run.status !== 0 && result.numFailedTests === 0) {
    console.error(`\n${suite.name}: the runner failed (exit ${run.status}) outside any test.`);
    broken = true;
  }
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || broken ? 1 : 0);
