import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { BookingPageQuerySchema, BookingPageSchema } from '../../../schemas/booking-page.schemas.ts';
import { authenticatedErrors } from '../../../schemas/common.ts';
import { PublicServiceListSchema } from '../../../schemas/public-catalog.schemas.ts';
import { PublicTenantSchema } from '../../../schemas/tenant.schemas.ts';
import { loadBookingPage } from '../../../use-cases/load-booking-page.ts';
import { trustedJsonAnswers } from '../../trusted-serializer.ts';

const tags = ['Public catalog'];
const security = [{ publishableKey: [] }];

export const catalogRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/tenant', {
    schema: {
      tags,
      security,
      summary: "The business's name, time zone, currency and branding",
      response: { 200: PublicTenantSchema, ...authenticatedErrors },
    },
    handler: async (request) => {
      const { name, timezone, currency, branding } = await request.scope.tenant.get();
      return { name, timezone, currency, branding };
    },
  });

  app.get('/services', {
    schema: {
      tags,
      security,
      summary: 'Active services with their providers and intake form',
      description: 'Every active service in one page (nextCursor is always null), ordered by sortOrder.',
      response: { 200: PublicServiceListSchema, ...authenticatedErrors },
    },
    handler: async (request) => ({
      data: await request.scope.publicCatalog.listServices(),
      nextCursor: null,
    }),
  });

  app.get('/booking-page', {
    ...trustedJsonAnswers,
    schema: {
      tags,
      security,
      summary: "A booking widget's first screen in one request",
      description:
        'The business, its services with the prices that will be charged and, for `serviceId` (or the ' +
        'only service), the calendar: a month of open days and the first open day’s times. With ' +
        '`only=schedule`, just the calendar (for prefetching another month or service).',
      querystring: BookingPageQuerySchema,
      response: { 200: BookingPageSchema, ...authenticatedErrors },
    },
    handler: async (request) =>
      loadBookingPage(request.scope, request.query, app.now(), app.payments !== null),
  });
};
