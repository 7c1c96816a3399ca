import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PdfkitDocumentRenderer } from '../../../adapters/pdf/pdfkit-document-renderer.ts';
import { authenticatedErrors } from '../../../schemas/common.ts';
import { InvoiceSettingsSchema, UpdateInvoiceSettingsBodySchema } from '../../../schemas/invoice.schemas.ts';
import { updateInvoiceSettings } from '../../../use-cases/invoice-settings.ts';

const tags = ['Invoices'];
const INVOICE_SETTINGS_BODY_LIMIT_BYTES = 400 * 1024;
const security = [{ secretKey: [] }];

/** What the tenant's invoices and receipts show of the business, and its tax (beside /settings/stripe). */
export const invoiceSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const renderer = new PdfkitDocumentRenderer();

  app.get('/settings/invoicing', {
    schema: {
      tags,
      security,
      summary: "The tenant's invoice settings",
      response: { 200: InvoiceSettingsSchema, ...authenticatedErrors },
    },
    handler: async (request) => request.scope.invoices.settings(),
  });

  app.patch('/settings/invoicing', {
    // A logo of 256 KB is about 342 KB of base64, past the default body limit.
    bodyLimit: INVOICE_SETTINGS_BODY_LIMIT_BYTES,
    schema: {
      tags,
      security,
      summary: "Change the tenant's invoice settings",
      description:
        'Legal name, address, tax id, logo (PNG or JPEG, at most 256 KB, base64 in the body; checked by ' +
        'its bytes and stored, never fetched from a URL), tax rate in basis points and whether prices ' +
        'include it. Fields left out stay. Invoices already issued keep the figures they were issued with.',
      body: UpdateInvoiceSettingsBodySchema,
      response: { 200: InvoiceSettingsSchema, ...authenticatedErrors },
    },
    handler: async (request) => updateInvoiceSettings(request.scope, renderer, request.body, app.now()),
  });
};
