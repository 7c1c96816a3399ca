import closeWithGrace from 'close-with-grace';
import { pino } from 'pino';
import { createPrismaClient, tenantLogin } from './adapters/db/prisma-client.ts';
import { ConfigError, loadConfig } from './config.ts';
import { secretSafeLogging } from './http/log-redaction.ts';
import { JOB_FEATURES } from './jobs/features.ts';
import { startWorker } from './jobs/worker.ts';

/**
 * `npm run worker`: the job runner alone, on DATABASE_URL, for production beside API processes
 * started with WORKER=off. Run as many as wanted: the dispatcher's cursor lock and pg-boss keep
 * them from doing the same work twice.
 */
async function main() {
  const config = loadConfig();
  if (!config.DATABASE_URL)
    throw new ConfigError('Invalid configuration:\n  DATABASE_URL: is required by the worker');
  const log = pino({ ...secretSafeLogging, level: config.LOG_LEVEL, name: 'worker' });
  const db = createPrismaClient(config.DATABASE_URL, tenantLogin(config));
  const worker = await startWorker({
    connectionString: config.DATABASE_URL,
    db,
    config,
    log,
    features: JOB_FEATURES,
  });
  log.info('worker started');
  closeWithGrace({ delay: 15_000 }, async ({ signal, err }) => {
    if (err) log.error({ err }, 'closing after an error');
    else log.info({ signal }, 'closing');
    await worker.stop(10_000);
    await db.$disconnect();
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
