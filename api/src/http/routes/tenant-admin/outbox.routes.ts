import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authenticatedErrors, IdParams, pageOf } from '../../../schemas/common.ts';
import {
  OutboxListQuery,
  OutboxMessageDetailSchema,
  OutboxMessageSchema,
} from '../../../schemas/outbox.schemas.ts';

const tags = ['Notifications'];
const security = [{ secretKey: [] }];

/**
 * Every message built for the tenant's bookings, sent or not (without POSTMARK_SERVER_TOKEN all are
 * SKIPPED, so a demo shows what would have been sent). Manage tokens are never shown.
 */
export const outboxRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/outbox', {
    schema: {
      tags,
      security,
      summary: 'List the messages built (emails and SMS), newest first',
      description:
        'Confirmations, payment receipts, moves, cancellations, reminders and provider notices, with their ' +
        'status. Filter by `status` or `appointmentId`.',
      querystring: OutboxListQuery,
      response: { 200: pageOf(OutboxMessageSchema), ...authenticatedErrors },
    },
    handler: async (request) => request.scope.outbox.list(request.query),
  });

  app.get('/outbox/:id', {
    schema: {
      tags,
      security,
      summary: 'Get one message with its HTML version and .ics',
      params: IdParams,
      response: { 200: OutboxMessageDetailSchema, ...authenticatedErrors },
    },
    handler: async (request) => request.scope.outbox.get(request.params.id),
  });
};
