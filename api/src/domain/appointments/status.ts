import { InvalidStateError } from '../errors.ts';
import { AppointmentStatus, isExpiredHold, isLive, type LivenessFacts } from './live.ts';

/**
 * Appointment life cycle:
 *   PENDING ──paid──▶ CONFIRMED ──▶ COMPLETED | NO_SHOW
 *      │                  │
 *      └──────────────────┴──▶ CANCELLED (also: a hold that expired)
 * A reschedule moves a live appointment in time and keeps its status.
 */
export { AppointmentStatus };

export type StatusChange = 'cancel' | 'complete' | 'no-show' | 'reschedule';
export type Actor = 'client' | 'admin';

interface Appointment extends LivenessFacts {
  startTimeUtc: Date;
}

/** Throws InvalidStateError unless `change` is allowed for `appointment` at `now`. */
export function assertStatusChange(
  appointment: Appointment,
  change: StatusChange,
  now: Date,
  actor: Actor,
): void {
  const started = appointment.startTimeUtc.getTime() <= now.getTime();
  switch (change) {
    case 'cancel':
    case 'reschedule':
      if (isExpiredHold(appointment, now)) {
        throw new InvalidStateError('This booking was not paid in time and its hold has expired.');
      }
      if (!isLive(appointment, now)) {
        throw new InvalidStateError(`A ${appointment.status} appointment cannot be changed.`);
      }
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

/** The status a status change leads to (a reschedule keeps the status). */
export function statusAfter(
  change: Exclude<StatusChange, 'reschedule'>,
): 'CANCELLED' | 'COMPLETED' | 'NO_SHOW' {
  return change === 'cancel' ? 'CANCELLED' : change === 'complete' ? 'COMPLETED' : 'NO_SHOW';
}
