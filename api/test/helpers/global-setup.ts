import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/adapters/db/embedded-postgres.ts';
import { migrate } from '../../src/adapters/db/migrate.ts';

/**
 * Once per test run: a PostgreSQL server (DATABASE_URL's, else an embedded
 * one) and a template database with every migration applied. Test files copy
 * the template (CREATE DATABASE … TEMPLATE), which takes milliseconds.
 */

declare module 'vitest' {
  export interface ProvidedContext {
    databaseServerUrl: string;
    templateDatabase: string;
  }
}

let embedded: EmbeddedDatabase | undefined;
let serverUrl: string;
let template: string;

export async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    serverUrl = process.env.DATABASE_URL;
  } else {
    const dataDir = path.join(os.tmpdir(), `mais-test-pg-${process.pid}-${randomBytes(3).toString('hex')}`);
    embedded = await startEmbeddedPostgres({ dataDir, persistent: false });
    serverUrl = embedded.adminUrl;
  }
  template = `mais_template_${process.pid}_${randomBytes(3).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${template}`);
  await migrate(databaseUrl(serverUrl, template));

  project.provide('databaseServerUrl', serverUrl);
  project.provide('templateDatabase', template);
}

export async function teardown() {
  if (embedded) {
    await embedded.stop();
    return;
  }
  if (!serverUrl || !template) return;
  // On a shared server, leave nothing behind.
  const leftovers = await adminQuery(
    serverUrl,
    `SELECT datname FROM pg_database WHERE datname LIKE 'mais_test_%' OR datname = '${template}'`,
  );
  for (const row of leftovers.rows as Array<{ datname: string }>) {
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
  }
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function adminQuery(serverUrl: string, sql: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}
