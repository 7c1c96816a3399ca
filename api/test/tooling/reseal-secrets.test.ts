import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEALED_COLUMNS, sealContexts, type SealedRow } from '../../src/adapters/crypto/sealed-columns.ts';
import { keyIdOf, SecretBox } from '../../src/adapters/crypto/secret-box.ts';
import { newSecretToken } from '../../src/adapters/crypto/staff-tokens.ts';
import { forTenant } from '../../src/adapters/db/tenant-scope.ts';
import { Prisma } from '../../src/generated/prisma/client.ts';
import { bookingPageKey } from '../../src/use-cases/booking-page-key.ts';
import { sealTokens } from '../../src/use-cases/calendar/google-credentials.ts';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { sealQuickBooksTokens } from '../../src/use-cases/quickbooks/quickbooks-credentials.ts';
import { bookableService, bookingBody } from '../helpers/booking-fixtures.ts';
import { admin, buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';

// Rotating ENCRYPTION_KEY: every sealed value the features store (through their own code, under
// the old key) is sealed again under the new one by `npm run secrets:reseal`, run twice at once
// as real processes; afterwards the new key alone opens each to what it was. Values under a key
// the process lacks are named by row and fail the run.

const OLD_KEY = Buffer.alloc(32, 1).toString('base64');
const NEW_KEY = Buffer.alloc(32, 2).toString('base64');
const THIRD_KEY = Buffer.alloc(32, 3).toString('base64');
const oldBox = new SecretBox(OLD_KEY);
const newBox = new SecretBox(NEW_KEY);

let t: TestApp;
let tenant: CreatedTenant;

interface StoredValue {
  table: string;
  column: string;
  id: string;
  sealed: string;
  row: SealedRow;
}

/** Every sealed value in the database, with the row fields its context needs. */
async function storedValues(): Promise<StoredValue[]> {
  const values: StoredValue[] = [];
  for (const sealed of SEALED_COLUMNS) {
    const extra = sealed.contextColumns.map((name) => `, "${name}"`).join('');
    const rows = await t.db.$queryRaw<Array<SealedRow & { value: string }>>`
      SELECT id::text AS id, "tenantId"::text AS "tenantId", ${Prisma.raw(`"${sealed.column}"`)} AS value
             ${Prisma.raw(extra)}
        FROM ${Prisma.raw(`"${sealed.table}"`)} WHERE ${Prisma.raw(`"${sealed.column}"`)} IS NOT NULL`;
    for (const row of rows)
      values.push({ table: sealed.table, column: sealed.column, id: row.id, sealed: row.value, row });
  }
  return values;
}

const opened = (box: SecretBox, values: StoredValue[]) =>
  values.map((value) => {
    const column = SEALED_COLUMNS.find((c) => c.table === value.table && c.column === value.column)!;
    return `${value.table}.${value.column}:${value.id}=${box.open(value.sealed, column.context(value.row))}`;
  });

function runReseal(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/reseal-secrets.ts'], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: t.database.url, LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

beforeAll(async () => {
  t = await buildTestApp({ ENCRYPTION_KEY: OLD_KEY });
  tenant = await createTestTenant(t.db);
  const scope = forTenant(t.db, tenant.tenant.id);
  const { serviceId, providerIds } = await bookableService(t.app, tenant);
  const now = new Date();

  // Through the routes: a webhook endpoint rotated once (two secrets), an ICS feed, an invitation.
  const endpoint = await admin(t.app, tenant, {
    method: 'POST',
    url: '/v1/tenant-admin/webhook-endpoints',
    payload: { url: 'http://127.0.0.1:9/hooks', events: ['appointment.created'] },
  });
  await admin(t.app, tenant, {
    method: 'POST',
    url: `/v1/tenant-admin/webhook-endpoints/${endpoint.json().id}/rotate-secret`,
    payload: {},
  });
  await admin(t.app, tenant, { method: 'POST', url: '/v1/tenant-admin/ics-feed' });
  await admin(t.app, tenant, {
    method: 'POST',
    url: '/v1/tenant-admin/staff',
    payload: { email: 'invited@studio.example', name: 'Invited', role: 'manager' },
  });
  // Through the features' own sealing code: the hosted page's key, an email link's token, Google
  // and QuickBooks tokens.
  await bookingPageKey(scope, oldBox, tenant.tenant.slug, now);
  const booked = await admin(t.app, tenant, {
    method: 'POST',
    url: '/v1/tenant-admin/appointments',
    payload: bookingBody(serviceId, '2030-01-07T10:00:00Z', { overrideRules: true }),
  });
  const appointmentId = booked.json().appointment.id as string;
  const emailToken = newSecretToken();
  await scope.appointmentWrites.keepEmailToken(appointmentId, {
    hash: emailToken.hash,
    sealed: oldBox.seal(
      emailToken.token,
      sealContexts.appointmentEmailToken(tenant.tenant.id, appointmentId),
    ),
  });
  const google = sealTokens(oldBox, tenant.tenant.id, providerIds[0]!, {
    refreshToken: 'google-refresh',
    accessToken: 'google-access',
    accessExpiresAt: now,
  });
  await t.db.calendarSync.create({
    data: { tenantId: tenant.tenant.id, providerId: providerIds[0]!, ...google },
  });
  const quickbooks = sealQuickBooksTokens(oldBox, tenant.tenant.id, {
    refreshToken: 'qbo-refresh',
    accessToken: 'qbo-access',
    accessExpiresAt: now,
  });
  await t.db.quickBooksConnection.create({
    data: { tenantId: tenant.tenant.id, realmId: '123', connectedAt: now, ...quickbooks },
  });
});
afterAll(() => t.close());

describe('the sealed columns catalogue', () => {
  it('names every column that looks sealed, and only columns that exist', async () => {
    const columns = await t.db.$queryRaw<Array<{ table: string; column: string }>>`
      SELECT table_name AS table, column_name AS column FROM information_schema.columns
       WHERE table_schema = 'public' AND data_type = 'text'
         AND (column_name ILIKE '%sealed%' OR column_name IN ('refreshToken', 'accessToken'))`;
    const catalogue = SEALED_COLUMNS.map((c) => `${c.table}.${c.column}`).sort();
    expect(columns.map((c) => `${c.table}.${c.column}`).sort()).toEqual(catalogue);
  });
});

describe('npm run secrets:reseal', () => {
  it('re-seals every stored secret under the new key, once, with two runs at once', async () => {
    const before = await storedValues();
    // One value in every sealed column, and the rotated endpoint's previous secret.
    expect(new Set(before.map((v) => `${v.table}.${v.column}`)).size).toBe(SEALED_COLUMNS.length);
    expect(before.every((v) => keyIdOf(v.sealed) === oldBox.currentKeyId)).toBe(true);
    const plain = opened(oldBox, before);

    const env = { ENCRYPTION_KEY: NEW_KEY, ENCRYPTION_KEY_PREVIOUS: OLD_KEY };
    const runs = await Promise.all([runReseal(env), runReseal(env)]);
    for (const run of runs) expect(run.code, run.out).toBe(0);
    const resealed = runs
      .flatMap((run) => [...run.out.matchAll(/: (\d+) re-sealed/g)])
      .reduce((sum, match) => sum + Number(match[1]), 0);
    expect(resealed).toBe(before.length);

    const after = await storedValues();
    expect(after.every((v) => keyIdOf(v.sealed) === newBox.currentKeyId)).toBe(true);
    // The new key alone opens each value to what it was.
    expect(opened(newBox, after).sort()).toEqual(plain.sort());

    const again = await runReseal(env);
    expect(again.code).toBe(0);
    expect([...again.out.matchAll(/: (\d+) re-sealed/g)].every((match) => match[1] === '0')).toBe(true);
    expect(again.out).toContain('ENCRYPTION_KEY_PREVIOUS can be removed');
  });

  it('names the rows it cannot open (a third key) and fails, changing nothing else', async () => {
    const id = randomUUID();
    const stray = new SecretBox(THIRD_KEY).seal(
      'orphan',
      `webhook_endpoints.secret:${tenant.tenant.id}:${id}`,
    );
    await t.db.webhookEndpoint.create({
      data: {
        id,
        tenantId: tenant.tenant.id,
        url: 'http://127.0.0.1:9/x',
        events: ['appointment.created'],
        secretSealed: stray,
      },
    });
    const run = await runReseal({ ENCRYPTION_KEY: NEW_KEY, ENCRYPTION_KEY_PREVIOUS: OLD_KEY });
    expect(run.code).toBe(1);
    expect(run.out).toContain(
      `webhook_endpoints.secretSealed: 0 re-sealed, 0 changed meanwhile, 1 could not be opened: ${id}`,
    );
    expect(run.out).not.toContain('orphan');
    const row = await t.db.webhookEndpoint.findUniqueOrThrow({ where: { id } });
    expect(row.secretSealed).toBe(stray);
  });

  it('refuses to run without the keys', async () => {
    const run = await runReseal({});
    expect(run.code).toBe(2);
    expect(run.out).toContain('ENCRYPTION_KEY_PREVIOUS');
  });
});
