import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authenticatedErrors } from '../../../schemas/common.ts';
import { RevenueReportQuery, RevenueReportSchema } from '../../../schemas/report.schemas.ts';
import { revenueReport } from '../../../use-cases/revenue-report.ts';

const tags = ['Reports'];
const security = [{ secretKey: [] }];

/** Reports over the tenant's ledger (issue 11). */
export const reportsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/reports/revenue', {
    schema: {
      tags,
      security,
      summary: 'Revenue per day, week or month, per currency',
      description:
        "The ledger over the days startDate…endDate (the tenant's zone) in buckets of `interval`, on a cash " +
        'basis (when the money moved) or a service basis (when the appointment starts).',
      querystring: RevenueReportQuery,
      response: { 200: RevenueReportSchema, ...authenticatedErrors },
    },
    handler: async (request) => revenueReport(request.scope, request.query, request.auth!.tenant.timezone),
  });
};
