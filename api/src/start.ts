import closeWithGrace from 'close-with-grace';
import { seedDemoTenant } from '../../prisma/seed.ts';
import { seedDemoOwner } from '../../prisma/seed-demo-owner.ts';
import { buildApp } from './app.ts';
import { examplesRoutes } from './http/routes/examples.routes.ts';
import { WIDGET_BUNDLE, WidgetBundle } from './http/routes/widget-script.routes.ts';
import { localEncryptionKey } from './adapters/crypto/local-key.ts';
import { openLocalDatabase } from './adapters/db/local-database.ts';
import { migrate } from './adapters/db/migrate.ts';
import { createPrismaClient, tenantLogin } from './adapters/db/prisma-client.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { JOB_FEATURES } from './jobs/features.ts';
import { startWorker, type Worker } from './jobs/worker.ts';

/**
 * `npm start`: everything on one machine. The database (DATABASE_URL, else an
 * embedded PostgreSQL), its migrations, the demo tenant, then the API.
 */
async function main() {
  // Quiet by default, so the banner stays the last thing printed; LOG_LEVEL=info shows every request.
  const given = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
  const database = await openLocalDatabase(given.DATABASE_URL, { announce: true });
  // Locally, a kept key seals stored secrets, and links point at this machine.
  const config = loadConfig({
    LOG_LEVEL: 'warn',
    ENCRYPTION_KEY: localEncryptionKey(database.stateDir),
    PUBLIC_URL: `http://${given.HOST === '0.0.0.0' ? '127.0.0.1' : given.HOST}:${given.PORT}`,
    ...process.env,
  });
  let worker: Worker | null = null;
  let stopping = false;
  const stopDatabase = async () => {
    if (stopping) return;
    stopping = true;
    await database.stop();
  };

  try {
    await migrate(database.url);
    const app = await buildApp(config, { db: createPrismaClient(database.url, tenantLogin(config)) });
    closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
      if (err) app.log.error({ err }, 'closing after an error');
      else app.log.info({ signal }, 'closing');
      await worker?.stop(5_000);
      await app.close();
      await stopDatabase();
    });
    let publishableKey = '';
    const widget = new WidgetBundle(WIDGET_BUNDLE);
    await app.register(examplesRoutes, {
      publishableKey: () => publishableKey,
      widgetUrl: () => widget.url(),
    });
    const keys = await seedDemoTenant(app, app.db, database.stateDir);
    publishableKey = keys.publishable;
    const owner = await seedDemoOwner(app.db, database.stateDir);
    const address = await app.listen({ port: config.PORT, host: config.HOST });
    if (config.WORKER === 'on') {
      worker = await startWorker({
        connectionString: database.url,
        db: app.db,
        config,
        log: app.log,
        features: JOB_FEATURES,
        now: app.now,
      });
    }
    console.log(
      [
        '',
        'MAIS Scheduling is running.',
        `  API:              ${address}`,
        `  API docs:         ${address}/docs`,
        `  Example pages:    ${address}/examples/`,
        `  Database:         ${database.description}`,
        `  Payments:         ${paymentMode(config)}`,
        `  Jobs:             ${config.WORKER === 'on' ? 'in this process (reminders, emails, calendar sync)' : 'off (WORKER=off: run npm run worker)'}`,
        `  Email:            ${config.POSTMARK_SERVER_TOKEN ? `Postmark, from ${config.POSTMARK_FROM}` : 'not sent (set POSTMARK_SERVER_TOKEN); GET /v1/tenant-admin/outbox shows what would go'}`,
        '  Demo tenant:      Demo Studio (slug "demo")',
        `  Booking page:     ${config.PUBLIC_URL ?? address}/book/demo`,
        `  Publishable key:  ${keys.publishable}`,
        `  Secret key:       ${keys.secret}`,
        `  Demo owner:       ${owner.email} / ${owner.password} (POST /v1/auth/sessions)`,
        '',
        `  Try: curl -H "x-tenant-key: ${keys.publishable}" ${address}/v1/public/services`,
        '',
        `  Logs: ${config.LOG_LEVEL === 'warn' ? 'warnings and errors only (LOG_LEVEL=info npm start shows every request)' : `level ${config.LOG_LEVEL}`}. Stop with Ctrl+C.`,
        '',
      ].join('\n'),
    );
  } catch (error) {
    await stopDatabase();
    throw error;
  }
}

/** How clients pay for paid services on this platform, for the banner. */
function paymentMode(config: Config): string {
  const key = config.STRIPE_SECRET_KEY;
  if (!key) return 'at the appointment (set STRIPE_SECRET_KEY for cards)';
  const mode = key.split('_')[1] === 'live' ? 'live mode' : 'test mode';
  return `Stripe (${mode}) — cards charged on each tenant's connected account`;
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
