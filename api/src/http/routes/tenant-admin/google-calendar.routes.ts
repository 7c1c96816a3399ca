import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authenticatedErrors, ErrorResponse, IdParams } from '../../../schemas/common.ts';
import {
  GoogleAuthorizationSchema,
  GoogleCalendarStatusSchema,
} from '../../../schemas/google-calendar.schemas.ts';
import { calendarServices } from '../../../use-cases/calendar/calendar-services.ts';
import { disconnectGoogleCalendar } from '../../../use-cases/calendar/disconnect-google-calendar.ts';
import { googleConnectionStatus } from '../../../use-cases/calendar/google-connection-status.ts';
import { startGoogleConnection } from '../../../use-cases/calendar/start-google-connection.ts';

const tags = ['Providers'];
const security = [{ secretKey: [] }];
const path = '/providers/:id/calendar/google';

/** /providers/:id/calendar/google: a provider's Google Calendar, connected both ways. */
export const googleCalendarRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(path, {
    config: { access: 'provider', owns: 'providerParam' },
    schema: {
      tags,
      security,
      summary: "Start connecting a provider's Google Calendar",
      description:
        "Answers Google's consent page for the provider to open (offline access to calendar events). " +
        'Once they allow it, their bookings appear in their calendar and their own events block their ' +
        'times. 409 calendar_not_configured when the platform has no Google client or PUBLIC_URL.',
      params: IdParams,
      response: { 200: GoogleAuthorizationSchema, ...authenticatedErrors, 409: ErrorResponse },
    },
    handler: async (request) =>
      startGoogleConnection(request.scope, services(request.log), request.params.id),
  });

  app.get(path, {
    config: { access: 'provider', owns: 'providerParam' },
    schema: {
      tags,
      security,
      summary: "A provider's Google Calendar connection",
      params: IdParams,
      response: { 200: GoogleCalendarStatusSchema, ...authenticatedErrors },
    },
    handler: async (request) => googleConnectionStatus(request.scope, request.params.id),
  });

  app.delete(path, {
    config: { access: 'provider', owns: 'providerParam' },
    schema: {
      tags,
      security,
      summary: "Disconnect a provider's Google Calendar",
      description:
        "Stops the push channel, revokes the access at Google and forgets the tokens and the calendar's busy " +
        'times. Events already in the calendar stay there. 204 also when none was connected.',
      params: IdParams,
      response: { 204: z.void().meta({ description: 'Disconnected.' }), ...authenticatedErrors },
    },
    handler: async (request, reply) => {
      await disconnectGoogleCalendar(request.scope, services(request.log), request.params.id);
      return reply.status(204).send();
    },
  });

  function services(log: Parameters<typeof calendarServices>[3]) {
    return calendarServices(app.config, app.googleCalendar, app.now, log);
  }
};
