import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TENANT_ROLE } from '../../src/adapters/db/tenant-role.ts';

/**
 * Real servers beside the embedded PostgreSQL for the scale-out tests: API processes
 * (src/server.ts), a Redis server and PgBouncer, each on a free port of its own and stopped
 * by the test. Redis and PgBouncer come from Debian's packages (`.ci/run` installs them); on a
 * machine without them the tests that need them are skipped with a message, unless
 * MAIS_REQUIRE_LOCAL_SERVICES=1 (CI), where a missing one fails the run.
 */

const apiRoot = fileURLToPath(new URL('../..', import.meta.url));
const REDIS_SERVER = process.env.REDIS_SERVER_BIN ?? '/usr/bin/redis-server';
const PGBOUNCER = process.env.PGBOUNCER_BIN ?? '/usr/sbin/pgbouncer';

/** Why the scale-out tests cannot run here, or null when they can. */
export function missingLocalServices(): string | null {
  const missing = [REDIS_SERVER, PGBOUNCER].filter((bin) => !existsSync(bin));
  if (missing.length === 0) return null;
  const reason = `not installed: ${missing.join(', ')} (apt-get install redis-server pgbouncer)`;
  if (process.env.MAIS_REQUIRE_LOCAL_SERVICES === '1') throw new Error(reason);
  console.warn(`scale-out tests skipped: ${reason}`);
  return reason;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(check: () => Promise<boolean>, child: ChildProcess, what: string): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`);
    if (await check().catch(() => false)) return;
    await sleep(50);
  }
  child.kill('SIGKILL');
  throw new Error(`${what} did not start`);
}

function stopped(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

export interface ApiProcess {
  url: string;
  process: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * src/server.ts as its own process (what `npm run serve` runs); resolves once /health answers.
 * DEBUG_API_STDOUT=1 shows its log (with LOG_LEVEL set in `env`).
 */
export async function startApiProcess(env: Record<string, string>): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: apiRoot,
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', process.env.DEBUG_API_STDOUT ? 'inherit' : 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${url}/health`)).ok, child, 'API process');
  return { url, process: child, stop: (signal) => stopped(child, signal) };
}

export interface LocalServer {
  url: string;
  stop(): Promise<void>;
}

/** A Redis server keeping nothing on disk. */
export async function startRedisServer(): Promise<LocalServer> {
  const port = await freePort();
  const child = spawn(
    REDIS_SERVER,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  const url = `redis://127.0.0.1:${port}`;
  await waitFor(() => pingRedis(port), child, 'redis-server');
  return { url, stop: () => stopped(child) };
}

async function pingRedis(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.once('error', () => resolve(false));
    socket.connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
  });
}

/**
 * PgBouncer in transaction mode in front of `databaseUrl`'s server: every database on that server
 * is reachable through it under the same name, as `databaseUrl`'s user or as mais_tenant. PgBouncer refuses to run as
 * root, so as root it runs as the OS user `postgres` (as embedded PostgreSQL does).
 */
export async function startPgBouncer(
  databaseUrl: string,
  options: { poolSize?: number } = {},
): Promise<LocalServer> {
  const target = new URL(databaseUrl);
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mais-pgbouncer-'));
  chmodSync(dir, 0o777);
  const ini = path.join(dir, 'pgbouncer.ini');
  const user = decodeURIComponent(target.username);
  const password = decodeURIComponent(target.password);
  // Clients log in as themselves (the owner, or mais_tenant for the tenant scopes): PgBouncer takes
  // each one's server password from the auth file (`migrate` gives mais_tenant the owner's).
  const authFile = path.join(dir, 'userlist.txt');
  const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`;
  writeFileSync(
    authFile,
    [user, TENANT_ROLE].map((name) => `${quoted(name)} ${quoted(password)}`).join('\n') + '\n',
  );
  chmodSync(authFile, 0o644);
  writeFileSync(
    ini,
    [
      '[databases]',
      `* = host=${target.hostname} port=${target.port || 5432}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      `unix_socket_dir = ${dir}`,
      'auth_type = trust',
      `auth_file = ${authFile}`,
      'pool_mode = transaction',
      `default_pool_size = ${options.poolSize ?? 20}`,
      'max_client_conn = 1000',
      // Prisma and pg send these at connect; transaction pooling cannot keep them per client.
      'ignore_startup_parameters = extra_float_digits,options,application_name',
      `logfile = ${path.join(dir, 'pgbouncer.log')}`,
      `pidfile = ${path.join(dir, 'pgbouncer.pid')}`,
    ].join('\n'),
  );
  chmodSync(ini, 0o644);
  const asRoot = process.getuid?.() === 0;
  const child = spawn(PGBOUNCER, [...(asRoot ? ['-u', 'postgres'] : []), ini], { stdio: 'ignore' });
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  await waitFor(() => listening(port), child, 'pgbouncer');
  return {
    url: url.toString(),
    stop: async () => {
      await stopped(child, 'SIGINT');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Whether something accepts TCP connections on `port`. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
