import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendCsv } from '../../csv-reply.ts';
import { iifStream } from '../../../adapters/csv/iif-stream.ts';
import { CsvExportQuery } from '../../../schemas/export.schemas.ts';
import { LedgerPeriodSchema } from '../../../schemas/ledger.schemas.ts';
import { exportAppointments } from '../../../use-cases/export-appointments.ts';
import { exportLedger } from '../../../use-cases/export-ledger.ts';
import { exportQuickbooksCsv } from '../../../use-cases/export-quickbooks-csv.ts';
import { exportQuickbooksIif } from '../../../use-cases/export-quickbooks-iif.ts';

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

  app.get('/exports/quickbooks.csv', {
    schema: {
      hide: true,
      summary: 'The sales of a period as a QuickBooks Online invoice import file',
      querystring: CsvExportQuery,
    },
    handler: async (request, reply) =>
      sendCsv(
        reply,
        exportQuickbooksCsv(request.scope, request.query, request.auth!.tenant.timezone),
        request.query.bom,
      ),
  });

  app.get('/exports/quickbooks.iif', {
    schema: {
      hide: true,
      summary: 'The money of a period as a QuickBooks Desktop IIF file',
      querystring: LedgerPeriodSchema,
    },
    handler: async (request, reply) => {
      const file = exportQuickbooksIif(request.scope, request.query, request.auth!.tenant.timezone);
      return reply
        .type('text/plain; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(iifStream(file.rows));
    },
  });
};
