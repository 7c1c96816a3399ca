import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';
import { createStaff, PASSWORD } from '../helpers/staff-sessions.ts';
import { emailHash } from '../../src/adapters/crypto/staff-tokens.ts';

let t: TestApp;
let tenant: CreatedTenant;
let now = new Date('2026-12-02T09:00:00Z');
let base: string;

beforeAll(async () => {
  t = await buildTestApp({}, { clock: () => now, maxConnections: 10 });
  tenant = await createTestTenant(t.db);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(() => t.close());

/** One sign-in over real HTTP. */
async function attempt(email: string, password: string) {
  const response = await fetch(`${base}/v1/auth/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: await response.json(),
  };
}

const later = (seconds: number) => (now = new Date(now.getTime() + seconds * 1000));

describe('sign-in lockout', () => {
  it('locks after 5 failures with Retry-After, doubling, and a success resets it', async () => {
    const { email } = await createStaff(t.app, tenant);
    for (let i = 0; i < 5; i++) expect((await attempt(email, 'wrong password')).status).toBe(401);
    const locked = await attempt(email, PASSWORD);
    expect(locked).toMatchObject({
      status: 429,
      retryAfter: '60',
      body: { error: { code: 'rate_limited' } },
    });
    later(30);
    expect((await attempt(email, PASSWORD)).retryAfter).toBe('30');
    later(31);
    expect((await attempt(email, 'wrong password')).status).toBe(401);
    expect((await attempt(email, PASSWORD)).retryAfter).toBe('120');
    later(121);
    expect((await attempt(email, 'wrong password')).status).toBe(401);
    expect((await attempt(email, PASSWORD)).retryAfter).toBe('240');
    later(241);
    expect((await attempt(email, PASSWORD)).status).toBe(200);
    expect((await attempt(email, 'wrong password')).status).toBe(401);
    expect((await attempt(email, PASSWORD)).status).toBe(200);
  });

  it('answers an unknown email exactly like a known one', async () => {
    const { email } = await createStaff(t.app, tenant);
    const ghost = `ghost-${Date.now()}@studio.example`;
    const known: unknown[] = [];
    const unknown: unknown[] = [];
    for (let i = 0; i < 6; i++) {
      known.push(await attempt(email, 'wrong password'));
      unknown.push(await attempt(ghost, 'wrong password'));
    }
    expect(unknown).toEqual(known);
    expect(known.at(-1)).toMatchObject({ status: 429, retryAfter: '60' });
  });

  it('counts concurrent attempts one by one: 20 at once, then the right password is refused', async () => {
    for (let round = 0; round < 3; round++) {
      const { email } = await createStaff(t.app, tenant);
      const answers = await Promise.all(Array.from({ length: 20 }, () => attempt(email, 'wrong password')));
      const statuses = answers.map((a) => a.status).sort();
      // Exactly 5 were checked and failed; the other 15 found the address locked.
      expect(statuses.filter((s) => s === 401)).toHaveLength(5);
      expect(statuses.filter((s) => s === 429)).toHaveLength(15);
      expect((await attempt(email, PASSWORD)).status).toBe(429);
      const row = await t.db.signInAttempt.findUniqueOrThrow({ where: { emailHash: emailHash(email) } });
      expect(row).toMatchObject({ failures: 5, lockedUntil: new Date(now.getTime() + 60_000) });
    }
  });

  it('a burst mixing the right password with wrong ones never signs in after the 5th failure', async () => {
    for (let round = 0; round < 3; round++) {
      const { email } = await createStaff(t.app, tenant);
      const passwords = Array.from({ length: 20 }, (_, i) => (i % 4 === 3 ? PASSWORD : 'wrong password'));
      const answers = await Promise.all(passwords.map((p) => attempt(email, p)));
      const rights = answers.filter((_, i) => passwords[i] === PASSWORD);
      // Whatever the order, a success resets the count: failures never exceed what one sequence allows.
      const failed = answers.filter((a) => a.status === 401).length;
      expect(failed).toBeLessThanOrEqual(15);
      expect(rights.every((a) => a.status === 200 || a.status === 429)).toBe(true);
      // The stored count is one a sequence of these attempts could leave: locked at exactly 5
      // failures once anything was refused, else fewer than 5 since the last success.
      const row = await t.db.signInAttempt.findUniqueOrThrow({ where: { emailHash: emailHash(email) } });
      if (answers.some((a) => a.status === 429))
        expect(row).toMatchObject({ failures: 5, lockedUntil: expect.any(Date) });
      else expect(row.failures).toBeLessThan(5);
    }
  });
});
