import { migrate } from '../adapters/db/migrate.ts';
import { openLocalDatabase } from '../adapters/db/local-database.ts';
import { ConfigError, loadConfig } from '../config.ts';

/** `npm run migrate -w @mais/api`: applies pending migrations to DATABASE_URL (or the local embedded database). */
async function main() {
  const config = loadConfig();
  const database = await openLocalDatabase(config.DATABASE_URL);
  try {
    const result = await migrate(database.url);
    console.log(
      JSON.stringify({
        database: database.description,
        applied: result.applied,
        alreadyApplied: result.alreadyApplied,
      }),
    );
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
