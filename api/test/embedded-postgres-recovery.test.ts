import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/adapters/db/embedded-postgres.ts';

/**
 * The embedded server starts again after its owner died without stopping it
 * (kill -9 of `npm start`): real servers in temporary data folders, a real
 * orphan made by killing a child Node process.
 */

const API_DIR = fileURLToPath(new URL('..', import.meta.url));
const CHILD = fileURLToPath(new URL('./helpers/embedded-postgres-child.ts', import.meta.url));

const folders: string[] = [];
const servers: EmbeddedDatabase[] = [];
const processes: ChildProcess[] = [];
/** Every postmaster seen, to make sure none outlives the file. */
const postmasters = new Set<number>();

afterAll(async () => {
  for (const server of servers) await server.stop().catch(() => undefined);
  for (const child of processes) child.kill('SIGKILL');
  for (const pid of postmasters) {
    if (alive(pid)) process.kill(pid, 'SIGKILL');
  }
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A data folder that does not exist yet, in a place OS user postgres can reach when we are root. */
function dataFolder(): string {
  const folder = path.join(os.tmpdir(), `mais-recovery-${process.pid}-${randomBytes(4).toString('hex')}`);
  folders.push(folder);
  return folder;
}

async function start(dataDir: string, persistent: boolean, notes: string[] = []): Promise<EmbeddedDatabase> {
  const server = await startEmbeddedPostgres({ dataDir, persistent, onRecovery: (note) => notes.push(note) });
  servers.push(server);
  postmasters.add(postmasterPid(dataDir));
  return server;
}

function postmasterPid(dataDir: string): number {
  return Number.parseInt(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]!, 10);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A zombie (exited, not yet reaped by its new parent) counts as gone.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat[stat.lastIndexOf(')') + 2] !== 'Z';
  } catch {
    return !existsSync('/proc/self');
  }
}

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/** A PID that no process has: one of a process that has just exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

/** A long-lived process that is not PostgreSQL, whose PID a stale postmaster.pid can name. */
function unrelatedProcess(): number {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  processes.push(child);
  return child.pid!;
}

/** A data folder whose server was stopped cleanly, then postmaster.pid written back as a crash leaves it, naming `pid`. */
async function folderWithStalePidFile(pid: number): Promise<string> {
  const dataDir = dataFolder();
  const server = await start(dataDir, true);
  const lines = readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
  await server.stop();
  expect(existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
  writeFileSync(path.join(dataDir, 'postmaster.pid'), [String(pid), ...lines.slice(1)].join('\n'));
  return dataDir;
}

describe('starting the embedded database after an unclean stop', () => {
  it('stops the server orphaned by a killed owner, starts a new one, and keeps the data', async () => {
    const dataDir = dataFolder();
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir], {
      cwd: API_DIR,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    processes.push(child);
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const ready = await new Promise<{ port: number; adminUrl: string }>((resolve, reject) => {
      let stdout = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('\n')) resolve(JSON.parse(stdout.split('\n')[0]!));
      });
      child.on('exit', (code) =>
        reject(new Error(`the child exited (${code}) before its server was up: ${stderr}`)),
      );
    });
    const orphan = postmasterPid(dataDir);
    postmasters.add(orphan);

    // kill -9 of the owner: its server lives on, and still holds the data folder.
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    expect(alive(orphan)).toBe(true);
    expect(await query(ready.adminUrl, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);

    const notes: string[] = [];
    const server = await start(dataDir, false, notes);
    expect(notes.join('\n')).toMatch(
      new RegExp(`server \\(PID ${orphan}\\) was left running .* stopping it`),
    );
    expect(alive(orphan)).toBe(false);
    expect(postmasterPid(dataDir)).not.toBe(orphan);
    expect(await query(server.adminUrl, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    // Stopped with a fast shutdown, not thrown away: what the old server wrote is there.
    expect(
      await query(server.adminUrl, "SELECT datname FROM pg_database WHERE datname = 'survivor'"),
    ).toEqual([{ datname: 'survivor' }]);
    await server.stop();
  }, 90_000);

  it('removes a postmaster.pid whose PID is gone', async () => {
    const dead = await deadPid();
    const dataDir = await folderWithStalePidFile(dead);
    const notes: string[] = [];
    const server = await start(dataDir, false, notes);
    expect(notes.join('\n')).toContain(`removed a stale postmaster.pid (PID ${dead} is gone)`);
    expect(await query(server.adminUrl, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await server.stop();
  }, 60_000);

  it('removes a postmaster.pid whose PID now belongs to another program', async () => {
    // PostgreSQL alone refuses to start here when that program runs as its own OS user (kill(pid, 0) succeeds).
    // As root the server runs as user postgres, gets EPERM and starts anyway; the recovery must be right either way.
    const other = unrelatedProcess();
    const dataDir = await folderWithStalePidFile(other);
    const notes: string[] = [];
    const server = await start(dataDir, false, notes);
    expect(notes.join('\n')).toContain(`PID ${other} now belongs to another program`);
    expect(alive(other)).toBe(true); // left alone
    expect(await query(server.adminUrl, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await server.stop();
  }, 60_000);

  it('refuses a data folder whose server is in use by a live process, and leaves that server alone', async () => {
    const dataDir = dataFolder();
    const first = await start(dataDir, false);
    await expect(startEmbeddedPostgres({ dataDir, persistent: false })).rejects.toThrow(
      /is in use by a server/,
    );
    expect(await query(first.adminUrl, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await first.stop();
  }, 60_000);
});
