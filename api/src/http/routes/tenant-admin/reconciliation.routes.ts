import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authenticatedErrors, ErrorResponse } from '../../../schemas/common.ts';
import { ReconciliationQuerySchema, ReconciliationSchema } from '../../../schemas/reconciliation.schemas.ts';
import { reconcilePayments } from '../../../use-cases/reconcile-payments.ts';

export const reconciliationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/reconciliation', {
    config: { noStore: true },
    schema: {
      tags: ['Payments'],
      security: [{ secretKey: [] }],
      summary: "The ledger against the tenant's Stripe balance transactions",
      description:
        "Every difference for the days startDate…endDate (the tenant's zone): a movement missing on " +
        'either side, another amount, another currency. Empty `differences`: the ledger matches Stripe to the cent.',
      querystring: ReconciliationQuerySchema,
      response: { 200: ReconciliationSchema, 409: ErrorResponse, 503: ErrorResponse, ...authenticatedErrors },
    },
    handler: async (request) => {
      const { startDate, endDate, reconciliation } = await reconcilePayments(
        request.scope,
        app.payments,
        request.query,
      );
      return {
        startDate,
        endDate,
        differences: reconciliation.differences,
        matchedMovements: reconciliation.matchedMovements,
        outOfScopeTransactions: reconciliation.outOfScope.length,
        offStripeEntries: reconciliation.offStripe.length,
      };
    },
  });
};
