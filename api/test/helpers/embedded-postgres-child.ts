/**
 * Run as its own Node process by embedded-postgres-recovery.test.ts:
 * `node --import tsx embedded-postgres-child.ts <dataDir>`. Starts the
 * embedded server on <dataDir> as `npm start` does, creates database
 * `survivor`, prints `{"port":…}` and waits to be killed, so that the test
 * can kill it with SIGKILL and leave its server orphaned.
 */
import pg from 'pg';
import { startEmbeddedPostgres } from '../../src/adapters/db/embedded-postgres.ts';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: embedded-postgres-child.ts <dataDir>');
const server = await startEmbeddedPostgres({ dataDir, persistent: true });
const client = new pg.Client({ connectionString: server.adminUrl });
await client.connect();
await client.query('CREATE DATABASE survivor');
await client.end();
process.stdout.write(`${JSON.stringify({ port: server.port, adminUrl: server.adminUrl })}\n`);
setInterval(() => undefined, 60_000);
