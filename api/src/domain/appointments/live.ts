import { AppointmentStatus } from '../../generated/prisma/enums.ts';

export { AppointmentStatus };

/**
 * The one definition of a live appointment: one that holds its provider's,
 * resource's and seat's time. CONFIRMED always; PENDING (an unpaid hold) only
 * until its hold expires. The engine, the busy-time SQL
 * (adapters/db/live-appointment-sql.ts) and the status rules all use it.
 */
export const LIVE_STATUSES = [AppointmentStatus.PENDING, AppointmentStatus.CONFIRMED] as const;

export interface LivenessFacts {
  status: AppointmentStatus;
  holdExpiresAt: Date | null;
}

export function isLive(appointment: LivenessFacts, now: Date): boolean {
  if (appointment.status === AppointmentStatus.CONFIRMED) return true;
  return (
    appointment.status === AppointmentStatus.PENDING &&
    appointment.holdExpiresAt !== null &&
    appointment.holdExpiresAt.getTime() > now.getTime()
  );
}

/** A PENDING hold whose time is up: it no longer holds anything, and is released on the next booking there. */
export function isExpiredHold(appointment: LivenessFacts, now: Date): boolean {
  return appointment.status === AppointmentStatus.PENDING && !isLive(appointment, now);
}
