import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../../src/generated/prisma/client.ts';
import type { Db } from '../../src/adapters/db/prisma-client.ts';

/**
 * A Prisma client that counts the SQL statements it sends. Prisma's `query`
 * events are not emitted for driver adapters, so the count is taken at the
 * wire: the pool behind @prisma/adapter-pg builds its connections from a
 * subclass of pg.Client whose query() records every statement, BEGIN, COMMIT
 * and ROLLBACK included (Prisma sends those as ordinary queries).
 */

export interface StatementLog {
  /** Every statement since the last reset(), in the order sent. */
  readonly statements: readonly string[];
  reset(): void;
  /** All statements, and those that are not transaction control (BEGIN/COMMIT/ROLLBACK/SAVEPOINT). */
  counts(): { all: number; withoutTransactionControl: number };
}

const TRANSACTION_CONTROL =
  /^\s*(BEGIN|COMMIT|ROLLBACK|START TRANSACTION|SAVEPOINT|RELEASE|SET TRANSACTION)\b/i;

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

  const adapter = new PrismaPg({
    connectionString,
    max: options.maxConnections ?? 10,
    Client: CountingClient as unknown as typeof pg.Client,
  });
  const log: StatementLog = {
    statements,
    reset: () => {
      statements.length = 0;
    },
    counts: () => ({
      all: statements.length,
      withoutTransactionControl: statements.filter((sql) => !TRANSACTION_CONTROL.test(sql)).length,
    }),
  };
  return { db: new PrismaClient({ adapter }), log };
}
