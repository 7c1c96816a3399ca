import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppointmentStatus, LedgerEntryKind } from '../../src/generated/prisma/enums.ts';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookableService } from '../helpers/booking-fixtures.ts';
import { admin, buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';

// GET /v1/tenant-admin/reports/clients/:email: one client's appointments with their payments and
// refunds, and totals. Rows inserted directly; the totals are added up here from them, and each
// appointment's amountDueCents is compared with the one GET /appointments/:id answers.
let t: TestApp;
let tenant: CreatedTenant;
let other: CreatedTenant;

interface Booked {
  email: string;
  status: AppointmentStatus;
  start: string;
  currency: string;
  total: number;
  paid: number;
  refunded: number;
  noShowFee?: number;
}
const booked = new Map<string, Booked>();
const ledgerRows: Array<{
  appointmentId: string;
  kind: LedgerEntryKind;
  amountCents: number;
  currency: string;
}> = [];
let serial = 0;

async function book(owner: CreatedTenant, rows: Booked[]) {
  const { serviceId, providerIds } = await bookableService(t.app, owner);
  const ids: string[] = [];
  for (const row of rows) {
    serial += 1;
    const start = new Date(row.start);
    const end = new Date(start.getTime() + 3_600_000);
    const { id } = await t.db.appointment.create({
      data: {
        tenantId: owner.tenant.id,
        serviceId,
        providerId: providerIds[0]!,
        clientName: `Name ${serial}`,
        clientEmail: row.email,
        clientTimezone: 'Europe/Berlin',
        startTimeUtc: start,
        endTimeUtc: end,
        occupiedStartUtc: start,
        occupiedEndUtc: end,
        sessionKey: `history-${serial}`,
        status: row.status,
        currency: row.currency,
        totalAmountCents: row.total,
        paidCents: row.paid,
        refundedCents: row.refunded,
        noShowFeeCents: row.noShowFee ?? 0,
        manageTokenHash: `hash-${serial}`,
      },
      select: { id: true },
    });
    booked.set(id, row);
    ids.push(id);
  }
  return ids;
}

async function pay(
  owner: CreatedTenant,
  appointmentId: string,
  amountCents: number,
  currency: string,
  refund = 0,
) {
  serial += 1;
  const payment = await t.db.payment.create({
    data: {
      tenantId: owner.tenant.id,
      appointmentId,
      kind: 'FULL',
      status: 'SUCCEEDED',
      amountCents,
      currency,
      stripePaymentIntentId: `pi_history${serial}`,
      createdAt: new Date(`2027-03-0${(serial % 9) + 1}T10:00:00Z`),
      succeededAt: new Date(`2027-03-0${(serial % 9) + 1}T10:00:05Z`),
    },
  });
  const rows = [
    {
      appointmentId,
      kind: 'CHARGE' as LedgerEntryKind,
      amountCents,
      currency,
      paymentId: payment.id,
      stripeObjectId: `ch_h${serial}`,
    },
  ];
  let refundRow;
  if (refund > 0) {
    refundRow = await t.db.refund.create({
      data: {
        tenantId: owner.tenant.id,
        paymentId: payment.id,
        amountCents: refund,
        currency,
        status: 'SUCCEEDED',
        reason: 'Goodwill',
        stripeRefundId: `re_history${serial}`,
      },
    });
    rows.push({
      appointmentId,
      kind: 'REFUND' as LedgerEntryKind,
      amountCents: -refund,
      currency,
      paymentId: payment.id,
      stripeObjectId: `re_h${serial}`,
    });
  }
  await t.db.ledgerEntry.createMany({
    data: rows.map(({ paymentId, stripeObjectId, ...row }) => ({
      ...row,
      tenantId: owner.tenant.id,
      paymentId,
      refundId: row.kind === 'REFUND' ? refundRow!.id : null,
      stripeObjectId,
      occurredAt: new Date('2027-03-10T10:00:00Z'),
    })),
  });
  if (owner === tenant)
    ledgerRows.push(
      ...rows.map(({ appointmentId, kind, amountCents, currency }) => ({
        appointmentId,
        kind,
        amountCents,
        currency,
      })),
    );
  return { payment, refund: refundRow };
}

let ids: string[];
beforeAll(async () => {
  t = await buildTestApp();
  tenant = await createTestTenant(t.db);
  other = await createTestTenant(t.db);
  ids = await book(tenant, [
    {
      email: 'Jo+Test%1@Example.com',
      status: 'COMPLETED',
      start: '2027-02-01T10:00:00Z',
      currency: 'EUR',
      total: 5_000,
      paid: 5_000,
      refunded: 1_000,
    },
    {
      email: 'jo+test%1@example.com',
      status: 'NO_SHOW',
      start: '2027-03-01T10:00:00Z',
      currency: 'EUR',
      total: 4_000,
      paid: 0,
      refunded: 0,
      noShowFee: 2_000,
    },
    {
      email: 'JO+TEST%1@EXAMPLE.COM',
      status: 'CONFIRMED',
      start: '2027-04-01T10:00:00Z',
      currency: 'USD',
      total: 7_000,
      paid: 2_000,
      refunded: 0,
    },
    {
      email: 'jo+test%1@example.com',
      status: 'CANCELLED',
      start: '2027-04-02T10:00:00Z',
      currency: 'USD',
      total: 3_000,
      paid: 3_000,
      refunded: 3_000,
    },
    {
      email: 'someone@example.com',
      status: 'COMPLETED',
      start: '2027-02-02T10:00:00Z',
      currency: 'EUR',
      total: 1_000,
      paid: 1_000,
      refunded: 0,
    },
  ]);
  await pay(tenant, ids[0]!, 5_000, 'EUR', 1_000);
  await pay(tenant, ids[2]!, 2_000, 'USD');
  await pay(tenant, ids[3]!, 3_000, 'USD', 3_000);
  await pay(tenant, ids[4]!, 1_000, 'EUR');
  // Another tenant's client of the same email, and one only the other tenant has.
  const [theirs] = await book(other, [
    {
      email: 'jo+test%1@example.com',
      status: 'COMPLETED',
      start: '2027-03-05T10:00:00Z',
      currency: 'EUR',
      total: 90_000,
      paid: 90_000,
      refunded: 0,
    },
    {
      email: 'only@elsewhere.test',
      status: 'COMPLETED',
      start: '2027-03-06T10:00:00Z',
      currency: 'EUR',
      total: 1_000,
      paid: 0,
      refunded: 0,
    },
  ]);
  await pay(other, theirs!, 90_000, 'EUR');
}, 60_000);
afterAll(async () => {
  await t.close();
});

const history = (email: string, owner = tenant) =>
  admin(t.app, owner, {
    method: 'GET',
    url: `/v1/tenant-admin/reports/clients/${encodeURIComponent(email)}`,
  });

describe('GET /v1/tenant-admin/reports/clients/:email', () => {
  it('lists every appointment of the client, any case, newest first, with payments and refunds', async () => {
    const response = await history('JO+test%1@example.COM');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    const mine = ids.slice(0, 4);
    expect(body.email).toBe('jo+test%1@example.com');
    expect(body.truncated).toBe(false);
    expect(body.appointments.map((a: { id: string }) => a.id)).toEqual([...mine].reverse());
    for (const appointment of body.appointments) {
      const row = booked.get(appointment.id)!;
      const due = (
        await admin(t.app, tenant, { method: 'GET', url: `/v1/tenant-admin/appointments/${appointment.id}` })
      ).json().amountDueCents;
      const nets = new Map<string, number>();
      for (const l of ledgerRows.filter((l) => l.appointmentId === appointment.id)) {
        nets.set(l.currency, (nets.get(l.currency) ?? 0) + l.amountCents);
      }
      expect(appointment).toMatchObject({
        status: row.status,
        startTimeUtc: new Date(row.start).toISOString(),
        currency: row.currency,
        totalAmountCents: row.total,
        paidCents: row.paid,
        refundedCents: row.refunded,
        amountDueCents: due,
        netCents: [...nets].map(([currency, netCents]) => ({ currency, netCents })),
        service: { name: 'Session' },
        provider: { name: 'Provider 1' },
      });
    }
    const first = body.appointments.at(-1);
    expect(first.payments).toMatchObject([
      {
        kind: 'FULL',
        status: 'SUCCEEDED',
        amountCents: 5_000,
        currency: 'EUR',
        refunds: [{ amountCents: 1_000, status: 'SUCCEEDED', reason: 'Goodwill' }],
      },
    ]);
    expect(body.appointments[2].payments).toEqual([]);
  });

  it('totals every appointment per currency, equal to sums added up here', async () => {
    const body = (await history('jo+test%1@example.com')).json();
    const mine = ids.slice(0, 4);
    const dues = new Map<string, number>();
    for (const id of mine) {
      dues.set(
        id,
        (await admin(t.app, tenant, { method: 'GET', url: `/v1/tenant-admin/appointments/${id}` })).json()
          .amountDueCents,
      );
    }
    const expected = ['EUR', 'USD'].map((currency) => {
      const rows = mine.filter((id) => booked.get(id)!.currency === currency);
      const sum = (pick: (id: string) => number) => rows.reduce((total, id) => total + pick(id), 0);
      return {
        currency,
        appointments: rows.length,
        paidCents: sum((id) => booked.get(id)!.paid),
        refundedCents: sum((id) => booked.get(id)!.refunded),
        amountDueCents: sum((id) => dues.get(id)!),
        netCents: ledgerRows
          .filter((l) => mine.includes(l.appointmentId) && l.currency === currency)
          .reduce((total, l) => total + l.amountCents, 0),
      };
    });
    expect(body.totals).toEqual(expected);
    // The no-show owes its fee (2,000), the confirmed USD booking its balance (5,000).
    expect(body.totals.map((row: { amountDueCents: number }) => row.amountDueCents)).toEqual([2_000, 5_000]);
    expect(JSON.stringify(body)).not.toContain('90000');
  });

  it('answers 404 in the error shape for an email the tenant has never seen, even when another tenant has', async () => {
    for (const email of ['nobody@example.com', 'only@elsewhere.test', 'jo+test%1@example.co']) {
      const response = await history(email);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({ error: { code: 'not_found', message: 'Client not found.' } });
    }
    expect((await history('only@elsewhere.test', other)).statusCode).toBe(200);
  });

  it('treats % and _ in the email literally', async () => {
    expect((await history('jo+test_1@example.com')).statusCode).toBe(404);
    expect((await history('jo+test%@example.com')).statusCode).toBe(404);
  });

  it("answers 400 for a NUL byte, 414 for an email past the router's 100-character segment", async () => {
    const nul = await history('a\u0000b@example.com');
    expect(nul.statusCode, nul.body).toBe(400);
    expect(nul.json().error.code).toBe('validation_failed');
    const long = await history(`${'a'.repeat(96)}@x.io`);
    expect(long.statusCode, long.body).toBe(414);
    expect(long.json().error.code).toBe('uri_too_long');
  });
});
