import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { fakeStripeEnvironment, type FakeStripe } from '../helpers/fake-stripe.ts';
import { admin, buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';

/**
 * /v1/tenant-admin/settings/stripe against real PostgreSQL and the fake Stripe, through the real
 * stripe client (STRIPE_API_BASE). A second app runs without Stripe: payment at the appointment.
 */

/** The platform's key, made distinctive so that a stray copy in an answer or the log cannot hide. */
const PLATFORM_SECRET_KEY = 'sk_test_PlatformSecret7f3a9cNeverShown';
const URL = '/v1/tenant-admin/settings/stripe';

let stripe: FakeStripe;
let t: TestApp;
let venue: TestApp;
const log: string[] = [];
/** Every answer either app gave in this file, for the secret-key check at the end. */
const answers: LightMyRequestResponse[] = [];

beforeAll(async () => {
  const fake = await fakeStripeEnvironment();
  stripe = fake.stripe;
  t = await buildTestApp(
    { ...fake.env, STRIPE_SECRET_KEY: PLATFORM_SECRET_KEY },
    { logger: { level: 'trace', stream: { write: (line: string) => void log.push(line) } } },
  );
  venue = await buildTestApp();
});
afterAll(async () => {
  await t?.close();
  await venue?.close();
  await stripe?.close();
});

async function call(
  on: TestApp,
  tenant: CreatedTenant,
  method: 'GET' | 'PUT' | 'DELETE',
  options: Omit<InjectOptions, 'method' | 'url'> = {},
) {
  const response = await admin(on.app, tenant, { method, url: URL, ...options });
  answers.push(response);
  return response;
}

const connect = (on: TestApp, tenant: CreatedTenant, accountId: string) =>
  call(on, tenant, 'PUT', { payload: { accountId } });

async function storedAccount(on: TestApp, tenant: CreatedTenant): Promise<string | null> {
  const row = await on.db.tenant.findUniqueOrThrow({ where: { id: tenant.tenant.id } });
  return row.stripeAccountId;
}

const accountRequests = () => stripe.requests.filter((request) => request.path.startsWith('/v1/accounts'));

describe('PUT /v1/tenant-admin/settings/stripe', () => {
  it('connects an account Stripe knows, stores it and says what it is', async () => {
    const tenant = await createTestTenant(t.db);
    const account = stripe.createAccount({ chargesEnabled: true, country: 'DE', defaultCurrency: 'eur' });
    const before = stripe.requests.length;

    const response = await connect(t, tenant, account.id);

    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      accountId: account.id,
      chargesEnabled: true,
      country: 'DE',
      defaultCurrency: 'EUR',
    });
    expect(await storedAccount(t, tenant)).toBe(account.id);
    // One retrieval of that account, as the platform (no Stripe-Account header).
    expect(stripe.requests.slice(before)).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: `/v1/accounts/${account.id}`,
        account: null,
        status: 200,
      }),
    ]);
    expect((await call(t, tenant, 'GET')).json()).toEqual({
      accountId: account.id,
      paymentsEnabled: true,
      mode: 'card',
    });
  });

  it('answers an account still onboarding with chargesEnabled false, and connecting it again is fine', async () => {
    const tenant = await createTestTenant(t.db);
    const account = stripe.createAccount({ chargesEnabled: false, country: 'FR', defaultCurrency: 'eur' });
    expect((await connect(t, tenant, account.id)).json()).toMatchObject({ chargesEnabled: false });
    const again = await connect(t, tenant, account.id);
    expect(again.statusCode).toBe(200);
    expect(await storedAccount(t, tenant)).toBe(account.id);
  });

  it('replaces a connected account with another', async () => {
    const tenant = await createTestTenant(t.db);
    const first = stripe.createAccount();
    const second = stripe.createAccount();
    await connect(t, tenant, first.id);
    expect((await connect(t, tenant, second.id)).statusCode).toBe(200);
    expect(await storedAccount(t, tenant)).toBe(second.id);
  });

  it('answers 400 for an account Stripe does not know, and stores nothing', async () => {
    const tenant = await createTestTenant(t.db);
    const response = await connect(t, tenant, 'acct_NoSuchAccount0001');

    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: {
        code: 'validation_failed',
        message: 'Invalid body.',
        details: [{ path: 'accountId', message: 'is not a Stripe account this platform can reach' }],
      },
    });
    expect(accountRequests().at(-1)).toMatchObject({
      path: '/v1/accounts/acct_NoSuchAccount0001',
      status: 404,
    });
    expect(await storedAccount(t, tenant)).toBeNull();
  });

  it('keeps the connected account when the new one is unknown', async () => {
    const tenant = await createTestTenant(t.db);
    const account = stripe.createAccount();
    await connect(t, tenant, account.id);
    expect((await connect(t, tenant, 'acct_NoSuchAccount0002')).statusCode).toBe(400);
    expect(await storedAccount(t, tenant)).toBe(account.id);
  });

  it('answers 503 service_busy with Retry-After when Stripe fails, stores nothing, and a retry works', async () => {
    const tenant = await createTestTenant(t.db);
    const account = stripe.createAccount();
    stripe.failNext('GET /v1/accounts/*', 500);

    const response = await connect(t, tenant, account.id);

    expect(response.statusCode).toBe(503);
    expect(response.json().error.code).toBe('service_busy');
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    expect(accountRequests().at(-1)).toMatchObject({ path: `/v1/accounts/${account.id}`, status: 500 });
    expect(await storedAccount(t, tenant)).toBeNull();

    expect((await connect(t, tenant, account.id)).statusCode).toBe(200);
    expect(await storedAccount(t, tenant)).toBe(account.id);
  });

  it("answers 409 conflict for an account another tenant has connected, and changes neither tenant's", async () => {
    const owner = await createTestTenant(t.db);
    const other = await createTestTenant(t.db);
    const taken = stripe.createAccount();
    const own = stripe.createAccount();
    await connect(t, owner, taken.id);
    await connect(t, other, own.id);

    const response = await connect(t, other, taken.id);

    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('conflict');
    expect(response.body).not.toContain(owner.tenant.name);
    expect(await storedAccount(t, owner)).toBe(taken.id);
    expect(await storedAccount(t, other)).toBe(own.id);
  });

  it('answers 400 for bad bodies without asking Stripe, and changes nothing', async () => {
    const tenant = await createTestTenant(t.db);
    const account = stripe.createAccount();
    await connect(t, tenant, account.id);
    const before = stripe.requests.length;
    const bodies: Array<[string, InjectOptions['payload'], string | null]> = [
      ['no body', undefined, null],
      ['an empty object', {}, 'accountId'],
      ['null', 'null', null],
      ['an array', [account.id], null],
      ['a number', { accountId: 42 }, 'accountId'],
      ['the wrong prefix', { accountId: 'acc_1234567890' }, 'accountId'],
      ['a secret key', { accountId: 'sk_test_1234567890' }, 'accountId'],
      ['only the prefix', { accountId: 'acct_' }, 'accountId'],
      ['a NUL byte', { accountId: 'acct_abc\u0000def' }, 'accountId'],
      ['a lone surrogate', { accountId: 'acct_abc\ud800def' }, 'accountId'],
      ['spaces', { accountId: ` ${account.id} ` }, 'accountId'],
      ['65 characters after the prefix', { accountId: `acct_${'a'.repeat(65)}` }, 'accountId'],
      ['a 10 KB string', { accountId: `acct_${'a'.repeat(10_240)}` }, 'accountId'],
      ['an extra field', { accountId: account.id, chargesEnabled: true }, 'chargesEnabled'],
    ];
    for (const [label, payload, field] of bodies) {
      const response = await call(t, tenant, 'PUT', {
        ...(payload === undefined ? {} : { payload }),
        headers: { 'content-type': 'application/json' },
      });
      expect(response.statusCode, `${label}: ${response.body}`).toBe(400);
      const error = response.json().error;
      expect(['validation_failed', 'invalid_json'], label).toContain(error.code);
      if (field) expect(error.details, label).toContainEqual(expect.objectContaining({ path: field }));
    }
    expect(stripe.requests.length).toBe(before);
    expect(await storedAccount(t, tenant)).toBe(account.id);
  });

  it('needs a secret key', async () => {
    const tenant = await createTestTenant(t.db);
    const account = stripe.createAccount();
    const anonymous = await t.app.inject({ method: 'PUT', url: URL, payload: { accountId: account.id } });
    answers.push(anonymous);
    expect(anonymous.statusCode).toBe(401);
    const publishable = await t.app.inject({
      method: 'PUT',
      url: URL,
      payload: { accountId: account.id },
      headers: { authorization: `Bearer ${tenant.keys.publishable}` },
    });
    answers.push(publishable);
    expect(publishable.statusCode).toBe(403);
    expect(await storedAccount(t, tenant)).toBeNull();
  });
});

