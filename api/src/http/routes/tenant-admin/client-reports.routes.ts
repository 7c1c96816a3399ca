import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendCsv } from '../../csv-reply.ts';
import { ValidationError } from '../../../domain/errors.ts';
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

/**
 * The query parser leaves a %-escape that is not UTF-8 (a lone surrogate's "%ED%A0%80") as the
 * literal text, which would pass as a search for "%ED%A0%80". Refused instead, as the router
 * refuses such a path: 400 naming the parameter.
 */
async function refuseMalformedQuery(request: FastifyRequest) {
  const search = request.raw.url?.split('?')[1] ?? '';
  for (const pair of search.split('&')) {
    const [name = '', value = ''] = pair.split('=');
    try {
      decodeURIComponent(value.replace(/\+/g, ' '));
    } catch {
      throw new ValidationError('The query is not valid UTF-8.', [
        { path: safeName(name), message: 'is not valid UTF-8 once decoded' },
      ]);
    }
  }
}

function safeName(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return 'query';
  }
}

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
    preValidation: refuseMalformedQuery,
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
    preValidation: refuseMalformedQuery,
    handler: async (request, reply) => {
      const file = exportClientReport(request.scope, request.query, request.auth!.tenant.timezone);
      return sendCsv(reply, file, request.query.bom);
    },
  });
};
