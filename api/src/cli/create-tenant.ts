import { parseArgs } from 'node:util';
import { migrate } from '../adapters/db/migrate.ts';
import { openLocalDatabase } from '../adapters/db/local-database.ts';
import { createPrismaClient } from '../adapters/db/prisma-client.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { DomainError } from '../domain/errors.ts';
import { CreateTenantBodySchema } from '../schemas/tenant.schemas.ts';
import { createTenant } from '../use-cases/create-tenant.ts';

const USAGE = `Usage: npm run tenant:create -- --name "Studio" --timezone Europe/Berlin [--currency EUR] [--slug studio] [--allowed-origin https://studio.example]…

Creates a tenant in DATABASE_URL (or the local embedded database) and prints it with its keys as JSON.`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      name: { type: 'string' },
      timezone: { type: 'string' },
      currency: { type: 'string' },
      slug: { type: 'string' },
      'allowed-origin': { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const body = CreateTenantBodySchema.safeParse({
    name: values.name,
    timezone: values.timezone,
    ...(values.currency ? { currency: values.currency } : {}),
    ...(values.slug ? { slug: values.slug } : {}),
    allowedOrigins: values['allowed-origin'] ?? [],
  });
  if (!body.success) {
    for (const issue of body.error.issues) console.error(`--${issue.path.join('.')}: ${issue.message}`);
    console.error(`\n${USAGE}`);
    return 2;
  }

  const config = loadConfig();
  const database = await openLocalDatabase(config.DATABASE_URL);
  const db = createPrismaClient(database.url, { maxConnections: 2 });
  try {
    await migrate(database.url);
    console.log(JSON.stringify(await createTenant(db, body.data), null, 2));
    return 0;
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    if (error instanceof DomainError || error instanceof ConfigError) console.error(error.message);
    else console.error(error);
    process.exit(error instanceof DomainError ? 2 : 1);
  });
