import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator';
import { DateTime } from 'luxon';
import { icsLine, icsText, PRODID } from './ics-text.ts';
import { isAmbiguousLocalTime, vtimezone } from './vtimezone.ts';

/**
 * The .ics attached to a client's email (RFC 5545, iTIP methods of RFC 5546), made with
 * ical-generator: METHOD:REQUEST for the booking as it is (a confirmation, a move, a reminder),
 * METHOD:CANCEL when it is cancelled. The UID stays the appointment's for its whole life and
 * SEQUENCE counts its revisions, so a calendar updates the one event it already has (a moved
 * booking moves, a cancelled one goes) instead of adding another. Times are in the client's zone
 * with its VTIMEZONE; DTSTAMP is when the message was built, in UTC. A time in the hour a fall-back
 * night repeats is written in UTC instead (a TZID time there names two instants).
 */
export interface Invitation {
  method: 'REQUEST' | 'CANCEL';
  uid: string;
  sequence: number;
  stamp: Date;
  start: Date;
  end: Date;
  zone: string;
  summary: string;
  description?: string;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
}

export function invitationIcs(invitation: Invitation): string {
  const calendar = ical({
    prodId: PRODID,
    method: invitation.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    // No calendar-wide zone: each event names its own, and DTSTAMP stays in UTC as RFC 5545 asks.
    timezone: { name: null, generator: (zone) => vtimezone(zone, invitation.start) },
  });
  const zoned = ![invitation.start, invitation.end].some((instant) =>
    isAmbiguousLocalTime(instant, invitation.zone),
  );
  calendar.createEvent({
    id: invitation.uid,
    sequence: invitation.sequence,
    stamp: DateTime.fromJSDate(invitation.stamp, { zone: 'UTC' }),
    // luxon values: ical-generator writes them in `timezone` (a native Date would be written in the
    // process's own zone).
    start: DateTime.fromJSDate(invitation.start, { zone: 'UTC' }),
    end: DateTime.fromJSDate(invitation.end, { zone: 'UTC' }),
    ...(zoned ? { timezone: invitation.zone } : {}),
    summary: icsLine(invitation.summary),
    ...(invitation.description ? { description: icsText(invitation.description) } : {}),
    status: invitation.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { ...invitation.organizer, name: icsLine(invitation.organizer.name) },
    attendees: [
      {
        name: icsLine(invitation.attendee.name),
        email: invitation.attendee.email,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.ACCEPTED,
        rsvp: false,
      },
    ],
  });
  return calendar.toString();
}
