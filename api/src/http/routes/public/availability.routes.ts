import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AvailabilityQuerySchema,
  AvailabilitySchema,
  AvailableDatesQuerySchema,
  AvailableDatesSchema,
  ServiceIdParams,
} from '../../../schemas/availability-query.schemas.ts';
import { authenticatedErrors } from '../../../schemas/common.ts';
import { listAvailability, listAvailableDates } from '../../../use-cases/list-availability.ts';
import { trustedJsonAnswers } from '../../trusted-serializer.ts';

const tags = ['Availability'];
const security = [{ publishableKey: [] }];

export const availabilityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/services/:serviceId/availability', {
    ...trustedJsonAnswers,
    schema: {
      tags,
      security,
      summary: 'Bookable times of a service',
      description:
        'Slots whose start falls on the days startDate…endDate (at most 62) of `timezone`, the client’s zone. ' +
        'Without providerId a slot is listed when any provider can take it ("any available").',
      params: ServiceIdParams,
      querystring: AvailabilityQuerySchema,
      response: { 200: AvailabilitySchema, ...authenticatedErrors },
    },
    // Its reads in one transaction: outside one, row-level security gives each its own.
    handler: async (request) =>
      request.scope.transaction((tx) =>
        listAvailability(tx.bookingData, request.params.serviceId, request.query, app.now()),
      ),
  });

  app.get('/services/:serviceId/availability/dates', {
    ...trustedJsonAnswers,
    schema: {
      tags,
      security,
      summary: 'Days of a month with at least one bookable time',
      params: ServiceIdParams,
      querystring: AvailableDatesQuerySchema,
      response: { 200: AvailableDatesSchema, ...authenticatedErrors },
    },
    handler: async (request) =>
      request.scope.transaction((tx) =>
        listAvailableDates(tx.bookingData, request.params.serviceId, request.query, app.now()),
      ),
  });
};
