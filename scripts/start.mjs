// `npm start`: builds the widget when its sources changed (scripts/build-bundles.mjs, from turbo's
// cache otherwise), then runs the API in this process's place. One process for npm to signal: with
// `build && npm run start -w …`, a SIGTERM sent to npm stopped the shell between them and left the
// API and its embedded PostgreSQL running. Here SIGTERM is passed on to the API, which shuts down
// gracefully, and npm start exits with its code. SIGINT is not passed on: Ctrl+C in a terminal
// reaches every process of the group, the API included, and a second SIGINT would make it quit
// without stopping PostgreSQL cleanly.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const build = spawnSync(process.execPath, [path.join(root, 'scripts/build-bundles.mjs')], {
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const tsx = createRequire(import.meta.url).resolve('tsx/cli');
const api = spawn(process.execPath, [tsx, 'src/start.ts'], { cwd: path.join(root, 'api'), stdio: 'inherit' });
process.on('SIGTERM', () => api.kill('SIGTERM'));
process.on('SIGINT', () => {}); // the API got it too, and stops; we exit with it
// npm does not pass a SIGTERM on to its script: when npm goes away, so does the API.
const parent = process.ppid;
setInterval(() => process.ppid !== parent && api.kill('SIGTERM'), 1000).unref();
api.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
