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

/**
 * GET /locales/<lang>.<hash>.js and GET /chunks/<name>.<hash>.js: the widget's languages besides
 * English and its payment step, loaded on demand.
 */

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const db = createPrismaClient('postgresql://unused@127.0.0.1:1/none');
afterAll(() => db.$disconnect());

// A stand-in for a built table: an ES module of some KB (compressed only from 1 KB on).
const dir = mkdtempSync(path.join(os.tmpdir(), 'mais-locales-'));
const FILE = 'es.0123abcd.js';
const TABLE = `export default {$code:"es",${Array.from({ length: 80 }, (_, i) => `k${i}:"Texto número ${i}"`).join(',')}};`;
mkdirSync(path.join(dir, 'locales'));
writeFileSync(path.join(dir, 'locales', FILE), TABLE);
// A stand-in for the payment step's chunk.
const CHUNK = 'payment-form.89abcdef.js';
const CHUNK_CODE = `export function startPayment(){${'/* Stripe.js loader */'.repeat(60)}}`;
mkdirSync(path.join(dir, 'chunks'));
writeFileSync(path.join(dir, 'chunks', CHUNK), CHUNK_CODE);
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

describe('GET /chunks/:file', () => {
  it('serves a chunk with the language files’ headers (any page may import it, cached for a year), compressed when asked', async () => {
    for (const url of [`/chunks/${CHUNK}`, `/chunks/${CHUNK}?retry=2`]) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(response.headers['access-control-allow-origin']).toBe('*');
      expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin');
      expect(response.body).toBe(CHUNK_CODE);
    }
    const gzip = await app.inject({
      method: 'GET',
      url: `/chunks/${CHUNK}`,
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzip.rawPayload).toString()).toBe(CHUNK_CODE);
  });

  it('answers 404 for other names, and for a language file asked under chunks/ (and the reverse)', async () => {
    for (const url of [
      '/chunks/payment-form.ffffffff.js',
      '/chunks/payment-form.js',
      `/chunks/${FILE}`,
      `/locales/${CHUNK}`,
      '/chunks/Payment.89abcdef.js',
    ]) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.json().error.code, url).toBe('not_found');
      expect(response.headers['access-control-allow-origin'], url).toBe('*');
      expect(response.headers['cache-control'], url).toBe('no-store');
    }
  });

  it('refuses paths out of the folder', async () => {
    for (const url of [
      '/chunks/..%2Fsecret.js',
      '/chunks/..%2Flocales%2Fes.0123abcd.js',
      '/chunks/%2E%2E%2Fsecret.js',
      '/chunks/../secret.js',
    ]) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.body, url).not.toContain('SECRET-CONTENT');
    }
  });
});

describe('the built widget', () => {
  const dist = path.dirname(WIDGET_BUNDLE);

  beforeAll(() => {
    // From turbo's cache when the widget is unchanged (under a second), else a real build.
    const build = spawnSync('node', ['scripts/build-bundles.mjs'], { cwd: ROOT, encoding: 'utf8' });
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

  it('leaves the payment step and Stripe.js’s loader out of widget.js, in chunks/payment-form.<hash>.js, which widget.js names', async () => {
    const widget = readFileSync(WIDGET_BUNDLE, 'utf8');
    const esm = readFileSync(path.join(dist, 'widget.esm.js'), 'utf8');
    for (const bundle of [widget, esm]) {
      expect(bundle).not.toContain('js.stripe.com');
      expect(bundle).not.toContain('confirmPayment({');
    }
    const files = readdirSync(path.join(dist, 'chunks'));
    const chunk = files.find((file) => /^payment-form\.[0-9a-f]{8}\.js$/.test(file));
    expect(chunk, files.join(', ')).toBeDefined();
    const code = readFileSync(path.join(dist, 'chunks', chunk!), 'utf8');
    expect(code).toContain('https://js.stripe.com');
    expect(code).toMatch(/export\s*\{[^}]*\bas startPayment\b/);
    // Standalone: no second copy of Lit or of the SDK, nothing imported.
    expect(code).not.toMatch(/\bimport\b/);
    for (const marker of [
      'litElementVersions',
      'reactiveElementVersions',
      'idempotency-key',
      'x-manage-token',
    ])
      expect(code).not.toContain(marker);
    expect(widget).toContain(JSON.stringify(chunk));
    expect(esm).toContain(`import("./chunks/${chunk}")`);

    const served = await buildApp(loadConfig({ LOG_LEVEL: 'silent' }), { db });
    const response = await served.inject({ method: 'GET', url: `/chunks/${chunk}` });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(code);
    await served.close();
  });
});
