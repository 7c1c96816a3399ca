import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { TENANT_ROLE } from './tenant-role.ts';

/**
 * Applies prisma/migrations/<name>/migration.sql in name order, each in its own
 * transaction, under an advisory lock so that two processes starting together
 * do not race. Applied migrations are recorded in Prisma's own
 * `_prisma_migrations` table, so `prisma migrate deploy` accepts the same
 * database wherever the Prisma CLI can run (it cannot on our machines: see
 * api/README.md, "Decisions").
 */

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../../prisma/migrations', import.meta.url));

// Any constant works; this one is "mais" in ASCII.
const MIGRATION_LOCK_ID = 0x6d616973;

export interface MigrationResult {
  applied: string[];
  alreadyApplied: string[];
}

export async function migrate(connectionString: string, dir = MIGRATIONS_DIR): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    await client.query(`
      CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
        "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
        "checksum"            VARCHAR(64) NOT NULL,
        "finished_at"         TIMESTAMPTZ,
        "migration_name"      VARCHAR(255) NOT NULL,
        "logs"                TEXT,
        "rolled_back_at"      TIMESTAMPTZ,
        "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
        "applied_steps_count" INTEGER NOT NULL DEFAULT 0
      )`);
    const done = await client.query<{ migration_name: string; checksum: string }>(
      'SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const applied = new Map(done.rows.map((row) => [row.migration_name, row.checksum]));
    const result: MigrationResult = { applied: [], alreadyApplied: [] };

    for (const name of await migrationNames(dir)) {
      const sql = await readFile(path.join(dir, name, 'migration.sql'), 'utf8');
      const checksum = createHash('sha256').update(sql).digest('hex');
      const previous = applied.get(name);
      if (previous !== undefined) {
        if (previous !== checksum) {
          throw new Error(`Migration ${name} was changed after it was applied. Add a new migration instead.`);
        }
        result.alreadyApplied.push(name);
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), checksum, name],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${name} failed: ${(error as Error).message}`, { cause: error });
      }
      result.applied.push(name);
    }
    await allowTenantRoleToLogIn(client, new URL(connectionString).password);
    return result;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    await client.end();
  }
}

/**
 * The tenant scopes log in as mais_tenant (prisma-client.ts). The first migration after the role
 * exists lets it log in, with DATABASE_URL's password when there is one, so that the default
 * tenant URL (DATABASE_URL with the user replaced) works on the embedded server and on a trust
 * server alike. A role that can already log in is left as it is: its password is its operator's
 * (then set TENANT_DATABASE_URL). Not a migration: a migration's text cannot hold a password.
 */
async function allowTenantRoleToLogIn(client: pg.Client, password: string): Promise<void> {
  const role = await client.query<{ rolcanlogin: boolean }>(
    'SELECT rolcanlogin FROM pg_roles WHERE rolname = $1',
    [TENANT_ROLE],
  );
  if (role.rows[0]?.rolcanlogin !== false) return;
  const withPassword = password ? ` PASSWORD ${client.escapeLiteral(decodeURIComponent(password))}` : '';
  await client.query(`ALTER ROLE ${TENANT_ROLE} LOGIN${withPassword}`);
}

async function migrationNames(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}
