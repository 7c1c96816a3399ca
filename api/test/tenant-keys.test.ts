import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './helpers/database.ts';

/**
 * The invariants that let the schema be distributed by tenant (Citus: api/README.md, "Scaling"),
 * read from the migrated database's catalogue. Every table either has a tenantId column or is
 * named below as a reference or global table; on a tenant table, (tenantId, id) is unique (the
 * distributed primary key), every unique key and exclusion constraint includes tenantId, and every
 * foreign key to another tenant table carries tenantId on both sides. A unique key without tenantId
 * is allowed only when it is listed in GLOBAL_LOOKUP_KEYS with what it becomes on Citus.
 */

/** Tables without tenantId, and why (Citus: reference tables, copied to every node, or local). */
const NOT_TENANT_TABLES: Record<string, string> = {
  tenants: 'reference table: every tenant table has a foreign key to it',
  stripe_events: 'reference table: Stripe event ids seen, before the tenant is known',
  sign_in_attempts: 'reference table: lockout counts per email hash, before the tenant is known',
  _prisma_migrations: 'local: migration bookkeeping on the coordinator',
};

/**
 * Unique keys on tenant tables that do not include tenantId: lookups by a credential or an
 * outside id that arrive before the tenant is known. On Citus each moves to a small reference
 * table (lookup key → tenantId) or, for Stripe's ids, becomes unique per tenant once the webhook
 * resolves the tenant from the event's connected account first.
 */
const GLOBAL_LOOKUP_KEYS: Record<string, string> = {
  'api_keys(hash)': 'lookup table: key hash → tenant',
  'calendar_feeds(tokenHash)': 'lookup table: feed token hash → tenant',
  'calendar_oauth_states(stateHash)': 'lookup table: OAuth state hash → tenant',
  'quickbooks_oauth_states(stateHash)': 'lookup table: OAuth state hash → tenant',
  'calendar_syncs(channelId)': 'lookup table: Google push channel → tenant',
  'staff_sessions(tokenHash)': 'lookup table: session cookie hash → tenant',
  'staff_tokens(tokenHash)': 'lookup table: invitation/reset token hash → tenant',
  'appointments(stripeSetupIntentId)': 'unique per tenant: the Stripe account names the tenant',
  'payments(stripePaymentIntentId)': 'unique per tenant: the Stripe account names the tenant',
  'refunds(stripeRefundId)': 'unique per tenant: the Stripe account names the tenant',
};

interface Violation {
  table: string;
  rule: string;
  detail: string;
}

