// The widget bundle the API serves at /widget.js, built through turbo's local cache (.turbo/):
// run by `npm install` (postinstall), `npm start` and the end-to-end tests. When neither the
// widget nor the SDK changed, turbo restores the last build in under a second instead of running
// rollup again (8 to 18 s here). Quiet unless the build fails.
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
