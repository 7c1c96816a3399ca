import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authenticatedErrors } from '../../../schemas/common.ts';
import {
  ProviderReportSchema,
  ReportDaysQuery,
  RevenueReportQuery,
  RevenueReportSchema,
  ServiceReportSchema,
} from '../../../schemas/report.schemas.ts';
import { providerReport } from '../../../use-cases/provider-report.ts';
import { revenueReport } from '../../../use-cases/revenue-report.ts';
import { serviceReport } from '../../../use-cases/service-report.ts';

const tags = ['Reports'];
const security = [{ secretKey: [] }];

/** Reports over the tenant's ledger and appointments (issue 11). */
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

  app.get('/reports/services', {
    schema: {
      tags,
      security,
      summary: 'Bookings, outcomes and revenue per service and currency',
      description:
        "The appointments starting on the days startDate…endDate (the tenant's zone), per service and " +
        'currency: bookings, completed, cancelled by the client or the business, no-shows, net revenue ' +
        '(service basis) and the average price of the bookings not cancelled.',
      querystring: ReportDaysQuery,
      response: { 200: ServiceReportSchema, ...authenticatedErrors },
    },
    handler: async (request) =>
      serviceReport(request.scope, request.query, request.auth!.tenant.timezone, app.now()),
  });

  app.get('/reports/providers', {
    schema: {
      tags,
      security,
      summary: 'Booked and available hours, utilisation, no-shows and revenue per provider',
      description:
        "Per provider over the days startDate…endDate (the tenant's zone): hours booked, hours available " +
        'from their schedule, overrides and busy blocks, utilisation, no-show rate and net revenue per currency.',
      querystring: ReportDaysQuery,
      response: { 200: ProviderReportSchema, ...authenticatedErrors },
    },
    handler: async (request) =>
      providerReport(request.scope, request.query, request.auth!.tenant.timezone, app.now()),
  });
};
