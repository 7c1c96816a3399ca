import type { Prisma } from '../../generated/prisma/client.ts';
import type { Db } from './prisma-client.ts';
import { TENANT_ROLE } from './tenant-role.ts';

/**
 * Row-level security, the second wall (api/README.md, "Row-level security"): for the rest of the
 * transaction, act as mais_tenant for `tenantId`. Both settings are local to the transaction, so
 * PgBouncer in transaction mode cannot carry them to another client. On the tenant pool the role is
 * already mais_tenant; setting it anyway keeps the wall up if TENANT_DATABASE_URL ever named the
 * owner. One statement.
 */
export function enterTenant(client: Db | Prisma.TransactionClient, tenantId: string) {
  return client.$executeRaw`
    SELECT set_config('role', ${TENANT_ROLE}, true), set_config('app.tenant_id', ${tenantId}, true)`;
}

/**
 * `client` (the tenant pool) with every statement run as `tenantId`.
 *
 * A statement outside a transaction becomes a short one: BEGIN, enterTenant, the statement, COMMIT
 * (Prisma's batch transaction, with the statement's own extensions and types). A session-level
 * setting would be one round trip cheaper but is not safe behind PgBouncer. An interactive
 * transaction begins with enterTenant; the transaction client it hands out is the plain one, so
 * its statements are not wrapped again.
 */
export function boundToTenant(client: Db, tenantId: string): Db {
  let byTenant = boundClients.get(client);
  if (!byTenant) boundClients.set(client, (byTenant = new Map()));
  const known = byTenant.get(tenantId);
  if (known) return known;
  if (byTenant.size >= KEPT_PER_POOL) byTenant.delete(byTenant.keys().next().value!);
  const bound = bind(client, tenantId);
  byTenant.set(tenantId, bound);
  return bound;
}

/**
 * Prisma's defaults (2 s to get a connection, 5 s to run) turn a crowd on one slot into errors:
 * everyone who passed the first check before the winner committed queues for the pool, and the
 * transactions ahead hold their connections while they wait for the provider's lock. Each waiter
 * is short (it re-checks and finds the slot taken), so the queue drains; every tenant statement,
 * a lone read included, must be allowed to wait its turn. Past this, 503 service_busy.
 */
const WAIT_YOUR_TURN = { maxWait: 15_000, timeout: 15_000 } as const;

/**
 * Each request's scope asks for its tenant's client: keeping the last thousand tenants' saves
 * building the extended client (about 0.4 ms a request, `npm run bench:rls`). They hold no state.
 */
const KEPT_PER_POOL = 1_000;
const boundClients = new WeakMap<Db, Map<string, Db>>();

function bind(client: Db, tenantId: string): Db {
  const perStatement = client.$extends({
    query: {
      $allOperations({ args, query }) {
        return client
          .$transaction([enterTenant(client, tenantId), query(args)], WAIT_YOUR_TURN)
          .then(([, result]) => result);
      },
    },
  });
  const transactionAsTenant = <T>(
    work: (tx: Prisma.TransactionClient) => Promise<T>,
    options?: Parameters<Db['$transaction']>[1],
  ): Promise<T> => {
    if (typeof work !== 'function') {
      throw new TypeError(
        'A tenant scope runs interactive transactions only ($transaction(async (tx) => …)).',
      );
    }
    return client.$transaction(
      async (tx) => {
        await enterTenant(tx, tenantId);
        return work(tx);
      },
      { ...WAIT_YOUR_TURN, ...options },
    );
  };
  // The extension only wraps queries: the client's shape and types are the plain client's.
  return new Proxy(perStatement, {
    get(target, property, receiver) {
      return property === '$transaction' ? transactionAsTenant : Reflect.get(target, property, receiver);
    },
  }) as unknown as Db;
}
