import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { createPrismaClient } from '../../src/adapters/db/prisma-client.ts';
import { loadConfig } from '../../src/config.ts';
import { WIDGET_BUNDLE } from '../../src/http/routes/widget-script.routes.ts';

/** GET /locales/<lang>.<hash>.js: the widget's languages besides English, loaded on demand. */

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const db = createPrismaClient('postgresql://unused@127.0.0.1:1/none');
afterAll(() => db.$disconnect());

// A stand-in for a built table: an ES module of some KB (compressed only from 1 KB on).
const dir = mkdtempSync(path.join(os.tmpdir(), 'mais-locales-'));
const FILE = 'es.0123abcd.js';
const TABLE = `export default {$code:"es",${Array.from({ length: 80 }, (_, i) => `k${i}:"Texto número ${i}"`).join(',')}};`;
mkdirSync(path.join(dir, 'locales'));
writeFileSync(path.join(dir, 'locales', FILE), TABLE);
// Beside locales/, out of the served folder: what a path traversal would be after.
writeFileSync(path.join(dir, 'secret.js'), 'export default "SECRET-CONTENT";');

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildApp(loadConfig({ LOG_LEVEL: 'silent' }), {
    db,
    widgetBundlePath: path.join(dir, 'widget.js'),
  });
});
afterAll(() => app?.close());

describe('GET /locales/:file', () => {
  it('serves a language file as JavaScript any page may import, cached for a year', async () => {
    const response = await app.inject({ method: 'GET', url: `/locales/${FILE}` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body).toBe(TABLE);
  });

  it('compresses it, br or gzip, when asked', async () => {
    const br = await app.inject({
      method: 'GET',
      url: `/locales/${FILE}`,
      headers: { 'accept-encoding': 'br' },
    });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(TABLE.length / 2);
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(TABLE);
    const gzip = await app.inject({
      method: 'GET',
      url: `/locales/${FILE}`,
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzip.rawPayload).toString()).toBe(TABLE);
  });

  it('answers an unknown file 404 in the error shape, with CORS so the widget sees why', async () => {
    for (const url of ['/locales/es.ffffffff.js', '/locales/xx.0123abcd.js', '/locales/es.js']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.json().error.code, url).toBe('not_found');
      expect(response.headers['access-control-allow-origin'], url).toBe('*');
      expect(response.headers['cache-control'], url).toBe('no-store');
    }
  });

  it('refuses paths out of the folder', async () => {
    for (const url of [
      '/locales/..%2Fsecret.js',
      '/locales/..%2F..%2Fpackage.json',
      '/locales/%2E%2E%2Fsecret.js',
      '/locales/..%5Csecret.js',
      '/locales/../secret.js',
    ]) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.body, url).not.toContain('SECRET-CONTENT');
      expect(Object.keys(response.json().error), url).toEqual(['code', 'message']);
    }
  });
});

describe('the built widget', () => {
  const dist = path.dirname(WIDGET_BUNDLE);

  beforeAll(() => {
    // From turbo's cache when the widget is unchanged (under a second), else a real build.
    const build = spawnSync('node', ['scripts/build-widget.mjs'], { cwd: ROOT, encoding: 'utf8' });
    expect(build.status, `${build.stdout}${build.stderr}`).toBe(0);
  }, 180_000);

  it('leaves Spanish out of widget.js and builds it to locales/es.<hash>.js, which widget.js names', async () => {
    const widget = readFileSync(WIDGET_BUNDLE, 'utf8');
    const esm = readFileSync(path.join(dist, 'widget.esm.js'), 'utf8');
    // Texts only es.ts has.
    for (const spanish of ['Elige un servicio', 'Cualquiera disponible', 'Reservar una cita']) {
      expect(widget).not.toContain(spanish);
      expect(esm).not.toContain(spanish);
    }
    expect(widget).toContain('Choose a service');

    const files = readdirSync(path.join(dist, 'locales'));
    const es = files.find((file) => /^es\.[0-9a-f]{8}\.js$/.test(file));
    expect(es, files.join(', ')).toBeDefined();
    const table = readFileSync(path.join(dist, 'locales', es!), 'utf8');
    expect(table).toContain('Elige un servicio');
    expect(table).toMatch(/export\s*\{[^}]*\bas default\b/);
    expect(table).not.toMatch(/\bimport\b/); // standalone: it pulls nothing else in
    expect(widget).toContain(JSON.stringify(es));
    expect(esm).toContain(`import("./locales/${es}")`);

    // And the API serves the real file.
    const served = await buildApp(loadConfig({ LOG_LEVEL: 'silent' }), { db });
    const response = await served.inject({ method: 'GET', url: `/locales/${es}` });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(table);
    await served.close();
    expect(existsSync(path.join(dist, 'locales', es!))).toBe(true);
  });
});
