/**
 * `npm run bench:payments`: what a client waits for when booking a paid service with card payments
 * on — the booking and its PaymentIntent (asked of a fake Stripe over HTTP through the real stripe
 * client), then confirm-payment after the card is paid — over real HTTP on real PostgreSQL. Prints
 * p50/p95; exits non-zero only when an answer is wrong (not 201/200, a booking not confirmed).
 */
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../../api/src/app.ts';
import { createPrismaClient } from '../../api/src/adapters/db/prisma-client.ts';
import { loadConfig } from '../../api/src/config.ts';
import { createTenant } from '../../api/src/use-cases/create-tenant.ts';
import { startFakeStripe } from '../fakes/stripe/index.ts';
import { startDatabase } from './support/bench-database.ts';
import { ms, printTable } from './support/stats.ts';

const BOOKINGS = Number(process.env.BENCH_RUNS ?? 200);
const NOW = Date.parse('2027-03-01T00:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

async function main(): Promise<number> {
  const database = await startDatabase();
  const stripe = await startFakeStripe({ webhookSecret: 'whsec_bench' });
  const db = createPrismaClient(database.url);
  const app = await buildApp(
    loadConfig({
      LOG_LEVEL: 'silent',
      PUBLIC_RATE_LIMIT_PER_MINUTE: '100000000',
      STRIPE_SECRET_KEY: 'sk_test_bench',
      STRIPE_PUBLISHABLE_KEY: 'pk_test_bench',
      STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
      STRIPE_API_BASE: stripe.url,
      PLATFORM_FEE_PERCENT: '2',
    }),
    { db: createPrismaClient(database.url), clock: () => new Date(NOW) },
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/v1`;
  const failures: string[] = [];
  try {
    const { tenant, keys } = await createTenant(db, {
      name: 'Bench Payments',
      timezone: 'UTC',
      currency: 'EUR',
      allowedOrigins: [],
      branding: {},
    });
    const account = stripe.createAccount({ chargesEnabled: true, defaultCurrency: 'eur' });
    await db.tenant.update({ where: { id: tenant.id }, data: { stripeAccountId: account.id } });
    const admin = { authorization: `Bearer ${keys.secret}`, 'content-type': 'application/json' };
    const call = async (path: string, init: RequestInit) => {
      const response = await fetch(`${base}${path}`, init);
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const service = await call('/tenant-admin/services', {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({
        name: 'Deposit',
        durationMinutes: 60,
        priceBaseCents: 8000,
        paymentMode: 'DEPOSIT',
        depositCents: 2000,
        bookingWindowDays: 365,
      }),
    });
    const provider = await call('/tenant-admin/providers', {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ name: 'Provider', email: 'p@example.com' }),
    });
    await call(`/tenant-admin/providers/${provider.body.id}/services`, {
      method: 'PUT',
      headers: admin,
      body: JSON.stringify([{ serviceId: service.body.id }]),
    });
    await call(`/tenant-admin/providers/${provider.body.id}/availability`, {
      method: 'PUT',
      headers: admin,
      body: JSON.stringify(
        [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({ dayOfWeek, startTime: '00:00', endTime: '24:00' })),
      ),
    });

    const client = { 'x-tenant-key': keys.publishable, 'content-type': 'application/json' };
    const booking: number[] = [];
    const confirming: number[] = [];
    for (let i = 0; i < BOOKINGS; i++) {
      const start = new Date(NOW + DAY + i * HOUR).toISOString();
      const t0 = performance.now();
      const booked = await call('/public/appointments', {
        method: 'POST',
        headers: { ...client, 'idempotency-key': `bench-${i}` },
        body: JSON.stringify({
          serviceId: service.body.id,
          startTimeUtc: start,
          client: { name: 'Bench Client', email: 'bench@example.com' },
          clientTimezone: 'UTC',
        }),
      });
      booking.push(performance.now() - t0);
      const payment = booked.body.payment as { clientSecret: string } | null;
      if (booked.status !== 201 || !payment) {
        failures.push(`booking ${i}: ${booked.status} ${JSON.stringify(booked.body).slice(0, 200)}`);
        continue;
      }
      stripe.succeedPaymentIntent(payment.clientSecret.split('_secret_')[0]!);
      const appointment = booked.body.appointment as { id: string };
      const t1 = performance.now();
      const confirmed = await call(`/public/appointments/${appointment.id}/confirm-payment`, {
        method: 'POST',
        headers: { ...client, 'x-manage-token': String(booked.body.manageToken) },
        body: '{}',
      });
      confirming.push(performance.now() - t1);
      if (confirmed.status !== 200 || confirmed.body.status !== 'CONFIRMED')
        failures.push(`confirm ${i}: ${confirmed.status} ${confirmed.body.status}`);
    }
    console.log(`\nPaid bookings against the fake Stripe (${BOOKINGS}, one after another), ms\n`);
    printTable(
      ['', 'p50', 'p95', 'max'],
      [
        [
          'book (hold + PaymentIntent)',
          ms(percentile(booking, 50)),
          ms(percentile(booking, 95)),
          ms(Math.max(...booking)),
        ],
        [
          'confirm-payment (read back + settle)',
          ms(percentile(confirming, 50)),
          ms(percentile(confirming, 95)),
          ms(Math.max(...confirming)),
        ],
      ],
    );
    const intents = stripe.requests.filter((r) => r.method === 'POST' && r.path === '/v1/payment_intents');
    console.log(`\nPaymentIntents created: ${intents.length} for ${BOOKINGS} bookings`);
    if (intents.length !== BOOKINGS)
      failures.push(`${intents.length} PaymentIntents for ${BOOKINGS} bookings`);
  } finally {
    await app.close();
    await db.$disconnect();
    await stripe.close();
    await database.stop();
  }
  for (const failure of failures) console.error(`FAILED: ${failure}`);
  return failures.length === 0 ? 0 : 1;
}

process.exitCode = await main();
