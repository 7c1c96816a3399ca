import { normalizeIP } from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { renderCalendarFeed } from '../../adapters/calendar-files/feed.ts';
import { hashFeedToken } from '../../domain/calendar/feed-token.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { CalendarFeedParams } from '../../schemas/calendar-feed.schemas.ts';
import { readCalendarFeed } from '../../use-cases/read-calendar-feed.ts';
import { matchesIfNoneMatch, weakEtagOf } from '../etag.ts';
import { rateLimitRefusal } from '../per-address-limit.ts';
import { perMinuteCounters } from '../rate-limit-counters.ts';
import { secretSafeLogging } from '../log-redaction.ts';

export const CALENDAR_FEEDS_PREFIX = '/v1/calendar-feeds';

/** The URL calendar apps subscribe to. */
export function calendarFeedUrl(baseUrl: string, token: string): string {
  return `${baseUrl}${CALENDAR_FEEDS_PREFIX}/${token}.ics`;
}

/**
 * HTTP caching of a feed: `private` (the URL is a secret: no shared cache may keep it), five
 * minutes, then revalidated with the ETag (a 304 costs no file). A rotated URL may thus still be
 * served from a client's own cache for up to five minutes.
 */
const MAX_AGE_SECONDS = 300;
/** Requests per minute for one feed, from anywhere: calendar apps poll every few minutes at most. */
const REQUESTS_PER_FEED_PER_MINUTE = 60;

/**
 * GET /v1/calendar-feeds/<token>.ics: a provider's or the tenant's appointments as an iCalendar
 * file, for calendar apps subscribed to the URL. No API key: the token is the credential. Not in
 * the OpenAPI document (like /widget.js, it is a file for other software, not an API call); see
 * api/README.md, "ICS feeds".
 *
 * Limits, counted like /v1/public's (rate-limit-counters.ts): each address may fail (an unknown, malformed or
 * rotated token) PUBLIC_AUTH_FAILURES_PER_MINUTE times a minute, then gets 429 before any lookup,
 * so guessing costs no database work (and 256-bit tokens cannot be guessed anyway); each feed
 * answers at most 60 requests a minute whoever asks, which bounds a leaked URL's cost without
 * limiting calendar services, whose many users share a few addresses.
 *
 * The token sits in the path, so these routes log their URL with the token replaced, and so does
 * any other path under the prefix (answered 404), in case a client mangles a real URL.
 */
export const calendarFeedRoutes: FastifyPluginAsyncZod = async (app) => {
  const counter = await perMinuteCounters(app);
  const failures = counter('feed-failures', app.config.PUBLIC_AUTH_FAILURES_PER_MINUTE, (request) =>
    normalizeIP(request.ip),
  );
  // The hash, so that no token sits in the counters in clear.
  const perFeed = counter('feed', REQUESTS_PER_FEED_PER_MINUTE, (request) =>
    hashFeedToken((request.params as { token: string }).token),
  );

  app.addHook('onRequest', async (request, reply) => {
    // Until a feed is served: a 404 or 429 must not be kept by any cache.
    reply.header('cache-control', 'no-store');
    const spent = await failures(request, { increment: false });
    if (spent.remaining === 0) {
      throw rateLimitRefusal(reply, spent.ttlInSeconds, 'Too many unknown calendar feeds from this address.');
    }
  });
  app.addHook('onError', async (request, _reply, error) => {
    if (error instanceof NotFoundError) await failures(request);
  });

  app.get(`${CALENDAR_FEEDS_PREFIX}/:token.ics`, {
    schema: { hide: true, params: CalendarFeedParams },
    logSerializers,
    handler: async (request, reply) => {
      const count = await perFeed(request);
      if (count.isExceeded) {
        throw rateLimitRefusal(reply, count.ttlInSeconds, 'Too many requests for this calendar feed.');
      }
      const feed = await readCalendarFeed(app.db, request.params.token, {
        now: app.now(),
        publicUrl: app.config.PUBLIC_URL,
      });
      const body = renderCalendarFeed(feed);
      const etag = weakEtagOf(body);
      reply.header('cache-control', `private, max-age=${MAX_AGE_SECONDS}`).header('etag', etag);
      if (matchesIfNoneMatch(request.headers['if-none-match'], etag)) return reply.status(304).send();
      return reply.type('text/calendar; charset=utf-8').send(body);
    },
  });

  app.get(`${CALENDAR_FEEDS_PREFIX}/*`, { schema: { hide: true }, logSerializers }, async () => {
    throw new NotFoundError('Calendar feed');
  });
};

const TOKEN_IN_PATH = new RegExp(`^${CALENDAR_FEEDS_PREFIX}/[^?#]*`);

/** The request serializer of every log line (log-redaction.ts), with whatever follows the prefix replaced. */
const logSerializers = {
  req: (value: FastifyRequest) => {
    const serialized: unknown = secretSafeLogging.serializers.req(value);
    if (typeof serialized !== 'object' || serialized === null || !('url' in serialized)) return serialized;
    const { url } = serialized;
    if (typeof url !== 'string') return serialized;
    return { ...serialized, url: url.replace(TOKEN_IN_PATH, `${CALENDAR_FEEDS_PREFIX}/[redacted]`) };
  },
};
