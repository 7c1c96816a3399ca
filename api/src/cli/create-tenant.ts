import { secretBoxOf } from '../adapters/crypto/secret-box.ts';
import { parseArgs } from 'node:util';
import { migrate } from '../adapters/db/migrate.ts';
import { openLocalDatabase } from '../adapters/db/local-database.ts';
import { createPrismaClient } from '../adapters/db/prisma-client.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { DomainError } from '../domain/errors.ts';
import { CreateTenantBodySchema } from '../schemas/tenant.schemas.ts';
import { createTenant } from '../use-cases/create-tenant.ts';
import { StaffEmail } from '../schemas/staff.schemas.ts';
import { inviteFirstOwner } from '../use-cases/staff/invite-first-owner.ts';

const USAGE = `Usage: npm run tenant:create -- --name "Studio" --timezone Europe/Berlin [--currency EUR] [--slug studio] [--allowed-origin https://studio.example]… [--owner-email ana@studio.example [--owner-name "Ana"]]

Creates a tenant in DATABASE_URL (or the local embedded database) and prints it with its keys as JSON.
With --owner-email, its first owner is invited: the link goes through the outbox.`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      name: { type: 'string' },
      timezone: { type: 'string' },
      currency: { type: 'string' },
      slug: { type: 'string' },
      'allowed-origin': { type: 'string', multiple: true },
      'owner-email': { type: 'string' },
      'owner-name': { type: 'string' },
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
  const owner = values['owner-email'] ? StaffEmail.safeParse(values['owner-email']) : null;
  if (owner && !owner.success) {
    console.error(`--owner-email: ${owner.error.issues[0]?.message}`);
    return 2;
  }
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
    const created = await createTenant(db, body.data);
    const invited = owner?.data
      ? await inviteFirstOwner(
          db,
          created.tenant.id,
          { email: owner.data, name: values['owner-name'] ?? owner.data },
          { publicUrl: config.PUBLIC_URL, box: secretBoxOf(config), now: new Date() },
        )
      : null;
    console.log(JSON.stringify({ ...created, owner: invited }, null, 2));
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
