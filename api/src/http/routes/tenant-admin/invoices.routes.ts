import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PdfkitDocumentRenderer } from '../../../adapters/pdf/pdfkit-document-renderer.ts';
import { authenticatedErrors } from '../../../schemas/common.ts';
import { InvoiceListQuery, InvoicePageSchema, InvoicePdfParams } from '../../../schemas/invoice.schemas.ts';
import { invoicePdf } from '../../../use-cases/invoice-pdf.ts';
import { sendPdf } from '../../pdf-reply.ts';
import { listInvoices } from '../../../use-cases/list-invoices.ts';

const tags = ['Invoices'];
const security = [{ secretKey: [] }];

/**
 * The tenant's invoices (api/README.md, "Invoices and receipts"). The PDF routes answer files,
 * not JSON: hidden from the OpenAPI document like the CSV exports.
 */
export const invoicesRoutes: FastifyPluginAsyncZod = async (app) => {
  const renderer = new PdfkitDocumentRenderer();

  app.get('/invoices', {
    schema: {
      tags,
      security,
      summary: "The tenant's invoices",
      description:
        'Oldest first, a page at a time; with startDate and endDate, those issued on those days (the ' +
        "tenant's zone, at most 93 days). An invoice is issued when a booking first receives money, " +
        'numbered per tenant without gaps.',
      querystring: InvoiceListQuery,
      response: { 200: InvoicePageSchema, ...authenticatedErrors },
    },
    handler: async (request) => listInvoices(request.scope, request.query, request.auth!.tenant.timezone),
  });

  app.get('/invoices/:id/pdf', {
    schema: { hide: true, summary: 'An invoice as PDF', params: InvoicePdfParams },
    handler: async (request, reply) =>
      sendPdf(
        reply,
        await invoicePdf(request.scope, renderer, request.params.id, request.auth!.tenant.timezone),
      ),
  });
  // The same file under the name the issue gives it (…/:id.pdf): a link that saves as a .pdf.
  app.get('/invoices/:id.pdf', {
    schema: { hide: true, summary: 'An invoice as PDF', params: InvoicePdfParams },
    handler: async (request, reply) =>
      sendPdf(
        reply,
        await invoicePdf(request.scope, renderer, request.params.id, request.auth!.tenant.timezone),
      ),
  });
};
