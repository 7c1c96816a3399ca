import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authenticatedErrors, ErrorResponse } from '../../../schemas/common.ts';
import {
  LedgerListQuery,
  LedgerPageSchema,
  LedgerPeriodSchema,
  ReconciliationSchema,
} from '../../../schemas/ledger.schemas.ts';
import { listLedger } from '../../../use-cases/list-ledger.ts';
import { reconcilePayments } from '../../../use-cases/reconcile-payments.ts';

const tags = ['Payments'];
const security = [{ secretKey: [] }];

/** The tenant's money: its ledger rows over a period, and that period checked against Stripe. */
export const ledgerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/ledger', {
    schema: {
      tags,
      security,
      summary: 'The ledger rows of a period, with its totals',
      description:
        "Rows whose money moved on the days startDate…endDate (the tenant's zone), oldest first, a page at a " +
        'time; `totals` are over the whole period, per currency and kind.',
      querystring: LedgerListQuery,
      response: { 200: LedgerPageSchema, ...authenticatedErrors },
    },
    handler: async (request) => listLedger(request.scope, request.query, request.auth!.tenant.timezone),
  });

  // A POST because it asks Stripe for a whole period's balance transactions (many requests): work
  // done on demand, not a read of our own data.
  app.post('/ledger/reconcile', {
    config: { noStore: true },
    schema: {
      tags,
      security,
      summary: "The ledger against the tenant's Stripe balance transactions",
      description:
        "Every difference for the days startDate…endDate (the tenant's zone): a movement missing on " +
        'either side, another amount, another currency. Empty `differences`: the ledger matches Stripe to the cent.',
      body: LedgerPeriodSchema,
      response: { 200: ReconciliationSchema, 409: ErrorResponse, 503: ErrorResponse, ...authenticatedErrors },
    },
    handler: async (request) => {
      const { startDate, endDate, reconciliation } = await reconcilePayments(
        request.scope,
        app.payments,
        request.body,
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