describe('GET and DELETE /v1/tenant-admin/settings/stripe', () => {
  it('shows venue mode until an account is connected, card mode after, venue again once disconnected', async () => {
    const tenant = await createTestTenant(t.db);
    const account = stripe.createAccount();
    expect((await call(t, tenant, 'GET')).json()).toEqual({
      accountId: null,
      paymentsEnabled: false,
      mode: 'venue',
    });
    await connect(t, tenant, account.id);
    expect((await call(t, tenant, 'GET')).json()).toMatchObject({ accountId: account.id, mode: 'card' });

    const removed = await call(t, tenant, 'DELETE');
    expect(removed.statusCode).toBe(204);
    expect(removed.body).toBe('');
    expect(await storedAccount(t, tenant)).toBeNull();
    expect((await call(t, tenant, 'GET')).json()).toEqual({
      accountId: null,
      paymentsEnabled: false,
      mode: 'venue',
    });
    // Disconnecting twice is fine, and the account may then be connected elsewhere.
    expect((await call(t, tenant, 'DELETE')).statusCode).toBe(204);
    expect((await connect(t, await createTestTenant(t.db), account.id)).statusCode).toBe(200);
  });

  it("disconnects only the caller's account", async () => {
    const mine = await createTestTenant(t.db);
    const theirs = await createTestTenant(t.db);
    const account = stripe.createAccount();
    await connect(t, theirs, account.id);
    expect((await call(t, mine, 'DELETE')).statusCode).toBe(204);
    expect(await storedAccount(t, theirs)).toBe(account.id);
  });
});

