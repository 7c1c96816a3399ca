import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { sendCsv } from '../../csv-reply.ts';
import type { CsvExport } from '../../../adapters/csv/csv-stream.ts';
import type { TenantScope } from '../../../adapters/db/tenant-scope.ts';
import { ReportDaysCsvQuery, RevenueReportCsvQuery } from '../../../schemas/report.schemas.ts';
import { providersCsv, revenueCsv, servicesCsv } from '../../../use-cases/export-reports.ts';

/** What a report's CSV route needs: its query schema and the file it makes of a query. */
interface ReportCsv<Query extends z.ZodType<{ bom: 'true' | 'false' }>> {
  summary: string;
  querystring: Query;
  file: (scope: TenantScope, query: z.infer<Query>, zone: string, now: Date) => Promise<CsvExport<string>>;
}

/** Keeps each entry's query and file typed together. */
const reportCsv = <Query extends z.ZodType<{ bom: 'true' | 'false' }>>(csv: ReportCsv<Query>) => csv;

/**
 * The reports as CSV: GET /v1/tenant-admin/exports/reports/<name>.csv with the report's query and
 * `bom`. A new report's file is one more entry here. Files, not JSON: hidden from the OpenAPI
 * document like the other CSV exports (exports.routes.ts).
 */
const REPORT_CSVS = {
  revenue: reportCsv({
    summary: 'The revenue report as CSV: a row per bucket and currency',
    querystring: RevenueReportCsvQuery,
    file: (scope, query, zone) => revenueCsv(scope, query, zone),
  }),
  services: reportCsv({
    summary: 'The services report as CSV: a row per service and currency',
    querystring: ReportDaysCsvQuery,
    file: servicesCsv,
  }),
  providers: reportCsv({
    summary: 'The providers report as CSV: a row per provider and currency',
    querystring: ReportDaysCsvQuery,
    file: providersCsv,
  }),
};

export const reportExportsRoutes: FastifyPluginAsyncZod = async (app) => {
  // One type for the loop: each entry's query and file were checked together by reportCsv, and
  // the handler only hands the query its schema parsed to that entry's own file.
  for (const [name, csv] of Object.entries(REPORT_CSVS) as Array<
    [string, ReportCsv<typeof ReportDaysCsvQuery>]
  >) {
    app.get(`/exports/reports/${name}.csv`, {
      schema: { hide: true, summary: csv.summary, querystring: csv.querystring },
      handler: async (request, reply) => {
        // The report is computed (and its period checked) before anything is sent.
        const file = await csv.file(request.scope, request.query, request.auth!.tenant.timezone, app.now());
        return sendCsv(reply, file, request.query.bom);
      },
    });
  }
};
