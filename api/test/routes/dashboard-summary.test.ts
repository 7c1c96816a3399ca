import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppointmentStatus, LedgerEntryKind } from '../../src/generated/prisma/enums.ts';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookableService, testClock } from '../helpers/booking-fixtures.ts';
import { admin, buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';

// GET /v1/tenant-admin/reports/summary with a fixed clock, on a Monday morning and on the Sunday
// the clocks go forward in Berlin (28 March 2027). Appointments and ledger rows are inserted
// directly around the instants that matter (midnights, now, last week's cut-off); each figure is
// compared with one worked out here from the inserted rows and the instants written out below.
const ZONE = 'Europe/Berlin';
const { clock, read } = testClock('2027-03-22T09:30:00Z');
let t: TestApp;
let tenant: CreatedTenant;
let other: CreatedTenant;

interface Appt {
  id: string;
  status: AppointmentStatus;
  start: Date;
  holdExpiresAt: Date | null;
  currency: string;
}
const appts: Appt[] = [];
const paidOf = new Map<string, number>();
const ledger: Array<{ kind: LedgerEntryKind; amountCents: number; currency: string; occurredAt: Date }> = [];

/** The instants of each clock, worked out by hand (Berlin is +1 until 28 March 02:00, +2 after). */
const SCENARIOS = {
  'Monday 22 March, 10:30 CET': {
    now: '2027-03-22T09:30:00.000Z',
    today: '2027-03-22',
    todayFrom: '2027-03-21T23:00:00.000Z',
    todayTo: '2027-03-22T23:00:00.000Z',
    weekFrom: '2027-03-21T23:00:00.000Z',
    weekTo: '2027-03-28T22:00:00.000Z',
    lastWeekFrom: '2027-03-14T23:00:00.000Z',
    lastWeekTo: '2027-03-15T09:30:00.000Z',
    weekStart: '2027-03-22',
    lastWeekStart: '2027-03-15',
  },
  'Sunday 28 March (23 hours), 18:00 CEST': {
    now: '2027-03-28T16:00:00.000Z',
    today: '2027-03-28',
    todayFrom: '2027-03-27T23:00:00.000Z',
    todayTo: '2027-03-28T22:00:00.000Z',
    weekFrom: '2027-03-21T23:00:00.000Z',
    weekTo: '2027-03-28T22:00:00.000Z',
    // A week before 18:00 CEST is 21 March 18:00 CET: 17:00Z.
    lastWeekFrom: '2027-03-14T23:00:00.000Z',
    lastWeekTo: '2027-03-21T17:00:00.000Z',
    weekStart: '2027-03-22',
    lastWeekStart: '2027-03-15',
  },
} as const;

const GROSS_KINDS = new Set<LedgerEntryKind>([
  'CHARGE',
  'DEPOSIT',
  'BALANCE_CARD',
  'BALANCE_VENUE',
  'NO_SHOW_FEE',
  'NO_SHOW_FEE_VENUE',
]);

let serial = 0;
beforeAll(async () => {
  t = await buildTestApp({}, { clock: read });
  tenant = await createTestTenant(t.db);
  other = await createTestTenant(t.db);
  const { serviceId, providerIds } = await bookableService(t.app, tenant);
  const at = (iso: string, minutes: number) => new Date(new Date(iso).getTime() + minutes * 60_000);

  // Each scenario's day: a finished visit, one under way, 12 ahead (more than the 10 shown), a
  // cancelled one, an expired hold and a live one, and the day's last minute and the next day's first.
  const rows: Array<{
    status: AppointmentStatus;
    start: Date;
    hold?: Date;
    paid?: number;
    refunded?: number;
    fee?: number;
    currency?: string;
  }> = [];
  for (const scenario of Object.values(SCENARIOS)) {
    const now = new Date(scenario.now);
    rows.push({ status: 'COMPLETED', start: at(scenario.now, -120), paid: 5_000 });
    rows.push({ status: 'CONFIRMED', start: at(scenario.now, -15), paid: 1_000 });
    for (let i = 0; i < 12; i++) rows.push({ status: 'CONFIRMED', start: at(scenario.now, 15 + 30 * i) });
    rows.push({ status: 'CANCELLED', start: at(scenario.now, 20), paid: 2_000, refunded: 2_000 });
    rows.push({ status: 'PENDING', start: at(scenario.now, 25), hold: at(scenario.now, -1) });
    rows.push({ status: 'PENDING', start: at(scenario.now, 26), hold: at(scenario.now, 10) });
    rows.push({ status: 'NO_SHOW', start: at(scenario.todayTo, -1), fee: 1_500, currency: 'USD' });
    rows.push({ status: 'NO_SHOW', start: new Date(scenario.todayTo), fee: 900, paid: 400 });
    void now;
  }
  // No-shows at the edges of the week and the week before.
  rows.push({ status: 'NO_SHOW', start: at(SCENARIOS['Monday 22 March, 10:30 CET'].weekFrom, -1), fee: 700 });
  rows.push({ status: 'NO_SHOW', start: new Date(SCENARIOS['Monday 22 March, 10:30 CET'].weekFrom), fee: 0 });
  rows.push({ status: 'COMPLETED', start: new Date('2027-03-10T10:00:00Z'), paid: 2_000, refunded: 500 });
  rows.push({ status: 'COMPLETED', start: new Date('2027-03-11T10:00:00Z'), paid: 1_000, currency: 'USD' });

  let slot = 0;
  for (const row of rows) {
    serial += 1;
    const end = new Date(row.start.getTime() + 10 * 60_000);
    const created = await t.db.appointment.create({
      data: {
        tenantId: tenant.tenant.id,
        serviceId,
        // Confirmed bookings hold provider 1's time, 10 minutes each, never overlapping.
        providerId: row.status === 'CONFIRMED' ? providerIds[0]! : null,
        clientName: `Client ${serial}`,
        clientEmail: `c${serial}@example.com`,
        clientTimezone: ZONE,
        startTimeUtc: row.start,
        endTimeUtc: end,
        occupiedStartUtc: row.start,
        occupiedEndUtc: end,
        sessionKey: `summary-${serial}-${(slot += 1)}`,
        status: row.status,
        holdExpiresAt: row.hold ?? (row.status === 'PENDING' ? row.start : null),
        currency: row.currency ?? 'EUR',
        totalAmountCents: 5_000,
        paidCents: row.paid ?? 0,
        refundedCents: row.refunded ?? 0,
        noShowFeeCents: row.fee ?? 0,
        manageTokenHash: `hash-${serial}`,
      },
      select: { id: true, status: true, startTimeUtc: true, holdExpiresAt: true, currency: true },
    });
    paidOf.set(created.id, row.paid ?? 0);
    appts.push({
      id: created.id,
      status: created.status,
      start: created.startTimeUtc,
      holdExpiresAt: created.holdExpiresAt,
      currency: created.currency,
    });
  }

  // Ledger rows a millisecond either side of each span's edges, in two currencies.
  const anchor = appts[0]!.id;
  const kinds: LedgerEntryKind[] = [
    'CHARGE',
    'STRIPE_FEE',
    'REFUND',
    'BALANCE_VENUE',
    'DEPOSIT',
    'PLATFORM_FEE',
  ];
  const edges = new Set<string>();
  for (const s of Object.values(SCENARIOS)) {
    for (const edge of [s.now, s.weekFrom, s.lastWeekFrom, s.lastWeekTo]) edges.add(edge);
  }
  const data = [];
  let k = 0;
  for (const edge of edges) {
    for (const offset of [-1, 0, 1, 3_600_000]) {
      const kind = kinds[k % kinds.length]!;
      k += 1;
      const sign = GROSS_KINDS.has(kind) ? 1 : -1;
      const row = {
        kind,
        amountCents: sign * (100 + k * 37),
        currency: k % 3 === 0 ? 'USD' : 'EUR',
        occurredAt: new Date(new Date(edge).getTime() + offset),
      };
      ledger.push(row);
      const prefix =
        kind === 'BALANCE_VENUE' ? null : kind === 'REFUND' ? 're_' : kind.endsWith('FEE') ? 'txn_' : 'ch_';
      data.push({
        ...row,
        tenantId: tenant.tenant.id,
        appointmentId: anchor,
        stripeObjectId: prefix && `${prefix}summary${k}`,
        stripeBalanceTransactionId: prefix === 'txn_' ? `${prefix}summary${k}` : null,
      });
    }
  }
  await t.db.ledgerEntry.createMany({ data });

  // Another tenant's busy day and money: never in the first tenant's summary.
  const theirs = await bookableService(t.app, other);
  const start = new Date(SCENARIOS['Monday 22 March, 10:30 CET'].now);
  const mine = await t.db.appointment.create({
    data: {
      tenantId: other.tenant.id,
      serviceId: theirs.serviceId,
      clientName: 'Elsewhere',
      clientEmail: 'x@example.com',
      clientTimezone: ZONE,
      startTimeUtc: at(start.toISOString(), 30),
      endTimeUtc: at(start.toISOString(), 60),
      occupiedStartUtc: at(start.toISOString(), 30),
      occupiedEndUtc: at(start.toISOString(), 60),
      sessionKey: 'other-1',
      status: 'NO_SHOW',
      currency: 'EUR',
      totalAmountCents: 5_000,
      noShowFeeCents: 99_000,
      manageTokenHash: 'other-hash',
    },
  });
  await t.db.ledgerEntry.create({
    data: {
      tenantId: other.tenant.id,
      appointmentId: mine.id,
      kind: 'CHARGE',
      amountCents: 77_700,
      currency: 'EUR',
      stripeObjectId: 'ch_elsewhere',
      occurredAt: start,
    },
  });
}, 60_000);
afterAll(async () => {
  await t.close();
});

const summary = (owner = tenant) =>
  admin(t.app, owner, { method: 'GET', url: '/v1/tenant-admin/reports/summary' });
const between = (instant: Date, from: string, to: string) =>
  instant >= new Date(from) && instant < new Date(to);
const live = (a: Appt, now: Date) =>
  a.status !== 'CANCELLED' && !(a.status === 'PENDING' && a.holdExpiresAt! <= now);

function revenue(from: string, to: string) {
  const byCurrency = new Map<string, { grossCents: number; netCents: number }>();
  for (const row of ledger.filter((l) => between(l.occurredAt, from, to))) {
    const figures = byCurrency.get(row.currency) ?? { grossCents: 0, netCents: 0 };
    if (GROSS_KINDS.has(row.kind)) figures.grossCents += row.amountCents;
    figures.netCents += row.amountCents;
    byCurrency.set(row.currency, figures);
  }
  return byCurrency;
}

describe('GET /v1/tenant-admin/reports/summary', () => {
  it.each(Object.entries(SCENARIOS))(
    'on %s equals the figures worked out from the inserted rows',
    async (_, s) => {
      clock.now = new Date(s.now);
      const response = await summary();
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json();
      const now = new Date(s.now);

      expect(DateTime.fromISO(s.today, { zone: ZONE }).toUTC().toISO()).toBe(s.todayFrom);
      const today = appts.filter((a) => between(a.start, s.todayFrom, s.todayTo) && live(a, now));
      const next = today
        .filter((a) => a.start >= now)
        .sort((a, b) => a.start.getTime() - b.start.getTime() || (a.id < b.id ? -1 : 1))
        .slice(0, 10);
      expect(body.today.date).toBe(s.today);
      expect(body.today.appointments).toBe(today.length);
      expect(body.today.next.map((a: { id: string }) => a.id)).toEqual(next.map((a) => a.id));
      expect(body.today.next).toHaveLength(10);
      expect(body.today.next[0]).toMatchObject({
        serviceName: 'Session',
        providerName: 'Provider 1',
        status: 'CONFIRMED',
      });

      expect(body.week).toMatchObject({
        start: s.weekStart,
        lastWeekStart: s.lastWeekStart,
        lastWeekUntil: s.lastWeekTo,
      });
      expect(body.week.noShows).toBe(
        appts.filter((a) => a.status === 'NO_SHOW' && between(a.start, s.weekFrom, s.weekTo)).length,
      );

      const thisWeek = revenue(s.weekFrom, s.now);
      const lastWeek = revenue(s.lastWeekFrom, s.lastWeekTo);
      const zero = { grossCents: 0, netCents: 0 };
      const currencies = [...new Set([...thisWeek.keys(), ...lastWeek.keys()])].sort();
      expect(body.week.revenue).toEqual(
        currencies.map((currency) => ({
          currency,
          thisWeek: thisWeek.get(currency) ?? zero,
          lastWeek: lastWeek.get(currency) ?? zero,
        })),
      );
      expect(currencies).toEqual(['EUR', 'USD']);
    },
  );

  it('sums what clients owe as the appointments’ own amountDueCents: paid-into bookings and no-shows', async () => {
    const body = (await summary()).json();
    const owed = new Map<
      string,
      {
        currency: string;
        appointments: number;
        amountDueCents: number;
        depositBalancesCents: number;
        noShowFeesCents: number;
      }
    >();
    for (const a of appts) {
      if (a.status === 'CANCELLED') continue;
      const appointment = (
        await admin(t.app, tenant, { method: 'GET', url: `/v1/tenant-admin/appointments/${a.id}` })
      ).json();
      const paid = paidOf.get(a.id) ?? 0;
      // Counted: a no-show's fee due, or the balance of a booking something was paid for.
      if (appointment.amountDueCents <= 0 || (a.status !== 'NO_SHOW' && paid === 0)) continue;
      const entry = owed.get(a.currency) ?? {
        currency: a.currency,
        appointments: 0,
        amountDueCents: 0,
        depositBalancesCents: 0,
        noShowFeesCents: 0,
      };
      entry.appointments += 1;
      entry.amountDueCents += appointment.amountDueCents;
      if (a.status === 'NO_SHOW') entry.noShowFeesCents += appointment.amountDueCents;
      else entry.depositBalancesCents += appointment.amountDueCents;
      owed.set(a.currency, entry);
    }
    expect(body.outstanding).toEqual([...owed.values()].sort((a, b) => (a.currency < b.currency ? -1 : 1)));
    expect(body.outstanding.length).toBe(2);
  });

  it('shows another tenant nothing of this one', async () => {
    clock.now = new Date(SCENARIOS['Monday 22 March, 10:30 CET'].now);
    const body = (await summary(other)).json();
    expect(body.today).toMatchObject({
      appointments: 1,
      next: [{ clientName: 'Elsewhere', providerName: null }],
    });
    expect(body.week.noShows).toBe(1);
    expect(body.week.revenue).toEqual([]);
    expect(body.outstanding).toEqual([
      {
        currency: 'EUR',
        appointments: 1,
        amountDueCents: 99_000,
        depositBalancesCents: 0,
        noShowFeesCents: 99_000,
      },
    ]);
  });
});
