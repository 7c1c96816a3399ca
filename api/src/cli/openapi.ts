import { buildApp } from '../app.ts';
import { createPrismaClient } from '../adapters/db/prisma-client.ts';
import { loadConfig } from '../config.ts';

/**
 * `npx tsx src/cli/openapi.ts`: prints the OpenAPI document as JSON, without a database.
 * Prisma connects lazily, so a client pointed at a closed port is never used. The SDK's
 * `npm run generate` commits this output as sdk/openapi.json and derives its types from it.
 */
async function main() {
  const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent' }), {
    db: createPrismaClient('postgresql://unused@127.0.0.1:1/none'),
  });
  try {
    await app.ready();
    process.stdout.write(`${JSON.stringify(app.swagger(), null, 2)}\n`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
