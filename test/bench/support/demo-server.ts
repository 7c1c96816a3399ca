/**
 * The server the first-slots benchmark measures, as a child process of it: what `npm start` serves
 * (the API, /widget.js, /examples/ with the demo tenant) on a throwaway embedded PostgreSQL, put
 * together from the same pieces as test/e2e/serve.ts, plus one page, /bench/first-slots/: the inline
 * example with the widget's `service` attribute set. It writes nothing into the repository (serve.ts
 * writes test-results/e2e/server.json, which an end-to-end run of someone else may be reading).
 *
 * Once listening it prints one JSON line on stdout: { baseUrl, pageUrl, service, widgetUrl }.
 * SIGTERM or SIGINT: closes the app, stops PostgreSQL and deletes its data.
 *
 * Environment: BENCH_PORT (default 0: a free port), BENCH_SERVICE (the demo service's name,
 * default "Haircut"; the first service if no service has that name).
 */
import { chmodSync, copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { seedDemoTenant } from '../../../prisma/seed.ts';
import { buildApp } from '../../../api/src/app.ts';
import { startEmbeddedPostgres } from '../../../api/src/adapters/db/embedded-postgres.ts';
import { migrate } from '../../../api/src/adapters/db/migrate.ts';
import { createPrismaClient } from '../../../api/src/adapters/db/prisma-client.ts';
import { loadConfig } from '../../../api/src/config.ts';
import { examplesRoutes } from '../../../api/src/http/routes/examples.routes.ts';
import { WIDGET_BUNDLE, WidgetBundle } from '../../../api/src/http/routes/widget-script.routes.ts';

const BENCH_PAGE = '/bench/first-slots/';

export interface DemoServerInfo {
  baseUrl: string;
  pageUrl: string;
  service: { id: string; name: string };
  widgetUrl: string;
  /** When widget/dist/widget.js was built (the bundle measured). */
  widgetBuiltAt: string;
}

async function main() {
  // PostgreSQL runs as user "postgres" when we are root: the folder must be enterable by others.
  const tempDir = mkdtempSync(path.join(os.tmpdir(), 'mais-bench-slots-'));
  chmodSync(tempDir, 0o755);
  process.on('exit', () => rmSync(tempDir, { recursive: true, force: true }));
  const database = await startEmbeddedPostgres({
    dataDir: path.join(tempDir, 'postgres'),
    persistent: false,
  });
  const url = new URL(database.adminUrl);
  url.pathname = '/mais_bench';
  const databaseUrl = url.toString();

  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await app?.close().catch(() => undefined);
    await database.stop().catch(() => undefined);
    rmSync(tempDir, { recursive: true, force: true });
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => void stop().then(() => process.exit(0)));
  }

  try {
    const admin = new pg.Client({ connectionString: database.adminUrl });
    await admin.connect();
    await admin.query('CREATE DATABASE mais_bench');
    await admin.end();
    await migrate(databaseUrl);

    const config = loadConfig({ LOG_LEVEL: 'warn', PUBLIC_RATE_LIMIT_PER_MINUTE: '100000' });
    // A copy of the bundle: a rebuild of widget/dist during the runs (by someone else's npm start or
    // tests) would otherwise change its hashed URL under the page and turn every load into a redirect.
    const bundlePath = path.join(tempDir, 'widget.js');
    const widgetBuiltAt = statSync(WIDGET_BUNDLE).mtime.toISOString();
    copyFileSync(WIDGET_BUNDLE, bundlePath);
    app = await buildApp(config, { db: createPrismaClient(databaseUrl), widgetBundlePath: bundlePath });
    let publishableKey = '';
    const widget = new WidgetBundle(bundlePath);
    await app.register(examplesRoutes, {
      publishableKey: () => publishableKey,
      widgetUrl: () => widget.url(),
    });
    // The inline example as served, with the service preselected: same HTML, same script tag.
    let page = '';
    app.get(BENCH_PAGE, { schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/html; charset=utf-8').send(page),
    );
    const keys = await seedDemoTenant(app, app.db, tempDir);
    publishableKey = keys.publishable;
    const service = await pickService(app, keys.publishable, process.env.BENCH_SERVICE ?? 'Haircut');
    const example = await app.inject({ method: 'GET', url: '/examples/inline/' });
    page = example.body.replace('<mais-booking>', `<mais-booking service="${service.id}">`);
    if (example.statusCode !== 200 || page === example.body) {
      throw new Error('examples/inline/index.html has no <mais-booking> to preselect a service in.');
    }

    const address = await app.listen({ port: Number(process.env.BENCH_PORT ?? 0), host: '127.0.0.1' });
    const info: DemoServerInfo = {
      baseUrl: address,
      pageUrl: `${address}${BENCH_PAGE}`,
      service,
      widgetUrl: await widget.url(),
      widgetBuiltAt,
    };
    console.log(JSON.stringify(info));
  } catch (error) {
    await stop();
    throw error;
  }
}

async function pickService(
  app: Awaited<ReturnType<typeof buildApp>>,
  publishableKey: string,
  name: string,
): Promise<{ id: string; name: string }> {
  const answer = await app.inject({
    method: 'GET',
    url: '/v1/public/services',
    headers: { 'x-tenant-key': publishableKey },
  });
  const { data } = answer.json<{ data: Array<{ id: string; name: string }> }>();
  const service = data.find((candidate) => candidate.name === name) ?? data[0];
  if (!service) throw new Error('The demo tenant has no services.');
  return { id: service.id, name: service.name };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
