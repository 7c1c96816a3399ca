import type { Interval } from '../../domain/availability/intervals.ts';
import type { Prisma } from '../../generated/prisma/client.ts';

/**
 * Transaction-scoped pieces of the booking protocol (see
 * use-cases/book-appointment.ts). Locks are advisory and released at commit
 * or rollback.
 *
 * A lock covers one provider (or resource) for one hour of real time. A
 * booking locks every hour its occupied range touches, so two bookings whose
 * ranges overlap always share an hour and run one after the other, while
 * bookings of the same provider at different hours run side by side. Keys are
 * taken in one global order (the provider's hours ascending, then each
 * resource's, resources by id) and a transaction locks one provider only, so
 * two bookings never wait on each other in a cycle.
 */

const HOUR = 3_600_000;

/**
 * Options for every booking transaction. Prisma's defaults (2 s to get a
 * connection, 5 s to run) turn a crowd on one slot into 500s: everyone who
 * passed the first check before the winner committed queues for the pool,
 * because the transactions ahead hold their connections while they wait for
 * the provider's lock. Each waiter is short (it re-checks and finds the slot
 * taken), so the queue drains; it must be allowed to wait its turn.
 */
export const BOOKING_TRANSACTION = { maxWait: 15_000, timeout: 15_000 } as const;

export async function lockProviderAndResources(
  tx: Prisma.TransactionClient,
  tenantId: string,
  providerId: string,
  resourceIds: readonly string[],
  occupied: Interval,
): Promise<void> {
  const hours: number[] = [];
  for (let hour = Math.floor(occupied.start / HOUR); hour * HOUR < occupied.end; hour++) hours.push(hour);
  const keys = [
    ...hours.map((hour) => `provider:${tenantId}:${providerId}:${hour}`),
    ...[...resourceIds].sort().flatMap((id) => hours.map((hour) => `resource:${tenantId}:${id}:${hour}`)),
  ];
  for (const key of keys) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
  }
}

/**
 * Holds (PENDING, unpaid) whose time is up no longer hold their slot: the
 * engine ignores them, and this marks those in the way as CANCELLED so that
 * the exclusion constraints (which cannot read the clock) let the new booking
 * in. No background job has to run first.
 */
export async function releaseExpiredHolds(
  tx: Prisma.TransactionClient,
  tenantId: string,
  providerId: string | null,
  resourceIds: readonly string[],
  occupied: Interval,
  now: Date,
): Promise<number> {
  return tx.$executeRaw`
    UPDATE appointments
       SET status = 'CANCELLED', "cancelledAt" = ${now}, "cancellationReason" = 'hold_expired', "updatedAt" = ${now}
     WHERE "tenantId" = ${tenantId}::uuid
       AND status = 'PENDING'
       AND "holdExpiresAt" <= ${now}
       AND ("providerId" = ${providerId}::uuid OR "resourceId" = ANY(${[...resourceIds]}::uuid[]))
       AND "occupiedStartUtc" < ${new Date(occupied.end)}
       AND "occupiedEndUtc" > ${new Date(occupied.start)}`;
}

/** An insert refused by an exclusion constraint (23P01) or a serialization failure (40001). */
export function isExclusionViolation(error: unknown): boolean {
  const code = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } })?.meta
    ?.driverAdapterError?.cause?.originalCode;
  return code === '23P01' || code === '40001';
}
