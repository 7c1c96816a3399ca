import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {
  startEmbeddedPostgres,
  type EmbeddedDatabase,
} from '../../../api/src/adapters/db/embedded-postgres.ts';
import { migrate } from '../../../api/src/adapters/db/migrate.ts';

/**
 * A fresh, migrated database for one benchmark run: on the server in DATABASE_URL (dropped
 * afterwards), else on an embedded PostgreSQL in a temporary folder (stopped afterwards).
 */
export async function startDatabase(): Promise<{ url: string; stop(): Promise<void> }> {
  let embedded: EmbeddedDatabase | undefined;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dataDir = path.join(os.tmpdir(), `mais-bench-pg-${process.pid}-${randomBytes(3).toString('hex')}`);
    embedded = await startEmbeddedPostgres({ dataDir, persistent: false });
    serverUrl = embedded.adminUrl;
  }
  const name = `mais_bench_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await migrate(url.toString());
  return {
    url: url.toString(),
    stop: async () => {
      if (embedded) await embedded.stop();
      else await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function adminQuery(serverUrl: string, sql: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
