import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { createPrismaClient, type Db } from '../../src/adapters/db/prisma-client.ts';
import { loadConfig } from '../../src/config.ts';
import { createTenant, type CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookableService } from '../helpers/booking-fixtures.ts';
import { cardBookings } from '../helpers/card-bookings.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { fakeStripeEnvironment, type FakeStripe } from '../helpers/fake-stripe.ts';
import { startApiProcess, type ApiProcess } from '../helpers/local-services.ts';

/**
 * The API process dies (SIGKILL) after Stripe made a refund and before the refund is recorded.
 * The admin sends the same refund again to a restarted process: it must be recorded once, with
 * the one refund Stripe made (asked again with the same key, Stripe answers with the same refund),
 * and the ledger must show it once.
 */

let database: TestDatabase;
let db: Db;
let stripe: FakeStripe;
let stripeEnv: Record<string, string>;
let tenant: CreatedTenant;
let account: string;
let api: ApiProcess | undefined;

beforeAll(async () => {
  database = await createTestDatabase();
  db = createPrismaClient(database.url);
  ({ stripe, env: stripeEnv } = await fakeStripeEnvironment());
  tenant = await createTenant(db, {
    name: 'Refund Studio',
    timezone: 'UTC',
    currency: 'EUR',
    allowedOrigins: [],
    branding: {},
  });
  account = stripe.createAccount({ chargesEnabled: true, defaultCurrency: 'eur', country: 'DE' }).id;
  await db.tenant.update({ where: { id: tenant.tenant.id }, data: { stripeAccountId: account } });
}, 60_000);
afterAll(async () => {
  await api?.stop('SIGKILL');
  await db.$disconnect();
  await stripe.close();
  await database.drop();
});

describe('a crash between Stripe’s refund and its record', () => {
  it('the same refund sent again is recorded once, with the one refund Stripe made', async () => {
    // A booking paid in full by card, made in-process on the same database.
    const setup = await buildApp(loadConfig({ LOG_LEVEL: 'silent', ...stripeEnv }), { db });
    const { serviceId } = await bookableService(setup, tenant, {
      service: { name: 'Cut', priceBaseCents: 8000, paymentMode: 'FULL' },
    });
    const start = new Date(Date.now() + 7 * 86_400_000);
    start.setUTCHours(10, 0, 0, 0);
    const booking = await cardBookings(() => ({ app: setup, tenant, stripe })).paid(
      serviceId,
      start.toISOString().replace('.000', ''),
    );
    await setup.close();

    const refund = (target: ApiProcess, key: string) =>
      fetch(`${target.url}/v1/tenant-admin/appointments/${booking.id}/refund`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${tenant.keys.secret}`,
          'content-type': 'application/json',
          'idempotency-key': key,
        },
        body: JSON.stringify({ amountCents: 3000, reason: 'Goodwill' }),
      });

    api = await startApiProcess({
      DATABASE_URL: database.url,
      ...stripeEnv,
      MAIS_FAULT_INJECTION: 'crash-after-refund-sent',
    });
    const first = api;
    await expect(refund(first, 'refund-crash-click-1')).rejects.toThrow();
    if (first.process.exitCode === null && first.process.signalCode === null) {
      await new Promise((resolve) => first.process.once('exit', resolve));
    }
    expect(first.process.signalCode).toBe('SIGKILL');
    const made = () => stripe.state.refunds.list(account).filter((r) => r.payment_intent === booking.intent);
    // Stripe refunded; the database holds only the intent.
    expect(made()).toHaveLength(1);
    expect(
      (await db.refund.findMany({ where: { tenantId: tenant.tenant.id } })).map((r) => r.status),
    ).toEqual(['PENDING']);

    api = await startApiProcess({ DATABASE_URL: database.url, ...stripeEnv });
    // The same key is still held by the request that died (taken over after a minute): 409, nothing done.
    const sameKey = await refund(api, 'refund-crash-click-1');
    expect(sameKey.status).toBe(409);
    expect(((await sameKey.json()) as { error: { code: string } }).error.code).toBe(
      'idempotency_in_progress',
    );
    expect(made()).toHaveLength(1);
    // The admin clicks again (a new key): the waiting refund is sent again with its own Stripe key.
    const retry = await refund(api, 'refund-crash-click-2');
    expect(retry.status).toBe(200);
    expect(made()).toHaveLength(1);
    const rows = await db.refund.findMany({ where: { tenantId: tenant.tenant.id } });
    expect(rows.map((r) => [r.status, r.amountCents, r.stripeRefundId])).toEqual([
      ['SUCCEEDED', 3000, made()[0]!.id],
    ]);
    const ledger = await db.ledgerEntry.findMany({ where: { appointmentId: booking.id, kind: 'REFUND' } });
    expect(ledger.map((entry) => entry.amountCents)).toEqual([-3000]);
    // And once more: nothing new anywhere.
    expect((await refund(api, 'refund-crash-click-2')).status).toBe(200);
    expect(made()).toHaveLength(1);
    expect(await db.ledgerEntry.count({ where: { appointmentId: booking.id, kind: 'REFUND' } })).toBe(1);
  }, 60_000);
});
