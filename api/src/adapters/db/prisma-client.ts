import { PrismaPg } from '@prisma/adapter-pg';
import type pg from 'pg';
import { PrismaClient, type Prisma } from '../../generated/prisma/client.ts';
import { tenantRoleUrl } from './tenant-role.ts';

export type Db = PrismaClient;
/** The client or a transaction of it: repositories work on either. */
export type Client = Db | Prisma.TransactionClient;

export interface ClientOptions {
  maxConnections?: number;
  /** Where the tenant role logs in. Default: DATABASE_URL with the user replaced by mais_tenant. */
  tenantConnectionString?: string;
  /** The pg.Client class behind both pools (a test counts statements with a subclass). */
  pgClient?: typeof pg.Client;
}

const tenantClients = new WeakMap<Db, Db>();

/**
 * Two pools on one database, handled as one client.
 *
 * The returned client logs in as DATABASE_URL's role, the tables' owner: the "system" role that
 * runs the migrations, the worker's cross-tenant jobs and the lookups that find a tenant in the
 * first place (an API key by its hash, a session, a Stripe account). Its companion logs in as
 * mais_tenant and is reached only through `forTenant` (tenant-scope.ts). Closing the returned
 * client closes both.
 */
export function createPrismaClient(connectionString: string, options: ClientOptions = {}): Db {
  const system = newClient(connectionString, options);
  const tenant = newClient(options.tenantConnectionString ?? tenantRoleUrl(connectionString), options);
  const both = new Proxy(system, {
    get(target, property) {
      if (property === '$disconnect') {
        return async () => {
          await Promise.all([target.$disconnect(), tenant.$disconnect()]);
        };
      }
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  tenantClients.set(both, tenant);
  return both;
}

/** The tenant role's connection options from the configuration (TENANT_DATABASE_URL, when set). */
export function tenantLogin(config: { TENANT_DATABASE_URL?: string | undefined }): ClientOptions {
  return config.TENANT_DATABASE_URL ? { tenantConnectionString: config.TENANT_DATABASE_URL } : {};
}

/** The tenant role's client beside `db`. */
export function tenantClientOf(db: Db): Db {
  const tenant = tenantClients.get(db);
  if (!tenant)
    throw new Error('This database client was not made by createPrismaClient: it has no tenant role.');
  return tenant;
}

function newClient(connectionString: string, options: ClientOptions): Db {
  const adapter = new PrismaPg({
    connectionString,
    max: options.maxConnections ?? 10,
    ...(options.pgClient ? { Client: options.pgClient } : {}),
  });
  return new PrismaClient({ adapter });
}
