import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/adapters/db/prisma-client.ts';
import type { LedgerEntryKind } from '../../src/generated/prisma/enums.ts';

// Generated appointments and ledger rows for the services, providers and CSV report tests,
// inserted directly (appointments and appointment_events take inserts; the ledger refuses only
// UPDATE and DELETE). Each record says what the tests need to add figures up on their own.

/** A small seeded PRNG (mulberry32), so a failing data set can be rebuilt. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What happened to a generated appointment. */
export const OUTCOMES = [
  'confirmed',
  'completed',
  'noShow',
  'cancelledByClient',
  'cancelledByAdmin',
  'holdExpiredReleased', // CANCELLED by the system, never confirmed
  'holdExpiredPending', // still PENDING, hold over: not yet released
  'holdLive', // PENDING, hold not over at the report's now
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface GenAppointment {
  id: string;
  serviceId: string;
  providerId: string;
  currency: string;
  outcome: Outcome;
  start: Date;
  minutes: number;
  totalAmountCents: number;
  sessionKey: string;
}

export interface GenLedgerRow {
  appointmentId: string;
  kind: LedgerEntryKind;
  amountCents: number;
  currency: string;
  occurredAt: Date;
}

const STATUS: Record<Outcome, string> = {
  confirmed: 'CONFIRMED',
  completed: 'COMPLETED',
  noShow: 'NO_SHOW',
  cancelledByClient: 'CANCELLED',
  cancelledByAdmin: 'CANCELLED',
  holdExpiredReleased: 'CANCELLED',
  holdExpiredPending: 'PENDING',
  holdLive: 'PENDING',
};

/** Whether the outcome is a booking by the reports' rule (a lapsed hold is not). */
export const isBooking = (outcome: Outcome) => !outcome.startsWith('holdExpired');
export const isKept = (outcome: Outcome) => isBooking(outcome) && !outcome.startsWith('cancelled');

let seq = 1_000_000;

/** Inserts the appointments with the history rows the reports read (CANCELLED with its actor). */
export async function insertAppointments(
  db: Db,
  tenantId: string,
  list: readonly GenAppointment[],
  now: Date,
) {
  for (const a of list) {
    const status = STATUS[a.outcome];
    const end = new Date(a.start.getTime() + a.minutes * 60_000);
    const confirmed = isBooking(a.outcome) && a.outcome !== 'holdLive';
    const hold =
      a.outcome === 'holdLive'
        ? new Date(now.getTime() + 365 * 86_400_000) // live whenever the reports are read
        : a.outcome.startsWith('holdExpired')
          ? new Date(now.getTime() - 3_600_000)
          : null;
    await db.$executeRaw`
      INSERT INTO appointments (id, "tenantId", "serviceId", "providerId", "clientName", "clientEmail",
        "clientTimezone", "startTimeUtc", "endTimeUtc", "occupiedStartUtc", "occupiedEndUtc", "sessionKey",
        status, "holdExpiresAt", currency, "totalAmountCents", "manageTokenHash", "confirmedAt")
      VALUES (${a.id}::uuid, ${tenantId}::uuid, ${a.serviceId}::uuid, ${a.providerId}::uuid, 'Gen Client',
        'gen@example.com', 'Europe/Berlin', ${a.start}, ${end}, ${a.start}, ${end}, ${a.sessionKey},
        ${status}::"AppointmentStatus", ${hold}, ${a.currency}, ${a.totalAmountCents}, 'x',
        ${confirmed ? a.start : null})`;
    const actor =
      a.outcome === 'cancelledByClient'
        ? 'CLIENT'
        : a.outcome === 'cancelledByAdmin'
          ? 'ADMIN'
          : a.outcome === 'holdExpiredReleased'
            ? 'SYSTEM'
            : null;
    if (actor) {
      seq += 1;
      await db.$executeRaw`
        INSERT INTO appointment_events ("tenantId", seq, "appointmentId", type, actor, "occurredAt")
        VALUES (${tenantId}::uuid, ${seq}, ${a.id}::uuid, 'CANCELLED', ${actor}::"Actor", ${now})`;
    }
  }
}

const STRIPE_PREFIX: Partial<Record<LedgerEntryKind, string>> = {
  CHARGE: 'ch_',
  DEPOSIT: 'ch_',
  NO_SHOW_FEE: 'ch_',
  REFUND: 're_',
  STRIPE_FEE: 'txn_',
};

export async function insertLedger(db: Db, tenantId: string, rows: readonly GenLedgerRow[]) {
  await db.ledgerEntry.createMany({
    data: rows.map((row) => {
      const prefix = STRIPE_PREFIX[row.kind];
      const stripeObjectId = prefix ? `${prefix}${randomUUID().replaceAll('-', '')}` : null;
      return {
        tenantId,
        ...row,
        stripeObjectId,
        stripeBalanceTransactionId: prefix === 'txn_' ? stripeObjectId : null,
      };
    }),
  });
}

/**
 * `count` appointments of `services` (each with its currency and price) and `providerIds`, one
 * every 150 minutes from `first` (so none overlap; over Berlin's DST night and a month's end
 * when `first` is chosen so), with random outcomes, and money for most: a charge or a deposit,
 * Stripe's fee, sometimes a refund or a no-show fee at the venue, moved up to two days later.
 */
export function generateReportData(
  rand: () => number,
  options: {
    count: number;
    first: Date;
    services: ReadonlyArray<{ id: string; currency: string; priceCents: number }>;
    providerIds: readonly string[];
  },
): { appointments: GenAppointment[]; ledger: GenLedgerRow[] } {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const appointments: GenAppointment[] = [];
  const ledger: GenLedgerRow[] = [];
  for (let i = 0; i < options.count; i++) {
    const service = pick(options.services);
    const id = randomUUID();
    const start = new Date(options.first.getTime() + i * 150 * 60_000);
    const appointment: GenAppointment = {
      id,
      serviceId: service.id,
      providerId: pick(options.providerIds),
      currency: service.currency,
      outcome: pick(OUTCOMES),
      start,
      minutes: pick([30, 45, 60, 90]),
      totalAmountCents: service.priceCents + Math.floor(rand() * 5) * 250,
      sessionKey: id,
    };
    appointments.push(appointment);
    if (!isBooking(appointment.outcome) || rand() < 0.2) continue;
    const at = (hours: number) => new Date(start.getTime() + hours * 3_600_000);
    const money = (kind: LedgerEntryKind, amountCents: number, hours: number) =>
      ledger.push({
        appointmentId: id,
        kind,
        amountCents,
        currency: service.currency,
        occurredAt: at(hours),
      });
    const paid = rand() < 0.5 ? appointment.totalAmountCents : Math.floor(appointment.totalAmountCents / 4);
    money(paid === appointment.totalAmountCents ? 'CHARGE' : 'DEPOSIT', paid, -24 * rand());
    money('STRIPE_FEE', -(25 + Math.floor(paid * 0.015)), -24 * rand());
    if (appointment.outcome.startsWith('cancelled') || rand() < 0.15) {
      money('REFUND', -Math.max(1, Math.floor(paid * (rand() < 0.5 ? 1 : 0.5))), 48 * rand());
    }
    if (appointment.outcome === 'noShow' && rand() < 0.5) money('NO_SHOW_FEE_VENUE', 1_500, 1);
  }
  return { appointments, ledger };
}
