import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { seedDemoOwner } from '../../prisma/seed-demo-owner.ts';
import { seedDemoTenant } from '../../prisma/seed.ts';
import { buildApp } from '../../api/src/app.ts';
import { startEmbeddedPostgres } from '../../api/src/adapters/db/embedded-postgres.ts';
import { migrate } from '../../api/src/adapters/db/migrate.ts';
import { createPrismaClient } from '../../api/src/adapters/db/prisma-client.ts';
import { loadConfig } from '../../api/src/config.ts';
import { examplesRoutes } from '../../api/src/http/routes/examples.routes.ts';
import { WIDGET_BUNDLE, WidgetBundle } from '../../api/src/http/routes/widget-script.routes.ts';
import { startFakeStripe } from '../fakes/stripe/index.ts';
import { E2E_RESULTS } from './support/results-dir.ts';

/**
 * The server the end-to-end tests run against (Playwright's webServer): what
 * `npm start` serves (the API, /widget.js and /examples/ with the demo tenant),
 * but on a throwaway embedded PostgreSQL, so every run starts from the seed.
 * It leaves the demo keys and the database URL in test-results/e2e/server.json
 * for the tests, which check what was stored.
 *
 * Card payments go to a fake Stripe (test/fakes/stripe) on a free port, through the real stripe
 * client. The demo tenant is not connected to it here, so paid services are booked as holds as
 * before; payment.spec.ts connects the tenant to the account made below for its own tests.
 */

const SERVER_INFO = path.join(E2E_RESULTS, 'server.json');

async function main() {
  const port = Number(process.env.E2E_PORT ?? 4319);
  rmSync(SERVER_INFO, { force: true }); // never leave the tests a previous run's keys
  // PostgreSQL runs as user "postgres" when we are root: the folder must be enterable by others.
  const tempDir = mkdtempSync(path.join(os.tmpdir(), 'mais-e2e-'));
  chmodSync(tempDir, 0o755);
  // On exit, however it comes: embedded-postgres's own exit hook may end the process before `stop` does.
  process.on('exit', () => rmSync(tempDir, { recursive: true, force: true }));
  const database = await startEmbeddedPostgres({
    dataDir: path.join(tempDir, 'postgres'),
    persistent: false,
  });
  const url = new URL(database.adminUrl);
  url.pathname = '/mais_e2e';
  const databaseUrl = url.toString();

  const stripe = await startFakeStripe({ webhookSecret: 'whsec_e2e' });
  const stripeAccount = stripe.createAccount({
    chargesEnabled: true,
    defaultCurrency: 'eur',
    country: 'DE',
  }).id;

  let stopped = false;
  const stop = async (app?: { close(): Promise<unknown> }) => {
    if (stopped) return;
    stopped = true;
    await app?.close().catch(() => undefined);
    await stripe.close().catch(() => undefined);
    await database.stop().catch(() => undefined);
    rmSync(tempDir, { recursive: true, force: true });
  };

  try {
    const admin = new pg.Client({ connectionString: database.adminUrl });
    await admin.connect();
    await admin.query('CREATE DATABASE mais_e2e');
    await admin.end();
    await migrate(databaseUrl);

    const config = loadConfig({
      LOG_LEVEL: 'warn',
      PUBLIC_RATE_LIMIT_PER_MINUTE: '100000',
      PORT: String(port),
      STRIPE_SECRET_KEY: 'sk_test_e2e',
      STRIPE_PUBLISHABLE_KEY: 'pk_test_e2e',
      STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
      STRIPE_API_BASE: stripe.url,
      // The hosted booking page (/book/demo) keeps its key sealed, and its origin is the API's own.
      ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64'),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
    });
    const app = await buildApp(config, {
      db: createPrismaClient(databaseUrl),
      ...(process.env.ADMIN_DIST ? { consoleDistDir: path.resolve(process.env.ADMIN_DIST) } : {}),
    });
    let publishableKey = '';
    const widget = new WidgetBundle(WIDGET_BUNDLE);
    await app.register(examplesRoutes, {
      publishableKey: () => publishableKey,
      widgetUrl: () => widget.url(),
    });
    const keys = await seedDemoTenant(app, app.db, tempDir);
    publishableKey = keys.publishable;
    const owner = await seedDemoOwner(app.db, tempDir);

    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        void stop(app).then(() => process.exit(0));
      });
    }
    const address = await app.listen({ port, host: '127.0.0.1' });
    mkdirSync(path.dirname(SERVER_INFO), { recursive: true });
    writeFileSync(
      SERVER_INFO,
      `${JSON.stringify(
        {
          baseUrl: address,
          databaseUrl,
          publishableKey: keys.publishable,
          secretKey: keys.secret,
          owner,
          stripe: { url: stripe.url, secretKey: 'sk_test_e2e', account: stripeAccount },
        },
        null,
        2,
      )}\n`,
    );
    console.log(`e2e server on ${address}`);
  } catch (error) {
    await stop();
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
