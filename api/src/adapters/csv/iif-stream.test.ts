import type { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { iifStream } from './iif-stream.ts';

const text = async (stream: Readable) => (await buffer(stream)).toString('utf8');

async function* rowsOf(rows: string[][]) {
  yield* rows;
}

describe('iifStream', () => {
  it('joins fields by tabs and ends every line with CRLF', async () => {
    expect(await text(iifStream(rowsOf([['!ENDTRNS'], ['TRNS', '', 'Ümlaut', '-1.50']])))).toBe(
      '!ENDTRNS\r\nTRNS\t\tÜmlaut\t-1.50\r\n',
    );
  });

  it.each(['a\tb', 'a\nb', 'a\rb'])(
    'refuses a field holding %j rather than writing a broken file',
    async (field) => {
      await expect(text(iifStream(rowsOf([['TRNS', field]])))).rejects.toThrow(/tab or a line break/);
    },
  );

  it('fails when its rows fail', async () => {
    async function* failing() {
      yield ['TRNS'];
      throw new Error('database gone');
    }
    await expect(text(iifStream(failing()))).rejects.toThrow('database gone');
  });
});
