import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendCsv } from '../../csv-reply.ts';
import { authenticatedErrors } from '../../../schemas/common.ts';
import {
  ClientEmailParams,
  ClientHistorySchema,
  ClientReportCsvQuery,
  ClientReportQuery,
  ClientReportSchema,
  DashboardSummarySchema,
} from '../../../schemas/client-report.schemas.ts';
import { clientHistory } from '../../../use-cases/client-history.ts';
import { clientReport, exportClientReport } from '../../../use-cases/client-report.ts';
import { dashboardSummary } from '../../../use-cases/dashboard-summary.ts';

const tags = ['Reports'];
const security = [{ secretKey: [] }];

/** The clients report, one client's history and the dashboard summary (issue 11). */
export const clientReportsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/reports/clients', {
    schema: {
      tags,
      security,
      summary: 'Clients of a period, with visits, no-shows and lifetime value',
      description:
        "One row per client (lower-cased email) with an appointment starting in startDate…endDate (the tenant's " +
        'zone), by name, a page at a time; counts of the period and lifetime figures side by side, and the ' +
        "period's repeat rate. `q` searches names and emails.",
      querystring: ClientReportQuery,
      response: { 200: ClientReportSchema, ...authenticatedErrors },
    },
    handler: async (request) => clientReport(request.scope, request.query, request.auth!.tenant.timezone),
  });

  app.get('/reports/clients/:email', {
    schema: {
      tags,
      security,
      summary: "One client's appointments, payments and refunds",
      description:
        'Every appointment of the client (their email, URL-encoded, any case), newest first, with its payments ' +
        'and refunds, and totals per currency. 404 when the tenant has no appointment for that email.',
      params: ClientEmailParams,
      response: { 200: ClientHistorySchema, ...authenticatedErrors },
    },
    handler: async (request) => clientHistory(request.scope, request.params.email),
  });

  app.get('/reports/summary', {
    schema: {
      tags,
      security,
      summary: "The dashboard: today's appointments, this week's revenue, what is owed",
      description:
        "Now, in the tenant's zone: today's next appointments and count, this ISO week's cash revenue against " +
        "last week's same span, this week's no-shows, and booked appointments' outstanding balances.",
      response: { 200: DashboardSummarySchema, ...authenticatedErrors },
    },
    handler: async (request) => dashboardSummary(request.scope, request.auth!.tenant.timezone, app.now()),
  });

  // The clients report as a file (a CSV, so not in the OpenAPI document, as exports.routes.ts).
  app.get('/exports/reports/clients.csv', {
    schema: {
      hide: true,
      summary: 'The clients report of a period as CSV',
      querystring: ClientReportCsvQuery,
    },
    handler: async (request, reply) => {
      const file = exportClientReport(request.scope, request.query, request.auth!.tenant.timezone);
      return sendCsv(reply, file, request.query.bom);
    },
  });
};
