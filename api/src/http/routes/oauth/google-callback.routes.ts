import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OAUTH_CALLBACK_PATH } from '../../../adapters/google/google-client.ts';
import { ErrorResponse } from '../../../schemas/common.ts';
import { GoogleCallbackQuerySchema } from '../../../schemas/google-calendar.schemas.ts';
import { calendarServices } from '../../../use-cases/calendar/calendar-services.ts';
import { completeGoogleConnection } from '../../../use-cases/calendar/complete-google-connection.ts';
import { oauthCallbackLogSerializers, sendConnectedPage } from '../../oauth-callback-page.ts';

/**
 * GET /v1/oauth/google/callback: where Google sends the provider's browser after the consent page.
 * No API key (a browser coming back from Google has none): the single-use `state` we issued is
 * what ties it to a tenant and provider. Errors answer in our error shape (400
 * invalid_oauth_state, 400 oauth_denied). The URL carries the authorization code, so the request's
 * log line keeps it out (`code` and `state` redacted, as tokens are everywhere).
 */
export const googleCallbackRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(OAUTH_CALLBACK_PATH, {
    logSerializers: oauthCallbackLogSerializers,
    config: { noStore: true },
    schema: {
      tags: ['Providers'],
      summary: "Google's consent comes back (the provider's browser)",
      description:
        'Called by Google, not by API clients. Exchanges the code, keeps the refresh token sealed, opens a push ' +
        'channel and reads the calendar; answers a small HTML page. A state that is forged, expired (10 minutes) ' +
        'or used before: 400 invalid_oauth_state; the provider declined: 400 oauth_denied; nothing is stored then.',
      querystring: GoogleCallbackQuerySchema,
      response: {
        200: z.string().meta({ description: 'An HTML page saying the calendar is connected.' }),
        400: ErrorResponse,
        409: ErrorResponse,
        503: ErrorResponse,
      },
    },
    handler: async (request, reply) => {
      const services = calendarServices(app.config, app.googleCalendar, app.now, request.log);
      await completeGoogleConnection(app.db, services, request.query);
      return sendConnectedPage(
        reply,
        'Google Calendar connected',
        'Bookings now appear in this calendar, and its events block booking times. You can close this window.',
      );
    },
  });
};
