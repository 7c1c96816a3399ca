import type { CalendarFeedDocument } from '../adapters/calendar-files/feed.ts';
import { findFeedByTokenHash } from '../adapters/db/repositories/calendar-feed-lookup.ts';
import type { Db } from '../adapters/db/prisma-client.ts';
import { forTenant } from '../adapters/db/tenant-scope.ts';
import { FEED_MAX_EVENTS, feedEvents, feedName, feedWindow } from '../domain/calendar/feed-events.ts';
import { hashFeedToken, isFeedToken } from '../domain/calendar/feed-token.ts';
import { NotFoundError } from '../domain/errors.ts';
import { HOUR } from '../domain/time-units.ts';

/**
 * How often calendar apps are asked to fetch a feed again (REFRESH-INTERVAL, X-PUBLISHED-TTL).
 * Apps decide for themselves (Google every several hours whatever we say; Apple and Outlook
 * let the user pick); an hour keeps changes reasonably fresh without inviting polling by the minute.
 */
export const FEED_REFRESH_SECONDS = HOUR / 1000;

/**
 * The feed behind a URL's token: its events over the window (domain/calendar/feed-events.ts).
 * A token of the wrong shape, unknown, or rotated away answers the same NotFoundError, so an
 * answer never says whether a URL ever worked.
 */
export async function readCalendarFeed(
  db: Db,
  token: string,
  context: { now: Date; publicUrl: string | undefined },
): Promise<CalendarFeedDocument> {
  const feed = isFeedToken(token) ? await findFeedByTokenHash(db, hashFeedToken(token)) : null;
  if (!feed) throw new NotFoundError('Calendar feed');
  const scope = forTenant(db, feed.tenantId);
  const appointments = await scope.calendarFeeds.appointments(
    feed.providerId,
    feedWindow(context.now),
    FEED_MAX_EVENTS,
  );
  return {
    name: feedName(feed.tenantName, feed.providerName),
    refreshSeconds: FEED_REFRESH_SECONDS,
    events: feedEvents(appointments, {
      clientDetails: feed.clientDetails,
      withProvider: feed.providerId === null,
      publicUrl: context.publicUrl,
    }),
  };
}
