import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, PLATFORM_TOKEN, type TestApp } from '../helpers/test-app.ts';

// Time zones are stored as IANA spells them, whatever case the client used.
let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('time zones in any letter case', () => {
  it("stores a tenant's zone in its canonical spelling, on create and on update", async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/platform/tenants',
      headers: { authorization: `Bearer ${PLATFORM_TOKEN}` },
      payload: { name: 'Lower Case Studio', timezone: 'europe/berlin' },
    });
    expect(created.statusCode).toBe(201);
    const { tenant: dto, keys } = created.json();
    expect(dto.timezone).toBe('Europe/Berlin');
    expect((await t.db.tenant.findUniqueOrThrow({ where: { id: dto.id } })).timezone).toBe('Europe/Berlin');

    const updated = await t.app.inject({
      method: 'PATCH',
      url: '/v1/tenant-admin/tenant',
      headers: { authorization: `Bearer ${keys.secret}` },
      payload: { timezone: 'AMERICA/NEW_YORK' },
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().timezone).toBe('America/New_York');
    expect((await t.db.tenant.findUniqueOrThrow({ where: { id: dto.id } })).timezone).toBe(
      'America/New_York',
    );
  });

  it('keeps a correctly spelled zone as sent, even one Intl would replace by an older name', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/platform/tenants',
      headers: { authorization: `Bearer ${PLATFORM_TOKEN}` },
      payload: { name: 'Kolkata Studio', timezone: 'Asia/Kolkata' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().tenant.timezone).toBe('Asia/Kolkata');
  });
});
