import ical, { escape, ICalCalendarMethod, ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import type { FeedEvent } from '../../domain/calendar/feed-events.ts';
import { icsLine, icsText, PRODID } from './ics-text.ts';

export interface CalendarFeedDocument {
  /** X-WR-CALNAME: what calendar apps call the subscription. */
  name: string;
  /** REFRESH-INTERVAL and X-PUBLISHED-TTL: how often apps should fetch the feed again. */
  refreshSeconds: number;
  events: readonly FeedEvent[];
}

/**
 * The feed as an iCalendar file (RFC 5545), written by ical-generator. Times are UTC ("…Z"), which
 * every calendar app shows in its own zone and which needs no VTIMEZONE. DTSTAMP is the
 * appointment's last change, not the time of the request, so the same appointments give the same
 * bytes: the ETag then changes only when something in the feed did.
 */
export function renderCalendarFeed(feed: CalendarFeedDocument): string {
  const calendar = ical({
    prodId: PRODID,
    method: ICalCalendarMethod.PUBLISH,
    scale: 'GREGORIAN',
    name: escape(icsLine(feed.name), false),
    ttl: feed.refreshSeconds,
  });
  for (const event of feed.events) {
    const cancelled = event.status === 'CANCELLED';
    calendar.createEvent({
      id: event.uid,
      sequence: event.sequence,
      start: event.start,
      end: event.end,
      stamp: event.lastModified,
      created: event.created,
      lastModified: event.lastModified,
      summary: icsLine(event.summary),
      description: event.description.length ? icsText(event.description.join('\n')) : null,
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      // A cancelled appointment no longer takes the time, even in apps that keep showing it.
      transparency: cancelled ? ICalEventTransparency.TRANSPARENT : ICalEventTransparency.OPAQUE,
    });
  }
  return calendar.toString();
}
