import pg from 'pg';
import { createPrismaClient, type Db } from '../../src/adapters/db/prisma-client.ts';

/**
 * A Prisma client that counts the SQL statements it sends. Prisma's `query`
 * events are not emitted for driver adapters, so the count is taken at the
 * wire: both pools behind @prisma/adapter-pg (the owner's and the tenant
 * role's) build their connections from a subclass of pg.Client whose query()
 * records every statement, BEGIN, COMMIT and ROLLBACK included (Prisma sends
 * those as ordinary queries).
 */

export interface StatementLog {
  /** Every statement since the last reset(), in the order sent. */
  readonly statements: readonly string[];
  reset(): void;
  /**
   * All statements (the round trips); those that are not transaction control (BEGIN, COMMIT,
   * ROLLBACK, SAVEPOINT); and `work`, the queries themselves, without transaction control and
   * without the statements that name the tenant for row-level security (enterTenant).
   */
  counts(): { all: number; withoutTransactionControl: number; work: number };
}

const TRANSACTION_CONTROL =
  /^\s*(BEGIN|COMMIT|ROLLBACK|START TRANSACTION|SAVEPOINT|RELEASE|SET TRANSACTION)\b/i;
const NAMES_THE_TENANT = /^\s*SELECT set_config\('role'/;

export function createCountingPrismaClient(
  connectionString: string,
  options: { maxConnections?: number } = {},
): { db: Db; log: StatementLog } {
  const statements: string[] = [];

  class CountingClient extends pg.Client {
    // pg.Client#query has many overloads; every one takes the SQL first (a string or a config object).
    override query(...args: unknown[]): never {
      const first = args[0] as string | { text?: string } | undefined;
      statements.push(typeof first === 'string' ? first : (first?.text ?? String(first)));
      return (super.query as (...a: unknown[]) => never)(...args);
    }
  }

  const log: StatementLog = {
    statements,
    reset: () => {
      statements.length = 0;
    },
    counts: () => ({
      all: statements.length,
      withoutTransactionControl: statements.filter((sql) => !TRANSACTION_CONTROL.test(sql)).length,
      work: statements.filter((sql) => !TRANSACTION_CONTROL.test(sql) && !NAMES_THE_TENANT.test(sql)).length,
    }),
  };
  const db = createPrismaClient(connectionString, {
    maxConnections: options.maxConnections ?? 10,
    pgClient: CountingClient as unknown as typeof pg.Client,
  });
  return { db, log };
}
