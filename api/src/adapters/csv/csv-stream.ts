import { pipeline, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';

/** One CSV row: a value per column (null: an empty cell). */
export type CsvRecord<Column extends string> = Record<Column, string | number | null>;

/** A CSV export, ready to stream: its file name, columns and rows (read lazily). */
export interface CsvExport<Column extends string> {
  filename: string;
  columns: readonly Column[];
  records: AsyncIterable<CsvRecord<Column>>;
}

/**
 * `records` as an RFC 4180 file: a header row of `columns`, CRLF line ends, a field quoted when it
 * holds a comma, a quote or a line break (quotes doubled), UTF-8, with the byte order mark in
 * front when `bom` is set (Excel on Windows reads a file without it as the local code page, so
 * "Müller" turns into "MÃ¼ller").
 *
 * Records are pulled only as fast as the reader takes the text (stream backpressure), so an
 * export's memory is one database batch and the streams' buffers, whatever its size. If the
 * records fail half-way (the database goes away), the returned stream is destroyed with that
 * error: the HTTP answer is cut off rather than ending as if the file were complete.
 */
export function csvStream<Column extends string>(
  columns: readonly Column[],
  records: AsyncIterable<CsvRecord<Column>>,
  options: { bom: boolean },
): Readable {
  const stringifier = stringify({
    header: true,
    columns: [...columns],
    bom: options.bom,
    record_delimiter: 'windows',
  });
  // The error reaches whoever reads `stringifier` (Fastify logs it); nothing more to do here.
  return pipeline(Readable.from(records), stringifier, () => {});
}
