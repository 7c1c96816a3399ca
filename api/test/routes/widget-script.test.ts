import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createPrismaClient } from '../../src/adapters/db/prisma-client.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'mais-widget-'));
const db = createPrismaClient('postgresql://unused@127.0.0.1:1/none');
afterAll(() => db.$disconnect());

describe('GET /widget.js', () => {
  it('serves the built bundle as JavaScript any site may load', async () => {
    const bundle = path.join(dir, 'widget.js');
    writeFileSync(bundle, 'console.log("mais")');
    const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent' }), { db, widgetBundlePath: bundle });
    const response = await app.inject({ method: 'GET', url: '/widget.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(response.body).toBe('console.log("mais")');
  });

  it('says how to build it when it is missing', async () => {
    const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent' }), {
      db,
      widgetBundlePath: path.join(dir, 'missing.js'),
    });
    const response = await app.inject({ method: 'GET', url: '/widget.js' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.message).toContain('npm run build -w @mais/widget');
  });
});
