import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
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

  it('revalidates the plain URL with an ETag, and serves the versioned URL as immutable', async () => {
    const bundle = path.join(dir, 'versioned.js');
    writeFileSync(bundle, 'console.log("v1")');
    const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent' }), { db, widgetBundlePath: bundle });
    const plain = await app.inject({ method: 'GET', url: '/widget.js' });
    expect(plain.headers['cache-control']).toBe('public, max-age=300');
    const etag = String(plain.headers.etag);
    expect(etag).toMatch(/^"[0-9a-f]{12}"$/);
    const again = await app.inject({ method: 'GET', url: '/widget.js', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');

    const hash = etag.slice(1, -1);
    const versioned = await app.inject({ method: 'GET', url: `/widget.${hash}.js` });
    expect(versioned.statusCode).toBe(200);
    expect(versioned.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(versioned.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(versioned.body).toBe('console.log("v1")');

    // A new build: a new hash, the old ETag no longer matches, the old versioned URL redirects.
    writeFileSync(bundle, 'console.log("v2")');
    utimesSync(bundle, new Date(), new Date(Date.now() + 5_000));
    const rebuilt = await app.inject({
      method: 'GET',
      url: '/widget.js',
      headers: { 'if-none-match': etag },
    });
    expect(rebuilt.statusCode).toBe(200);
    expect(rebuilt.body).toBe('console.log("v2")');
    expect(rebuilt.headers.etag).not.toBe(etag);
    const stale = await app.inject({ method: 'GET', url: `/widget.${hash}.js` });
    expect(stale.statusCode).toBe(302);
    expect(stale.headers.location).toBe('/widget.js');
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
