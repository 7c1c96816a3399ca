import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { findActiveKeyByHash } from '../api/src/adapters/db/repositories/api-key-lookup.ts';
import { insertApiKey } from '../api/src/adapters/db/repositories/api-keys.repository.ts';
import type { Db } from '../api/src/adapters/db/prisma-client.ts';
import { hashApiKey } from '../api/src/domain/tenancy/api-key.ts';
import { createTenant } from '../api/src/use-cases/create-tenant.ts';

/**
 * The demo tenant that `npm start` shows: a small hair and yoga studio in
 * Berlin with 3 services, 2 providers, a room, weekly hours, a cancellation
 * policy and intake questions. It is built through the admin API itself
 * (app.inject), so the seed exercises the same validation as any client.
 *
 * Keys are stored only as hashes, so the demo's keys are kept beside the local
 * database (<state>/demo-keys.json, git-ignored) to be printed on every start.
 */

export const DEMO_SLUG = 'demo';

export interface DemoKeys {
  publishable: string;
  secret: string;
}

export async function seedDemoTenant(app: FastifyInstance, db: Db, stateDir: string): Promise<DemoKeys> {
  const keysFile = path.join(stateDir, 'demo-keys.json');
  const existing = await db.tenant.findUnique({ where: { slug: DEMO_SLUG } });
  if (existing) {
    const saved = readKeys(keysFile);
    if (saved && (await keysStillWork(db, saved))) return saved;
    // The tenant exists but its keys were lost (another checkout, or revoked): issue a new pair.
    const keys = await db.$transaction(async (tx) => ({
      publishable: (
        await insertApiKey(tx, existing, { kind: 'PUBLISHABLE', mode: 'TEST', name: 'npm start' })
      ).key,
      secret: (await insertApiKey(tx, existing, { kind: 'SECRET', mode: 'TEST', name: 'npm start' })).key,
    }));
    saveKeys(keysFile, keys);
    return keys;
  }

  const { tenant, keys } = await createTenant(db, {
    name: 'Demo Studio',
    slug: DEMO_SLUG,
    timezone: 'Europe/Berlin',
    currency: 'EUR',
    allowedOrigins: [],
    branding: { primaryColor: '#3b5bdb', theme: 'auto' },
  });
  try {
    await buildCatalog(app, keys.secret);
  } catch (error) {
    // Leave no half-built demo behind: the next start tries again from scratch.
    await db.tenant.delete({ where: { id: tenant.id } });
    throw error;
  }
  saveKeys(keysFile, keys);
  return keys;
}

async function buildCatalog(app: FastifyInstance, secretKey: string): Promise<void> {
  const call = async <T = { id: string }>(
    method: 'POST' | 'PUT' | 'PATCH',
    url: string,
    payload: unknown,
  ): Promise<T> => {
    const response = await app.inject({
      method,
      url: `/v1/tenant-admin${url}`,
      headers: { authorization: `Bearer ${secretKey}` },
      payload: payload as object,
    });
    if (response.statusCode >= 300) {
      throw new Error(`Seeding ${method} ${url} failed (${response.statusCode}): ${response.body}`);
    }
    return response.json() as T;
  };
  // Links in the demo's emails open the example booking page (where the manage link works).
  const publicUrl = app.config.PUBLIC_URL;
  if (publicUrl) await call('PATCH', '/tenant', { bookingPageUrl: `${publicUrl}/examples/inline/` });

  const room = await call('POST', '/resources', { name: 'Studio room', kind: 'room', capacity: 1 });
  const haircut = await call('POST', '/services', {
    name: 'Haircut',
    description: 'Wash, cut and style.',
    durationMinutes: 45,
    bufferAfterMinutes: 15,
    slotIntervalMinutes: 30,
    minimumNoticeMinutes: 120,
    priceBaseCents: 3500,
    sortOrder: 1,
  });
  const colour = await call('POST', '/services', {
    name: 'Colour & style',
    description: 'Full colour with a cut. A 30% deposit holds your time.',
    durationMinutes: 120,
    bufferBeforeMinutes: 10,
    bufferAfterMinutes: 20,
    slotIntervalMinutes: 60,
    minimumNoticeMinutes: 24 * 60,
    priceBaseCents: 12000,
    paymentMode: 'DEPOSIT',
    depositPercent: 30,
    sortOrder: 2,
  });
  const yoga = await call('POST', '/services', {
    name: 'Morning yoga class',
    description: 'A gentle 60-minute class for up to 8 people.',
    durationMinutes: 60,
    slotIntervalMinutes: 60,
    capacity: 8,
    priceBaseCents: 1500,
    paymentMode: 'FULL',
    resourceIds: [room.id],
    sortOrder: 3,
  });

  const alex = await call('POST', '/providers', {
    name: 'Alex Rivera',
    email: 'alex@demo-studio.example',
    timezone: 'Europe/Berlin',
  });
  const sam = await call('POST', '/providers', {
    name: 'Sam Chen',
    email: 'sam@demo-studio.example',
    timezone: 'Europe/Berlin',
  });
  await call('PUT', `/providers/${alex.id}/services`, [
    { serviceId: haircut.id },
    { serviceId: colour.id, priceOverrideCents: 14000 },
  ]);
  await call('PUT', `/providers/${sam.id}/services`, [{ serviceId: haircut.id }, { serviceId: yoga.id }]);

  const weekdays = [1, 2, 3, 4, 5];
  await call('PUT', `/providers/${alex.id}/availability`, [
    ...weekdays.map((dayOfWeek) => ({ dayOfWeek, startTime: '09:00', endTime: '17:00' })),
    { dayOfWeek: 6, startTime: '10:00', endTime: '14:00' },
  ]);
  await call(
    'PUT',
    `/providers/${sam.id}/availability`,
    weekdays.flatMap((dayOfWeek) => [
      { dayOfWeek, startTime: '07:00', endTime: '12:00' },
      { dayOfWeek, startTime: '13:00', endTime: '18:00' },
    ]),
  );

  await call('PUT', '/cancellation-policy', {
    tiers: [
      { hoursBeforeStart: 24, feePercentage: 50 },
      { hoursBeforeStart: 2, feePercentage: 100 },
    ],
  });
  await call('PUT', `/services/${colour.id}/intake-fields`, [
    { label: 'Hair length', fieldType: 'SELECT', required: true, options: ['Short', 'Medium', 'Long'] },
    { label: 'Anything we should know?', fieldType: 'TEXTAREA', required: false },
  ]);
  await call('PUT', `/services/${yoga.id}/intake-fields`, [
    { label: 'First class with us', fieldType: 'CHECKBOX', required: false },
  ]);
}

function readKeys(file: string): DemoKeys | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as DemoKeys;
  } catch {
    return undefined;
  }
}

function saveKeys(file: string, keys: DemoKeys): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
}

async function keysStillWork(db: Db, keys: DemoKeys): Promise<boolean> {
  const now = new Date();
  const [publishable, secret] = await Promise.all([
    findActiveKeyByHash(db, hashApiKey(keys.publishable), now),
    findActiveKeyByHash(db, hashApiKey(keys.secret), now),
  ]);
  return publishable?.tenant.slug === DEMO_SLUG && secret?.tenant.slug === DEMO_SLUG;
}
