import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './helpers/database.ts';

/**
 * The tables come from the hand-written SQL migrations and the client from
 * prisma/schema.prisma (the Prisma CLI cannot diff them on our machines). This
 * test reads both and fails on any difference in tables, columns, nullability,
 * column types or enum values.
 */

interface Field {
  name: string;
  type: string;
  optional: boolean;
  list: boolean;
  dbType: string | undefined;
}
interface Model {
  name: string;
  table: string;
  fields: Field[];
}

const schemaText = readFileSync(new URL('../../prisma/schema.prisma', import.meta.url), 'utf8');

function parseEnums(text: string): Map<string, string[]> {
  const enums = new Map<string, string[]>();
  for (const [, name, body] of text.matchAll(/^enum (\w+) \{\n([\s\S]*?)\n\}/gm)) {
    enums.set(
      name!,
      body!
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => /^\w+$/.test(line)),
    );
  }
  return enums;
}

function parseModels(text: string, enumNames: Set<string>): Model[] {
  const scalars = new Set(['String', 'Int', 'BigInt', 'Bytes', 'Boolean', 'DateTime', 'Json', ...enumNames]);
  return [...text.matchAll(/^model (\w+) \{\n([\s\S]*?)\n\}/gm)].map(([, name, body]) => {
    const fields: Field[] = [];
    let table = name!;
    for (const raw of body!.split('\n')) {
      const line = raw.replace(/\/\/.*$/, '').trim();
      const mapped = /^@@map\("(\w+)"\)/.exec(line);
      if (mapped) table = mapped[1]!;
      const field = /^(\w+)\s+(\w+)(\[\])?(\?)?(.*)$/.exec(line);
      if (!field || !scalars.has(field[2]!)) continue;
      fields.push({
        name: field[1]!,
        type: field[2]!,
        list: field[3] === '[]',
        optional: field[4] === '?',
        dbType: /@db\.(\w+)/.exec(field[5]!)?.[1],
      });
    }
    return { name: name!, table, fields };
  });
}

/** information_schema's description of the column Prisma expects. */
function expectedColumnType(field: Field, enumNames: Set<string>): string {
  if (field.list)
    return `ARRAY:_${field.type === 'String' ? 'text' : field.type === 'Int' ? 'int4' : field.type}`;
  if (enumNames.has(field.type)) return `USER-DEFINED:${field.type}`;
  switch (field.type) {
    case 'String':
      if (field.dbType === 'Uuid') return 'uuid:uuid';
      if (field.dbType === 'Char') return 'character:bpchar';
      return 'text:text';
    case 'Int':
      return 'integer:int4';
    case 'BigInt':
      return 'bigint:int8';
    case 'Bytes':
      return 'bytea:bytea';
    case 'Boolean':
      return 'boolean:bool';
    case 'Json':
      return 'jsonb:jsonb';
    case 'DateTime':
      return field.dbType === 'Date' ? 'date:date' : 'timestamp with time zone:timestamptz';
    default:
      throw new Error(`No mapping for ${field.type}`);
  }
}

let database: TestDatabase;
let client: pg.Client;

beforeAll(async () => {
  database = await createTestDatabase();
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
});
afterAll(async () => {
  await client.end();
  await database.drop();
});

const enums = parseEnums(schemaText);
const enumNames = new Set(enums.keys());
const models = parseModels(schemaText, enumNames);

describe('prisma/schema.prisma matches the migrated database', () => {
  it('parses the whole schema', () => {
    expect(models.length).toBe(42);
    expect(enums.size).toBe(21);
  });

  it('has the same tables', async () => {
    const { rows } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY table_name`,
    );
    expect(rows.map((row) => row.table_name)).toEqual(models.map((model) => model.table).sort());
  });

  it.each(models.map((model) => [model.name, model] as const))(
    '%s: columns, types and nullability',
    async (_, model) => {
      const { rows } = await client.query<{
        column_name: string;
        data_type: string;
        udt_name: string;
        is_nullable: 'YES' | 'NO';
      }>(
        `SELECT column_name, data_type, udt_name, is_nullable FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name = $1 ORDER BY column_name`,
        [model.table],
      );
      const actual = Object.fromEntries(
        rows.map((row) => [
          row.column_name,
          `${row.data_type}:${row.udt_name} ${row.is_nullable === 'YES' ? 'NULL' : 'NOT NULL'}`,
        ]),
      );
      const expected = Object.fromEntries(
        model.fields.map((field) => [
          field.name,
          `${expectedColumnType(field, enumNames)} ${field.optional ? 'NULL' : 'NOT NULL'}`,
        ]),
      );
      expect(actual).toEqual(expected);
    },
  );

  it('has the same enum values', async () => {
    const { rows } = await client.query<{ typname: string; labels: string[] }>(
      `SELECT t.typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    );
    expect(Object.fromEntries(rows.map((row) => [row.typname, row.labels]))).toEqual(
      Object.fromEntries(enums),
    );
  });
});
