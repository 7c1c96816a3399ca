import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authenticatedErrors, ErrorResponse } from '../../../schemas/common.ts';
import {
  QuickBooksAuthorizationSchema,
  QuickBooksBackfillBody,
  QuickBooksBackfillSchema,
  QuickBooksStatusSchema,
} from '../../../schemas/quickbooks.schemas.ts';
import { disconnectQuickBooks } from '../../../use-cases/quickbooks/disconnect-quickbooks.ts';
import { quickbooksServices } from '../../../use-cases/quickbooks/quickbooks-services.ts';
import { quickbooksStatus } from '../../../use-cases/quickbooks/quickbooks-status.ts';
import { requestQuickBooksBackfill } from '../../../use-cases/quickbooks/request-quickbooks-backfill.ts';
import { startQuickBooksConnection } from '../../../use-cases/quickbooks/start-quickbooks-connection.ts';

const tags = ['QuickBooks'];
const security = [{ secretKey: [] }];
const path = '/quickbooks';

/** /quickbooks: the tenant's QuickBooks Online company, to which payments and refunds are pushed. */
export const quickbooksRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(`${path}/connect`, {
    config: { access: 'owner' },
    schema: {
      tags,
      security,
      summary: 'Start connecting a QuickBooks Online company',
      description:
        "Answers Intuit's authorize page (scope com.intuit.quickbooks.accounting) for a QuickBooks admin to " +
        'open. Once allowed, each succeeded payment is pushed as a sales receipt and each refund as a refund ' +
        'receipt. 409 quickbooks_not_configured when the platform has no Intuit app or PUBLIC_URL.',
      response: { 200: QuickBooksAuthorizationSchema, ...authenticatedErrors, 409: ErrorResponse },
    },
    handler: async (request) => startQuickBooksConnection(request.scope, services(request.log)),
  });

  app.get(path, {
    schema: {
      tags,
      security,
      summary: 'The QuickBooks Online connection',
      response: { 200: QuickBooksStatusSchema, ...authenticatedErrors },
    },
    handler: async (request) => quickbooksStatus(request.scope),
  });

  app.delete(path, {
    config: { access: 'owner' },
    schema: {
      tags,
      security,
      summary: 'Disconnect QuickBooks Online',
      description:
        'Revokes the access at Intuit and forgets the tokens. Receipts already in QuickBooks stay there. ' +
        '204 also when none was connected.',
      response: { 204: z.void().meta({ description: 'Disconnected.' }), ...authenticatedErrors },
    },
    handler: async (request, reply) => {
      await disconnectQuickBooks(request.scope, services(request.log));
      return reply.status(204).send();
    },
  });

  app.post(`${path}/sync`, {
    schema: {
      tags,
      security,
      summary: 'Push a period to QuickBooks (backfill)',
      description:
        "Queues the payments and refunds of startDate…endDate (days in the tenant's time zone) for QuickBooks; " +
        'those pushed already are skipped, so asking twice makes no second receipt. The push starts within a ' +
        'minute. 409 invalid_state when QuickBooks is not connected; 409 quickbooks_not_configured.',
      body: QuickBooksBackfillBody,
      response: { 202: QuickBooksBackfillSchema, ...authenticatedErrors, 409: ErrorResponse },
    },
    handler: async (request, reply) => {
      const queued = await requestQuickBooksBackfill(
        request.scope,
        services(request.log),
        request.body,
        request.auth!.tenant.timezone,
      );
      return reply.status(202).send(queued);
    },
  });

  function services(log: Parameters<typeof quickbooksServices>[2]) {
    return quickbooksServices(app.config, app.now, log);
  }
};
