import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp, type AppDependencies } from '../../src/app.ts';
import { createPrismaClient, type Db } from '../../src/adapters/db/prisma-client.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { createTenant, type CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';

export const PLATFORM_TOKEN = 'test-platform-token-0123456789abcdef';

export interface TestApp {
  app: FastifyInstance;
  /** A separate client on the same database, for asserting what was stored. */
  db: Db;
  database: TestDatabase;
  close(): Promise<void>;
}

/** The real app on a real, fresh PostgreSQL database. */
export async function buildTestApp(
  env: Record<string, string> = {},
  options: {
    clock?: () => Date;
    maxConnections?: number;
    /** Logger options for the app (a level and a stream to read the log). */
    logger?: AppDependencies['logger'];
    /** Builds the app's database client from the test database's URL (e.g. one that counts statements). */
    appDb?: (url: string) => Db;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const config: Config = loadConfig({ LOG_LEVEL: 'silent', PLATFORM_API_TOKEN: PLATFORM_TOKEN, ...env });
  const app = await buildApp(config, {
    db: options.appDb
      ? options.appDb(database.url)
      : createPrismaClient(database.url, { maxConnections: options.maxConnections ?? 10 }),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.logger !== undefined ? { logger: options.logger } : {}),
  });
  await app.ready();
  const db = createPrismaClient(database.url);
  return {
    app,
    db,
    database,
    close: async () => {
      await app.close();
      await db.$disconnect();
      await database.drop();
    },
  };
}

let tenantCounter = 0;

export async function createTestTenant(db: Db, overrides: { name?: string; allowedOrigins?: string[] } = {}) {
  tenantCounter += 1;
  return createTenant(db, {
    name: overrides.name ?? `Studio ${tenantCounter}`,
    timezone: 'Europe/Berlin',
    currency: 'EUR',
    allowedOrigins: overrides.allowedOrigins ?? [],
    branding: {},
  });
}

/** inject() with a tenant's secret key on an admin route. */
export function admin(app: FastifyInstance, tenant: CreatedTenant, options: InjectOptions) {
  return app.inject({
    ...options,
    headers: { authorization: `Bearer ${tenant.keys.secret}`, ...options.headers },
  });
}

/** inject() with a tenant's publishable key on a public route. */
export function publicRequest(app: FastifyInstance, tenant: CreatedTenant, options: InjectOptions) {
  return app.inject({ ...options, headers: { 'x-tenant-key': tenant.keys.publishable, ...options.headers } });
}
