import type { FastifyReply } from 'fastify';
import { csvStream, type CsvExport } from '../adapters/csv/csv-stream.ts';

/**
 * A CSV file to download: headers first, then the rows as they are read (the period was checked
 * when `file` was made, while the answer could still be a 400). `bom` puts UTF-8's byte order
 * mark in front, for Excel.
 */
export function sendCsv<Column extends string>(
  reply: FastifyReply,
  file: CsvExport<Column>,
  bom: 'true' | 'false',
) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .send(csvStream(file.columns, file.records, { bom: bom === 'true' }));
}
