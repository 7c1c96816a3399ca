import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { NOTIFICATION_PATH } from '../../../adapters/google/google-client.ts';
import { ErrorResponse } from '../../../schemas/common.ts';
import {
  GoogleNotificationAnswerSchema,
  GoogleNotificationHeadersSchema,
} from '../../../schemas/google-calendar.schemas.ts';
import { calendarServices } from '../../../use-cases/calendar/calendar-services.ts';
import { handleGoogleNotification } from '../../../use-cases/calendar/handle-google-notification.ts';

/**
 * POST /v1/webhooks/google-calendar: Google's push notifications. No API key: the channel's id and
 * secret token are the authentication. The body is empty (the headers say it all); whatever body
 * or content type arrives is ignored, in this plugin's scope only.
 */
export const googleCalendarWebhookRoutes: FastifyPluginAsyncZod = async (app) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));

  app.post(NOTIFICATION_PATH, {
    schema: {
      tags: ['Webhooks'],
      summary: "Google Calendar's push notifications (a provider's calendar changed)",
      description:
        'For Google only. X-Goog-Channel-ID must name a channel we opened (404 otherwise) and ' +
        'X-Goog-Channel-Token be its token (401 otherwise); nothing is done then. `sync` messages are ' +
        'acknowledged; others sync the calendar at once (503 when Google fails meanwhile: Google retries).',
      headers: GoogleNotificationHeadersSchema,
      response: {
        200: GoogleNotificationAnswerSchema,
        400: ErrorResponse,
        401: ErrorResponse,
        404: ErrorResponse,
        503: ErrorResponse,
      },
    },
    handler: async (request) => {
      const services = calendarServices(app.config, app.googleCalendar, app.now, request.log);
      await handleGoogleNotification(app.db, services, {
        channelId: request.headers['x-goog-channel-id'],
        channelToken: request.headers['x-goog-channel-token'],
        resourceState: request.headers['x-goog-resource-state'],
      });
      return { received: true as const };
    },
  });
};
