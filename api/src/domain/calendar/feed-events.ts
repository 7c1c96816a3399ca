import { DAY } from '../time-units.ts';
import { eventUid } from './event-uid.ts';

/**
 * What an ICS feed lists, as plain data (adapters/calendar-files/feed.ts writes the file).
 *
 * A feed is re-read whole by the calendar apps subscribed to it, which replace what they showed:
 * an appointment that leaves the feed leaves their calendars. So a cancelled appointment stays in
 * the window as STATUS:CANCELLED (apps that honour it drop the event; those that do not still show
 * "Cancelled:" in its title), and holds waiting for payment are never listed: they may never become
 * bookings.
 */

/** Recent history, to look back on, and the bookings ahead. */
export const FEED_DAYS_BACK = 30;
export const FEED_DAYS_AHEAD = 365;
/**
 * At most this many events, the earliest first (the window's start): calendar apps give up on
 * very large feeds (Google's limit is about 1 MB), and the far future matters least.
 */
export const FEED_MAX_EVENTS = 2000;

/** Appointments starting from 30 days before `now` to 365 days after it. */
export function feedWindow(now: Date): { from: Date; to: Date } {
  return {
    from: new Date(now.getTime() - FEED_DAYS_BACK * DAY),
    to: new Date(now.getTime() + FEED_DAYS_AHEAD * DAY),
  };
}

export type FeedAppointmentStatus = 'CONFIRMED' | 'COMPLETED' | 'NO_SHOW' | 'CANCELLED';

export interface FeedAppointment {
  id: string;
  status: FeedAppointmentStatus;
  startTimeUtc: Date;
  endTimeUtc: Date;
  serviceName: string;
  providerName: string | null;
  client: { name: string; email: string; phone: string | null };
  seats: number;
  /** RESCHEDULED events in the appointment's history. */
  reschedules: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface FeedEvent {
  uid: string;
  /** RFC 5545 SEQUENCE: the number of times the appointment was moved. */
  sequence: number;
  status: 'CONFIRMED' | 'CANCELLED';
  start: Date;
  end: Date;
  summary: string;
  /** The description's lines; empty: none. */
  description: string[];
  created: Date;
  lastModified: Date;
}

export interface FeedOptions {
  /** The tenant's `icsFeedClientDetails`: the full name, email and phone, not only the first name. */
  clientDetails: boolean;
  /** The tenant's feed names each appointment's provider; a provider's own feed has no need to. */
  withProvider: boolean;
  /** PUBLIC_URL, for the events' UIDs (event-uid.ts). */
  publicUrl: string | undefined;
}

/**
 * One event per appointment. SUMMARY is "<service> – <client's first name>", with the provider in
 * brackets on the tenant's feed: "Haircut – Ada (Grace Hopper)"; the full name and the contact
 * details (in the description) only when the tenant allows it, because a feed URL is easily
 * shared and calendars copy what they read into places we cannot reach. SEQUENCE counts the
 * reschedules, as the email invitations do, so both tell a calendar the same version.
 */
export function feedEvents(appointments: readonly FeedAppointment[], options: FeedOptions): FeedEvent[] {
  return appointments.map((appointment) => {
    const cancelled = appointment.status === 'CANCELLED';
    const client = options.clientDetails
      ? appointment.client.name.trim()
      : firstName(appointment.client.name);
    const provider = options.withProvider && appointment.providerName ? ` (${appointment.providerName})` : '';
    return {
      uid: eventUid(appointment.id, options.publicUrl),
      sequence: appointment.reschedules,
      status: cancelled ? 'CANCELLED' : 'CONFIRMED',
      start: appointment.startTimeUtc,
      end: appointment.endTimeUtc,
      summary: `${cancelled ? 'Cancelled: ' : ''}${appointment.serviceName} – ${client}${provider}`,
      description: descriptionOf(appointment, options.clientDetails),
      created: appointment.createdAt,
      lastModified: appointment.updatedAt,
    };
  });
}

function descriptionOf(appointment: FeedAppointment, clientDetails: boolean): string[] {
  const lines: string[] = [];
  if (clientDetails) {
    lines.push(`Client: ${appointment.client.name.trim()}`, `Email: ${appointment.client.email}`);
    if (appointment.client.phone) lines.push(`Phone: ${appointment.client.phone}`);
  }
  if (appointment.seats > 1) lines.push(`Seats: ${appointment.seats}`);
  if (appointment.status === 'NO_SHOW') lines.push('The client did not come.');
  return lines;
}

/** The first word of a name ("Ada" of "Ada Lovelace"); "Client" for a name of spaces only. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] || 'Client';
}

/** X-WR-CALNAME: the business, and on a provider's feed the provider: "Studio Nord – Grace Hopper". */
export function feedName(tenantName: string, providerName: string | null): string {
  return providerName ? `${tenantName} – ${providerName}` : tenantName;
}
