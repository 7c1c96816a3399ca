import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { createPrismaClient } from '../../src/adapters/db/prisma-client.ts';
import { loadConfig } from '../../src/config.ts';
import { examplesRoutes } from '../../src/http/routes/examples.routes.ts';

const db = createPrismaClient('postgresql://unused@127.0.0.1:1/none');
afterAll(() => db.$disconnect());

describe('/examples/ (npm start only)', async () => {
  const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent' }), { db });
  await app.register(examplesRoutes, {
    publishableKey: () => 'pk_test_demo_0123456789ABCDEFGHIJKLMNOPQRSTUV',
    widgetUrl: async () => '/widget.0123456789ab.js',
  });

  it('lists the example pages', async () => {
    const response = await app.inject({ method: 'GET', url: '/examples/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('href="/examples/inline/"');
    expect(response.body).toContain('href="/examples/popup/"');
  });

  it('fills in the demo key and loads the widget from this server', async () => {
    const response = await app.inject({ method: 'GET', url: '/examples/inline/' });
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toContain('data-tenant-key="pk_test_demo_0123456789ABCDEFGHIJKLMNOPQRSTUV"');
    // The versioned, long-cached URL of the widget.
    expect(response.body).toContain('src="/widget.0123456789ab.js"');
    expect(response.body).not.toContain('{{');
  });

  it('answers 404 for anything else', async () => {
    for (const url of ['/examples/nope/', '/examples/node/', '/examples/..%2F..%2Fpackage.json/']) {
      expect((await app.inject({ method: 'GET', url })).statusCode, url).toBe(404);
    }
  });
});
