// The browser bundles the API serves: the widget (/widget.js) and the console (/admin/), built
// through turbo's local cache (.turbo/): run by `npm install` (postinstall), `npm start` and the
// end-to-end tests. When neither they nor the SDK changed, turbo restores the last builds in under
// a second instead of running rollup again (8 to 18 s here). Quiet unless a build fails.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const started = Date.now();
const run = spawnSync(
  'npx',
  [
    'turbo',
    'run',
    'build',
    '--filter=@mais/widget',
    '--filter=@mais/admin',
    '--output-logs=errors-only',
    '--log-prefix=none',
  ],
  {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', TURBO_NO_UPDATE_NOTIFIER: '1' },
  },
);
if (run.status !== 0) {
  process.stdout.write(run.stdout ?? '');
  process.stderr.write(run.stderr ?? '');
  console.error('Building the widget or the console failed (see above).');
  process.exit(run.status ?? 1);
}
const cached = /FULL TURBO|cache hit/i.test(run.stdout ?? '');
console.log(
  `Widget and console ${cached ? 'unchanged (from the build cache)' : 'built'} in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
);
