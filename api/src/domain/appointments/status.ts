import { InvalidStateError } from '../errors.ts';

/**
 * Appointment life cycle:
 *   PENDING ──paid──▶ CONFIRMED ──▶ COMPLETED | NO_SHOW
 *      │                  │
 *      └──────────────────┴──▶ CANCELLED (also: a hold that expired, or the old side of a reschedule)
 */
export type AppointmentStatus = 'PENDING' | 'CONFIRMED' | 'COMPLETED' | 'CANCELLED' | 'NO_SHOW';

/** Statuses that hold the provider's, resource's and seat's time. */
export const LIVE_STATUSES = ['PENDING', 'CONFIRMED'] as const satisfies AppointmentStatus[];

export type StatusChange = 'cancel' | 'complete' | 'no-show' | 'reschedule';

interface Appointment {
  status: AppointmentStatus;
  startTimeUtc: Date;
}

/** Throws InvalidStateError unless `change` is allowed for `appointment` at `now`. */
export function assertStatusChange(
  appointment: Appointment,
  change: StatusChange,
  now: Date,
  actor: 'client' | 'admin',
): void {
  const live = appointment.status === 'PENDING' || appointment.status === 'CONFIRMED';
  const started = appointment.startTimeUtc.getTime() <= now.getTime();
  switch (change) {
    case 'cancel':
    case 'reschedule':
      if (!live) throw new InvalidStateError(`A ${appointment.status} appointment cannot be changed.`);
      if (actor === 'client' && started) {
        throw new InvalidStateError('The appointment has already started: please contact the business.');
      }
      return;
    case 'complete':
    case 'no-show':
      if (appointment.status !== 'CONFIRMED') {
        throw new InvalidStateError(
          `Only a CONFIRMED appointment can be marked ${change}; this one is ${appointment.status}.`,
        );
      }
      if (!started)
        throw new InvalidStateError(`The appointment has not started yet: it cannot be marked ${change}.`);
      return;
  }
}