/** Every breach of the invariants in the database `client` is connected to. */
export async function distributionViolations(client: pg.Client): Promise<Violation[]> {
  const violations: Violation[] = [];
  const tables = await client.query<{ table: string; tenant: boolean; hasId: boolean }>(`
    SELECT c.relname AS table,
           EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenantId' AND NOT a.attisdropped) AS tenant,
           EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'id' AND NOT a.attisdropped) AS "hasId"
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')`);
  for (const { table, tenant } of tables.rows) {
    if (!tenant && !(table in NOT_TENANT_TABLES)) {
      violations.push({ table, rule: 'no tenantId', detail: 'add tenantId or name it in NOT_TENANT_TABLES' });
    }
  }
  const tenantTables = tables.rows.filter((row) => row.tenant);
  const names = tenantTables.map((row) => row.table);

  const keys = await client.query<{ table: string; columns: string[]; primary: boolean }>(
    `SELECT c.relname AS table, i.indisprimary AS primary,
            array(SELECT a.attname::text FROM unnest(i.indkey) WITH ORDINALITY k(num, ord)
                    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.num ORDER BY k.ord) AS columns
       FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND i.indisunique AND c.relname = ANY($1)`,
    [names],
  );
  for (const { table, hasId } of tenantTables) {
    const own = keys.rows.filter((key) => key.table === table);
    const distributable =
      own.some((key) => key.primary && key.columns.includes('tenantId')) ||
      own.some(
        (key) => key.columns.length === 2 && key.columns.includes('tenantId') && key.columns.includes('id'),
      );
    if (!distributable) {
      violations.push({
        table,
        rule: 'no distributed key',
        detail: hasId ? 'needs UNIQUE (tenantId, id)' : 'its primary key must include tenantId',
      });
    }
    for (const key of own) {
      if (key.primary || key.columns.includes('tenantId')) continue;
      const name = `${table}(${key.columns.join(', ')})`;
      if (!(name in GLOBAL_LOOKUP_KEYS)) {
        violations.push({ table, rule: 'unique key without tenantId', detail: name });
      }
    }
  }

  const constraints = await client.query<{
    table: string;
    type: string;
    def: string;
    own: string[];
    other: string[];
    target: string | null;
  }>(
    `SELECT c.relname AS table, con.contype AS type, pg_get_constraintdef(con.oid) AS def,
            array(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
                    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord) AS own,
            array(SELECT a.attname::text FROM unnest(coalesce(con.confkey, '{}')) WITH ORDINALITY k(num, ord)
                    JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.ord) AS other,
            t.relname AS target
       FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
       LEFT JOIN pg_class t ON t.oid = con.confrelid
      WHERE con.contype IN ('f', 'x') AND c.relname = ANY($1)`,
    [names],
  );
  for (const row of constraints.rows) {
    if (row.type === 'x' && !row.own.includes('tenantId')) {
      violations.push({ table: row.table, rule: 'exclusion constraint without tenantId', detail: row.def });
    }
    if (row.type === 'f' && row.target !== 'tenants') {
      const position = row.own.indexOf('tenantId');
      if (position === -1 || row.other[position] !== 'tenantId') {
        violations.push({ table: row.table, rule: 'foreign key without tenantId', detail: row.def });
      }
    }
  }
  return violations;
}

let database: TestDatabase;
let client: pg.Client;

beforeAll(async () => {
  database = await createTestDatabase();
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
});
afterAll(async () => {
  await client.end();
  await database.drop();
});

describe('the schema distributes by tenant', () => {
  it('every table is a tenant table or a named reference table, keyed and linked by tenantId', async () => {
    expect(await distributionViolations(client)).toEqual([]);
  });

  it('covers every tenant table it names, and every listed global key still exists', async () => {
    const { rows } = await client.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM information_schema.columns
        WHERE table_schema = 'public' AND column_name = 'tenantId'`,
    );
    expect(rows[0]!.count).toBeGreaterThanOrEqual(35);
    for (const table of Object.keys(NOT_TENANT_TABLES)) {
      const found = await client.query(`SELECT to_regclass($1) AS oid`, [`public.${table}`]);
      expect(found.rows[0].oid, table).not.toBeNull();
    }
  });

  it('finds each kind of breach in a schema that has it', async () => {
    await client.query('BEGIN');
    try {
      await client.query(`
        CREATE TABLE scratch_parent ("tenantId" uuid NOT NULL, id uuid PRIMARY KEY, code text, UNIQUE ("tenantId", id), UNIQUE (code));
        CREATE TABLE scratch_child ("tenantId" uuid NOT NULL, id uuid PRIMARY KEY, "parentId" uuid REFERENCES scratch_parent (id),
          span tstzrange, EXCLUDE USING gist (span WITH &&));
        CREATE TABLE scratch_global (id uuid PRIMARY KEY);`);
      const found = (await distributionViolations(client)).map((v) => `${v.table}: ${v.rule}`).sort();
      expect(found).toEqual([
        'scratch_child: exclusion constraint without tenantId',
        'scratch_child: foreign key without tenantId',
        'scratch_child: no distributed key',
        'scratch_global: no tenantId',
        'scratch_parent: unique key without tenantId',
      ]);
    } finally {
      await client.query('ROLLBACK');
    }
  });
});
