import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, type MaisAdmin } from '../src/index.ts';
import { startLiveApi, type LiveApi } from './helpers/live-api.ts';

// MaisAdmin.webhookEndpoints and .auditLog against the real API (with ENCRYPTION_KEY, so secrets can be sealed).
let api: LiveApi;
let admin: MaisAdmin;

beforeAll(async () => {
  api = await startLiveApi({ ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64') });
  admin = api.admin();
});
afterAll(() => api.close());

describe('MaisAdmin.webhookEndpoints', () => {
  it('creates (secret once), lists, updates, rotates, reads the empty log and deletes', async () => {
    const created = await admin.webhookEndpoints.create({
      url: 'http://127.0.0.1:9/hooks',
      events: ['appointment.created', 'payment.refunded'],
    });
    expect(created.secret).toMatch(/^whsec_/);
    expect((await admin.webhookEndpoints.list().toArray()).map((endpoint) => endpoint.id)).toEqual([
      created.id,
    ]);
    expect(await admin.webhookEndpoints.update(created.id, { enabled: false })).toMatchObject({
      enabled: false,
      disabledReason: 'manual',
    });
    const rotated = await admin.webhookEndpoints.rotateSecret(created.id, { previousSecretValidHours: 1 });
    expect(rotated.secret).not.toBe(created.secret);
    expect(await admin.webhookEndpoints.deliveries(created.id).toArray()).toEqual([]);
    await admin.webhookEndpoints.delete(created.id);
    expect(await admin.webhookEndpoints.list().toArray()).toEqual([]);
  });

  it('auditLog lists the changes made above, newest first, by the key', async () => {
    const entries = await admin.auditLog.list({ limit: 100 }).toArray();
    expect(entries.map((entry) => `${entry.method} ${entry.route}`)).toContain(
      'POST /v1/tenant-admin/webhook-endpoints',
    );
    expect(entries.every((entry) => entry.actor.kind === 'api_key')).toBe(true);
  });

  it('refuses redelivering an unknown delivery', async () => {
    const error = await admin.webhookEndpoints
      .redeliver('00000000-0000-4000-8000-000000000000')
      .catch((e) => e);
    expect(error).not.toBeInstanceOf(ConflictError);
    expect(error.status).toBe(404);
  });
});
