import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { csvStream, type CsvExport } from '../../../adapters/csv/csv-stream.ts';
import { CsvExportQuery } from '../../../schemas/export.schemas.ts';
import { exportAppointments } from '../../../use-cases/export-appointments.ts';
import { exportLedger } from '../../../use-cases/export-ledger.ts';

/**
 * CSV files of a period for accountants and spreadsheets, streamed as they are read (api/README.md,
 * "CSV exports"). Not in the OpenAPI document, like the calendar feeds: the answer is a file for
 * other software, not JSON for the SDK. Cache-Control: no-store comes with the /v1/tenant-admin
 * prefix (security-headers.ts); a client accepting br or gzip gets the stream compressed.
 */
export const exportsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/exports/ledger.csv', {
    schema: {
      hide: true,
      summary: 'The ledger rows of a period as CSV',
      querystring: CsvExportQuery,
    },
    handler: async (request, reply) =>
      sendCsv(
        reply,
        exportLedger(request.scope, request.query, request.auth!.tenant.timezone),
        request.query.bom,
      ),
  });

  app.get('/exports/appointments.csv', {
    schema: {
      hide: true,
      summary: 'The appointments starting in a period as CSV',
      querystring: CsvExportQuery,
    },
    handler: async (request, reply) =>
      sendCsv(
        reply,
        exportAppointments(request.scope, request.query, request.auth!.tenant.timezone),
        request.query.bom,
      ),
  });
};

/** Headers first, then the rows as they come; the period was checked when `file` was made. */
function sendCsv<Column extends string>(reply: FastifyReply, file: CsvExport<Column>, bom: 'true' | 'false') {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .send(csvStream(file.columns, file.records, { bom: bom === 'true' }));
}
