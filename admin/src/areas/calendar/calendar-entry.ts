import type { Appointment, BusyBlock } from '@mais/sdk';
import type { TimedItem } from './calendar-layout.ts';

/** What the calendar draws: a booking, or time a provider is busy in their own calendar. */
export type CalendarEntry =
  | (TimedItem & { kind: 'appointment'; appointment: Appointment })
  | (TimedItem & { kind: 'busy'; block: BusyBlock });

/** Appointments that can still move: not cancelled, finished or missed. */
export function isMovable(appointment: Appointment): boolean {
  return appointment.status === 'CONFIRMED' || appointment.status === 'PENDING';
}

/** The calendar's entries, one Date pair each, made once per load (not per render). */
export function calendarEntries(
  appointments: readonly Appointment[],
  blocks: readonly BusyBlock[],
): CalendarEntry[] {
  const entries: CalendarEntry[] = [];
  for (const appointment of appointments) {
    entries.push({
      kind: 'appointment',
      id: appointment.id,
      start: new Date(appointment.startTimeUtc),
      end: new Date(appointment.endTimeUtc),
      appointment,
    });
  }
  for (const block of blocks) {
    entries.push({
      kind: 'busy',
      id: block.id,
      start: new Date(block.startTimeUtc),
      end: new Date(block.endTimeUtc),
      allDay: block.allDay,
      block,
    });
  }
  return entries;
}
