import { LIVE_STATUSES } from '../../domain/appointments/live.ts';
import { Prisma } from '../../generated/prisma/client.ts';

/**
 * domain/appointments/live.ts in SQL, for a table aliased as `appointments`:
 * CONFIRMED, or PENDING with a hold that has not expired at `now`. The
 * status list matches the partial indexes and the exclusion constraints.
 */
export function liveAppointmentSql(now: Date): Prisma.Sql {
  return Prisma.sql`appointments.status IN (${Prisma.join(LIVE_STATUSES.map((s) => Prisma.sql`${s}::"AppointmentStatus"`))})
    AND (appointments.status = 'CONFIRMED' OR appointments."holdExpiresAt" > ${now})`;
}
