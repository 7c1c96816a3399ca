import type { FastifyReply } from 'fastify';
import type { PdfFile } from '../use-cases/invoice-pdf.ts';

/** A PDF to download (invoice, receipt), named for its number. */
export function sendPdf(reply: FastifyReply, file: PdfFile) {
  return reply
    .type('application/pdf')
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .send(file.bytes);
}
