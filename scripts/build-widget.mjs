// Run by `npm install` (postinstall), `npm start` and the end-to-end tests: the widget bundle the API serves at /widget.js, built through turbo's
// local cache (.turbo/), so a start after no change to the widget or the SDK restores the last
// build in a moment instead of running rollup again (about 8 s). Quiet unless the build fails.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const started = Date.now();
const run = spawnSync(
  'npx',
  ['turbo', 'run', 'build', '--filter=@mais/widget', '--output-logs=errors-only', '--log-prefix=none'],
  {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', TURBO_NO_UPDATE_NOTIFIER: '1' },
  },
);
if (run.status !== 0) {
  process.stdout.write(run.stdout ?? '');
  process.stderr.write(run.stderr ?? '');
  console.error('Building the widget failed (see above).');
  process.exit(run.status ?? 1);
}
const cached = /FULL TURBO|cache hit/i.test(run.stdout ?? '');
console.log(
  `Widget ${cached ? 'unchanged (from the build cache)' : 'built'} in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
);
