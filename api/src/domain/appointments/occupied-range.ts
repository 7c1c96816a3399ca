import type { Interval } from '../availability/intervals.ts';
import { MINUTE } from '../time-units.ts';

export interface ServiceTiming {
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
}

/**
 * The appointment itself and the time it holds: buffers before and after are
 * held too (the exclusion constraints compare occupied ranges).
 * Example: 60 min at 09:00 with 15 min before and 10 after occupies 08:45–10:10.
 */
export function appointmentTimes(
  service: ServiceTiming,
  start: number,
): { appointment: Interval; occupied: Interval } {
  const end = start + service.durationMinutes * MINUTE;
  return {
    appointment: { start, end },
    occupied: {
      start: start - service.bufferBeforeMinutes * MINUTE,
      end: end + service.bufferAfterMinutes * MINUTE,
    },
  };
}
