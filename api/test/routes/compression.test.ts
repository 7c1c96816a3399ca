import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { createPrismaClient, type Db } from '../../src/adapters/db/prisma-client.ts';
import { loadConfig } from '../../src/config.ts';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookableService } from '../helpers/booking-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { createTestTenant } from '../helpers/test-app.ts';

/** Answers are compressed on the wire (br, else gzip) when the client accepts it, over real HTTP. */

let database: TestDatabase;
let db: Db;
let app: FastifyInstance;
let port: number;
let tenant: CreatedTenant;
let serviceId: string;
let bundleDir: string;
// A stand-in for the widget bundle: JavaScript with the repetition of real code, 40 KB.
const widget = Array.from(
  { length: 400 },
  (_, i) => `export function step${i}(state){return state.next("${randomBytes(4).toString('hex')}");}\n`,
).join('');

beforeAll(async () => {
  database = await createTestDatabase();
  db = createPrismaClient(database.url);
  bundleDir = mkdtempSync(path.join(os.tmpdir(), 'mais-compress-'));
  const bundlePath = path.join(bundleDir, 'widget.js');
  writeFileSync(bundlePath, widget);
  app = await buildApp(loadConfig({ LOG_LEVEL: 'silent' }), {
    db,
    widgetBundlePath: bundlePath,
    clock: () => new Date('2027-03-01T00:00:00Z'),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as AddressInfo).port;
  tenant = await createTestTenant(db);
  ({ serviceId } = await bookableService(app, tenant, { providers: 3 }));
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
  if (bundleDir) rmSync(bundleDir, { recursive: true, force: true });
});

interface WireAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The bytes as sent, before any decoding. */
  raw: Buffer;
  /** The body decoded according to content-encoding. */
  text: string;
}

/** A GET with exactly these headers (node:http adds no accept-encoding of its own, unlike fetch). */
function get(url: string, headers: Record<string, string> = {}): Promise<WireAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path: url, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const raw = Buffer.concat(chunks);
        const encoding = response.headers['content-encoding'];
        const decoded =
          encoding === 'br'
            ? zlib.brotliDecompressSync(raw)
            : encoding === 'gzip'
              ? zlib.gunzipSync(raw)
              : raw;
        resolve({
          status: response.statusCode!,
          headers: response.headers,
          raw,
          text: decoded.toString('utf8'),
        });
      });
    });
    request.on('error', reject);
  });
}

const availability = () =>
  `/v1/public/services/${serviceId}/availability?startDate=2027-03-02&endDate=2027-03-31&timezone=Europe/Berlin`;
const withKey = (headers: Record<string, string> = {}) => ({
  'x-tenant-key': tenant.keys.publishable,
  ...headers,
});

describe('compressed answers', () => {
  it('sends 30 days of availability in brotli to a client that accepts br and gzip, same JSON', async () => {
    const plain = await get(availability(), withKey());
    const br = await get(availability(), withKey({ 'accept-encoding': 'br, gzip' }));
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(plain.raw.toString('utf8')).slots.length).toBeGreaterThan(100);

    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/^application\/json/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.text).toBe(plain.raw.toString('utf8'));
    expect(br.raw.length).toBeLessThan(plain.raw.length / 5);
    // The CORS and request-id headers survive compression.
    expect(br.headers['x-request-id']).toBeTruthy();
  });

  it('falls back to gzip for a client that accepts only gzip', async () => {
    const plain = await get(availability(), withKey());
    const gzip = await get(availability(), withKey({ 'accept-encoding': 'gzip' }));
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.text).toBe(plain.raw.toString('utf8'));
  });

  it('answers plain without accept-encoding, with identity, and with encodings it does not offer', async () => {
    for (const accept of [undefined, 'identity', 'compress']) {
      const answer = await get(availability(), withKey(accept ? { 'accept-encoding': accept } : {}));
      expect(answer.status, `accept-encoding: ${accept}`).toBe(200);
      expect(answer.headers['content-encoding'], `accept-encoding: ${accept}`).toBeUndefined();
      expect(JSON.parse(answer.raw.toString('utf8')).slots.length).toBeGreaterThan(100);
    }
  });

  it('compresses /widget.js and keeps its headers', async () => {
    const plain = await get('/widget.js');
    const br = await get('/widget.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.raw.toString('utf8')).toBe(widget);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(br.headers['cache-control']).toBe('public, max-age=300');
    expect(br.text).toBe(widget);
    expect(br.raw.length).toBeLessThan(widget.length / 2);
  });

  it('leaves answers under 1 KB as they are (compressing them would save nothing)', async () => {
    const answer = await get('/v1/public/tenant', withKey({ 'accept-encoding': 'br, gzip' }));
    expect(answer.status).toBe(200);
    expect(answer.raw.length).toBeLessThan(1024);
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(answer.text).timezone).toBe('Europe/Berlin');
  });

  it('compresses answers to inject() as well (what the other route tests see)', async () => {
    const response = await app.inject({
      method: 'GET',
      url: availability(),
      headers: withKey({ 'accept-encoding': 'gzip' }),
    });
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(zlib.gunzipSync(response.rawPayload).toString('utf8')).slots.length).toBeGreaterThan(
      100,
    );
  });
});
