import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultDataDir, startEmbeddedPostgres } from './embedded-postgres.ts';
import pg from 'pg';

/**
 * The database for local commands (npm start, the CLIs): DATABASE_URL when
 * set, else a persistent embedded PostgreSQL whose data lives in the
 * repository's git-ignored .data/ folder. While `npm start` runs, it leaves
 * its connection string in <state>/running.json so that the CLIs use the same
 * server instead of trying to start a second one on the same data.
 */

export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const DATABASE_NAME = 'mais';

export interface LocalDatabase {
  url: string;
  /** "embedded (…/.data/postgres)" or the DATABASE_URL host, for the start-up banner. */
  description: string;
  /** Where local state beside the database may be kept (the demo keys). */
  stateDir: string;
  stop(): Promise<void>;
}

export async function openLocalDatabase(
  databaseUrl: string | undefined,
  options: { announce?: boolean } = {},
): Promise<LocalDatabase> {
  if (databaseUrl) {
    return {
      url: databaseUrl,
      description: new URL(databaseUrl).host,
      stateDir: path.join(REPO_ROOT, '.data'),
      stop: async () => undefined,
    };
  }
  const dataDir = defaultDataDir(REPO_ROOT);
  const stateDir = path.dirname(dataDir);
  const runningFile = path.join(stateDir, 'running.json');
  const running = await readRunning(runningFile);
  if (running) {
    return {
      url: running.url,
      description: `the embedded PostgreSQL of npm start (pid ${running.pid})`,
      stateDir,
      stop: async () => undefined,
    };
  }

  const server = await startEmbeddedPostgres({ dataDir, persistent: true });
  await ensureDatabase(server.adminUrl, DATABASE_NAME);
  const url = new URL(server.adminUrl);
  url.pathname = `/${DATABASE_NAME}`;
  if (options.announce) {
    mkdirSync(stateDir, { recursive: true });
    writeFileSync(runningFile, JSON.stringify({ pid: process.pid, url: url.toString() }), { mode: 0o600 });
  }
  return {
    url: url.toString(),
    description: `embedded PostgreSQL on port ${server.port} (data in ${dataDir})`,
    stateDir,
    stop: async () => {
      if (options.announce) rmSync(runningFile, { force: true });
      await server.stop();
    },
  };
}

/**
 * The server of a running `npm start`, if there is one. The file outlives an
 * `npm start` that was killed, and its PID may since belong to another
 * program (PIDs repeat after a reboot or in a new container), so the server
 * must also answer. The file is removed only when its process is gone: a
 * server that is merely slow to answer keeps its announcement.
 */
async function readRunning(file: string): Promise<{ pid: number; url: string } | undefined> {
  if (!existsSync(file)) return undefined;
  let running: { pid: number; url: string };
  try {
    running = JSON.parse(readFileSync(file, 'utf8')) as { pid: number; url: string };
    process.kill(running.pid, 0); // throws when that process is gone
  } catch {
    rmSync(file, { force: true }); // left by a process that did not stop cleanly
    return undefined;
  }
  try {
    await ping(running.url);
    return running;
  } catch {
    return undefined;
  }
}

async function ping(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    await client.query('SELECT 1');
  } finally {
    await client.end();
  }
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}