describe('without Stripe on the platform (no STRIPE_SECRET_KEY)', () => {
  it('answers 409 payments_not_configured and stores nothing', async () => {
    const tenant = await createTestTenant(venue.db);
    const before = stripe.requests.length;
    const response = await connect(venue, tenant, 'acct_1234567890abcdef');
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({
      error: {
        code: 'payments_not_configured',
        message: 'Card payments are not set up on this platform: STRIPE_SECRET_KEY is unset.',
      },
    });
    expect(stripe.requests.length).toBe(before);
    expect(await storedAccount(venue, tenant)).toBeNull();
  });

  it('still validates the body first', async () => {
    const tenant = await createTestTenant(venue.db);
    const response = await connect(venue, tenant, 'nope');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([{ path: 'accountId', message: expect.any(String) }]);
  });

  it('shows venue mode even with an account stored, and disconnects it', async () => {
    const tenant = await createTestTenant(venue.db);
    expect((await call(venue, tenant, 'GET')).json()).toEqual({
      accountId: null,
      paymentsEnabled: false,
      mode: 'venue',
    });
    await venue.db.tenant.update({
      where: { id: tenant.tenant.id },
      data: { stripeAccountId: 'acct_ConnectedEarlier01' },
    });
    expect((await call(venue, tenant, 'GET')).json()).toEqual({
      accountId: 'acct_ConnectedEarlier01',
      paymentsEnabled: false,
      mode: 'venue',
    });
    expect((await call(venue, tenant, 'DELETE')).statusCode).toBe(204);
    expect(await storedAccount(venue, tenant)).toBeNull();
  });
});

describe("the platform's secret key", () => {
  it('never appears in an answer or in the log', () => {
    // Runs last: every answer of this file, the failures included, and everything logged at trace level.
    expect(answers.length).toBeGreaterThan(30);
    expect(log.join('')).toContain('outside service unavailable');
    for (const response of answers) {
      expect(response.body).not.toContain(PLATFORM_SECRET_KEY);
      expect(JSON.stringify(response.headers)).not.toContain(PLATFORM_SECRET_KEY);
    }
    expect(log.join('')).not.toContain(PLATFORM_SECRET_KEY);
    expect(log.join('')).not.toContain('PlatformSecret7f3a9c');
  });
});
