import type { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { csvStream, type CsvRecord } from './csv-stream.ts';

async function* records(
  rows: Array<CsvRecord<'name' | 'cents'>>,
  failAfter?: number,
): AsyncGenerator<CsvRecord<'name' | 'cents'>> {
  for (const [index, row] of rows.entries()) {
    if (index === failAfter) throw new Error('the database went away');
    yield row;
  }
}

/** The file's text, BOM included (TextDecoder, as in stream/consumers' text(), would drop it). */
const text = async (stream: Readable) => (await buffer(stream)).toString('utf8');

describe('csvStream', () => {
  it('writes RFC 4180: a header, CRLF, quoted fields with doubled quotes, empty cells for null', async () => {
    const rows = [
      { name: 'Doe, "Jo"\nSecond line', cents: -150 },
      { name: null, cents: 0 },
    ];
    expect(await text(csvStream(['name', 'cents'], records(rows), { bom: false }))).toBe(
      'name,cents\r\n"Doe, ""Jo""\nSecond line",-150\r\n,0\r\n',
    );
  });

  it('puts the BOM first when asked, header or not', async () => {
    const file = await text(csvStream(['name', 'cents'], records([]), { bom: true }));
    expect(file).toBe('\ufeffname,cents\r\n');
  });

  it('fails the stream when the records fail half-way, so the answer is cut off, not complete', async () => {
    const rows = [
      { name: 'a', cents: 1 },
      { name: 'b', cents: 2 },
    ];
    await expect(text(csvStream(['name', 'cents'], records(rows, 1), { bom: false }))).rejects.toThrow(
      'the database went away',
    );
  });
});
