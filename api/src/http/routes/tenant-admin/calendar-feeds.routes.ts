import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SecretBox } from '../../../adapters/crypto/secret-box.ts';
import { ValidationError } from '../../../domain/errors.ts';
import { CalendarFeedLinkSchema, type CalendarFeedLinkDto } from '../../../schemas/calendar-feed.schemas.ts';
import { authenticatedErrors, IdParams } from '../../../schemas/common.ts';
import {
  rotateCalendarFeedLink,
  showCalendarFeedLink,
  type FeedLink,
  type FeedLinkContext,
} from '../../../use-cases/calendar-feed-link.ts';
import { calendarFeedUrl } from '../calendar-feeds.routes.ts';

const tags = ['Calendar feeds'];
const security = [{ secretKey: [] }];

const SHOW =
  'The secret URL calendar apps subscribe to (Google, Outlook, Apple: "subscribe from URL"); made on ' +
  'first request. Without ENCRYPTION_KEY on the platform the URL is shown only by the answer that ' +
  'made it; later answers say `url: null` and a rotation makes a new one.';
const ROTATE =
  'A new secret URL; the old one answers 404 from now on (subscribed calendars stop updating until ' +
  'they subscribe to the new one).';

/**
 * ICS feed URLs: one per provider (their appointments) and one for the whole tenant (everyone's,
 * each event naming its provider). The feeds themselves are served by ../calendar-feeds.routes.ts.
 */
export const calendarFeedsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ENCRYPTION_KEY, ENCRYPTION_KEY_PREVIOUS, PUBLIC_URL } = app.config;
  const sealer = ENCRYPTION_KEY ? new SecretBox(ENCRYPTION_KEY, ENCRYPTION_KEY_PREVIOUS) : null;

  const context = (request: FastifyRequest): FeedLinkContext => ({
    sealer,
    now: app.now(),
    onUnreadable: () =>
      request.log.warn(
        'a calendar feed token does not open with ENCRYPTION_KEY (replaced without ENCRYPTION_KEY_PREVIOUS?): rotate the feed',
      ),
  });
  const answer = (request: FastifyRequest, link: FeedLink): CalendarFeedLinkDto => ({
    url: link.token === null ? null : calendarFeedUrl(PUBLIC_URL ?? requestOrigin(request), link.token),
    rotatedAt: link.rotatedAt.toISOString(),
  });

  app.get('/ics-feed', {
    schema: {
      tags,
      security,
      summary: "The tenant's calendar feed URL (all providers)",
      description: SHOW,
      response: { 200: CalendarFeedLinkSchema, ...authenticatedErrors },
    },
    handler: async (request) =>
      answer(request, await showCalendarFeedLink(request.scope, null, context(request))),
  });

  app.post('/ics-feed', {
    schema: {
      tags,
      security,
      summary: "Rotate the tenant's calendar feed URL",
      description: ROTATE,
      response: { 200: CalendarFeedLinkSchema, ...authenticatedErrors },
    },
    handler: async (request) =>
      answer(request, await rotateCalendarFeedLink(request.scope, null, context(request))),
  });

  app.get('/providers/:id/ics-feed', {
    config: { access: 'provider', owns: 'providerParam' },
    schema: {
      tags,
      security,
      summary: "A provider's calendar feed URL",
      description: SHOW,
      params: IdParams,
      response: { 200: CalendarFeedLinkSchema, ...authenticatedErrors },
    },
    handler: async (request) =>
      answer(request, await showCalendarFeedLink(request.scope, request.params.id, context(request))),
  });

  app.post('/providers/:id/ics-feed', {
    config: { access: 'provider', owns: 'providerParam' },
    schema: {
      tags,
      security,
      summary: "Rotate a provider's calendar feed URL",
      description: ROTATE,
      params: IdParams,
      response: { 200: CalendarFeedLinkSchema, ...authenticatedErrors },
    },
    handler: async (request) =>
      answer(request, await rotateCalendarFeedLink(request.scope, request.params.id, context(request))),
  });
};

/**
 * Without PUBLIC_URL, links use the origin the admin reached the API at (behind a proxy,
 * X-Forwarded-Proto and -Host when TRUST_PROXY trusts it): right when admins and calendar apps
 * reach the API at one address. Set PUBLIC_URL otherwise.
 */
function requestOrigin(request: FastifyRequest): string {
  try {
    return new URL(`${request.protocol}://${request.host}`).origin;
  } catch {
    throw new ValidationError('The request has no usable Host to build a link from: set PUBLIC_URL.');
  }
}
