import { Readable } from 'node:stream';

/** An IIF export, ready to stream: its file name and rows (arrays of fields, read lazily). */
export interface IifExport {
  filename: string;
  rows: AsyncIterable<readonly string[]>;
}

/**
 * `rows` as an IIF file for QuickBooks Desktop: fields joined by tabs, lines ended by CRLF, UTF-8.
 * IIF has no quoting, so a field must hold no tab or line break: the rows' builder removes them
 * (domain/quickbooks-export/names.ts); a row that still has one is refused here (the answer is
 * cut off) rather than written as a file that imports wrong. Pulled as fast as the reader
 * takes it, like csvStream; a failure half-way destroys the stream.
 */
export function iifStream(rows: AsyncIterable<readonly string[]>): Readable {
  async function* lines() {
    for await (const row of rows) {
      if (row.some((field) => /[\t\r\n]/.test(field))) {
        throw new Error('An IIF field holds a tab or a line break');
      }
      yield `${row.join('\t')}\r\n`;
    }
  }
  return Readable.from(lines());
}
