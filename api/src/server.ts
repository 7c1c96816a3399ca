import { setTimeout } from 'node:timers/promises';
import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.ts';
import { createPrismaClient, tenantLogin } from './adapters/db/prisma-client.ts';
import { ConfigError, loadConfig } from './config.ts';
import { JOB_FEATURES } from './jobs/features.ts';
import { startWorker } from './jobs/worker.ts';

/**
 * The production entry point (`npm run serve`): serves the API on DATABASE_URL. Run as many as
 * wanted behind a load balancer; nothing correct lives in process memory (api/README.md,
 * "Scaling"). Migrations are applied separately (`npm run migrate -w @mais/api`) so that several
 * servers can start without racing; `npm start` (start.ts) does everything locally. Jobs run in
 * `npm run worker` processes: here only with WORKER=on.
 *
 * On SIGTERM or SIGINT: GET /ready answers 503 `draining` for DRAIN_SECONDS while requests are
 * still served, so the load balancer stops sending new ones; then the server stops accepting,
 * finishes what it has, and exits.
 */
async function main() {
  const config = loadConfig({ WORKER: 'off', ...process.env });
  if (!config.DATABASE_URL)
    throw new ConfigError('Invalid configuration:\n  DATABASE_URL: is required by server.ts');
  const app = await buildApp(config, { db: createPrismaClient(config.DATABASE_URL, tenantLogin(config)) });
  // Jobs run here too unless WORKER=off (API processes beside separate `npm run worker` ones).
  const worker =
    config.WORKER === 'on'
      ? await startWorker({
          connectionString: config.DATABASE_URL,
          db: app.db,
          config,
          log: app.log,
          features: JOB_FEATURES,
        })
      : null;
  closeWithGrace({ delay: config.DRAIN_SECONDS * 1000 + 10_000 }, async ({ signal, err }) => {
    if (err) {
      app.log.error({ err }, 'closing after an error');
    } else {
      app.log.info({ signal, drainSeconds: config.DRAIN_SECONDS }, 'draining');
      app.lifecycle.draining = true;
      await setTimeout(config.DRAIN_SECONDS * 1000);
      app.log.info('closing');
    }
    await worker?.stop(8_000);
    await app.close();
  });
  await app.listen({ port: config.PORT, host: config.HOST });
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
