import fc from 'fast-check';
import type { JsonSchema, OpenApi } from './openapi-walk.ts';

/**
 * fast-check arbitraries from an OpenAPI 3.1 schema, for fuzzing: values that follow the schema
 * (so requests get past validation and reach the handlers) mixed with values that break it and
 * values chosen to hurt (NUL, lone surrogates, huge and absurd numbers and dates, prototype keys,
 * SQL and path fragments, deep nesting). Not a full JSON Schema generator: it knows the shapes the
 * API's zod schemas produce (objects, arrays, tuples, records, unions, enums, formats).
 */

export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\u202eevil',
  '\u200b',
  'x'.repeat(10_000),
  "'; DROP TABLE appointments; --",
  '../../etc/passwd',
  '%00',
  '%',
  '__proto__',
  'constructor',
  '0000-01-01',
  '0000-01-01T00:00:00Z',
  '275760-09-13T00:00:00.001Z',
  '2024-02-30',
  '2024-13-01',
  '9999-12-31T23:59:59.999Z',
  '-1',
  '1e309',
  'NaN',
  'Infinity',
  'true',
  'null',
  '{}',
  '[]',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'Europe/Nowhere',
  'ZZZ',
  'a@b',
  '<script>alert(1)</script>',
];

export const HOSTILE_NUMBERS: readonly number[] = [
  0,
  -0,
  -1,
  1,
  0.5,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 1,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  1e-300,
];

const hostileString = fc.constantFrom(...HOSTILE_STRINGS);
const anyJson = fc.jsonValue({ maxDepth: 3 });

/** Deeply nested JSON, past what any schema expects. */
const deep = fc.integer({ min: 50, max: 400 }).map((depth) => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { nested: value };
  return value;
});

/** The fuzzed app's clock (a fixed instant, so a seed gives the same requests on any day). */
export const FUZZ_NOW = new Date('2027-03-01T07:00:00Z');
const DAY = 86_400_000;
/** Days near the clock only: what a client following the rules would send. */
const nearDates = fc.integer({ min: -30, max: 90 }).map((days) => new Date(FUZZ_NOW.getTime() + days * DAY));

const dates = fc.oneof(
  { arbitrary: nearDates, weight: 3 },
  {
    arbitrary: fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
    weight: 1,
  },
);

/**
 * What a field's name asks for beyond its schema: zod refinements (a real time zone, a currency
 * code, an email zod accepts, a colour, an origin) do not reach the OpenAPI document, so values
 * made from the schema alone are refused before the handler. Used for valid-looking values only.
 */
const BY_NAME: Record<string, fc.Arbitrary<string>> = {
  timezone: fc.constantFrom(
    'Europe/Berlin',
    'UTC',
    'America/New_York',
    'Asia/Kolkata',
    'Australia/Lord_Howe',
  ),
  currency: fc.constantFrom('EUR', 'USD', 'JPY'),
  locale: fc.constantFrom('en', 'es'),
  email: fc.stringMatching(/^[a-z]{1,12}(\.[a-z]{1,8})?@example\.(com|org)$/),
  phone: fc.stringMatching(/^\+[1-9]\d{7,12}$/),
  month: fc.integer({ min: -2, max: 6 }).map((months) => {
    const date = new Date(Date.UTC(FUZZ_NOW.getUTCFullYear(), FUZZ_NOW.getUTCMonth() + months, 1));
    return date.toISOString().slice(0, 7);
  }),
  slug: fc.stringMatching(/^[a-z0-9]{1,12}(-[a-z0-9]{1,12})?$/),
  colour: fc.stringMatching(/^#[0-9a-f]{6}$/),
  url: fc.constantFrom(
    'https://studio.example/hooks',
    'http://127.0.0.1:9/hook',
    'https://example.com/a?b=c',
  ),
  origin: fc.constantFrom('https://studio.example', 'http://localhost:5173'),
  password: fc.stringMatching(/^[A-Za-z0-9 ]{12,40}$/),
};
const HINTS: Array<[RegExp, string]> = [
  [/^(client)?timezone$/i, 'timezone'],
  [/^currency$/, 'currency'],
  [/^locale$/, 'locale'],
  [/email$/i, 'email'],
  [/phone$/i, 'phone'],
  [/^month$/, 'month'],
  [/^slug$/, 'slug'],
  [/colou?r$/i, 'colour'],
  [/^(url|\w+Url)$/, 'url'],
  [/^allowedOrigins$/, 'origin'],
  [/password$/i, 'password'],
];

/** The value a field named `name` asks for, when its name says more than its schema. */
function byName(name: string | undefined): fc.Arbitrary<string> | undefined {
  const hint = name ? HINTS.find(([pattern]) => pattern.test(name))?.[1] : undefined;
  return hint ? BY_NAME[hint] : undefined;
}

/** Ids for a uuid field: given its name (`serviceId`, `id` …) when it is a property or parameter. */
export type IdSource = (name: string | undefined) => fc.Arbitrary<string>;

function formatted(schema: JsonSchema): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'uuid':
      return fc.uuid();
    // Near today (periods have a longest span, bookings a horizon), or anywhere in two centuries.
    case 'date':
      return dates.map((d) => d.toISOString().slice(0, 10));
    case 'date-time':
      return dates.map((d) => d.toISOString());
    case 'email':
      return fc.emailAddress();
    case 'uri':
      return fc.webUrl();
    default:
      return fc.string({ maxLength: 40 });
  }
}

function resolve(doc: OpenApi, schema: JsonSchema): JsonSchema {
  let current = schema;
  for (let hops = 0; current.$ref && hops < 20; hops++) {
    current = doc.components?.schemas?.[current.$ref.replace('#/components/schemas/', '')] ?? {};
  }
  return current;
}

type Schema = JsonSchema & {
  enum?: unknown[];
  const?: unknown;
  required?: string[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
};

/**
 * Values that follow `schema` to the letter (formats, patterns, lengths, bounds, required fields),
 * so a request gets past validation into the handler and the database, with the edges the schema
 * allows: the longest strings, the bounds, and integers past 32 bits where there is no maximum.
 * `ids` gives the uuids, by field name: ids of rows that exist, so handlers find something. A
 * field's name adds what zod's refinements require (see BY_NAME); dates are near the clock.
 */
export function validOf(
  doc: OpenApi,
  raw: JsonSchema,
  ids: IdSource = () => fc.uuid(),
  depth = 0,
  name?: string,
): fc.Arbitrary<unknown> {
  const schema = resolve(doc, raw) as Schema;
  const unions = schema.anyOf ?? schema.oneOf;
  if (unions?.length) {
    return fc.oneof(...unions.map((option) => validOf(doc, option, ids, depth + 1, name)));
  }
  if (schema.allOf?.length) return validOf(doc, schema.allOf[0]!, ids, depth + 1, name);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'string':
      return validString(schema, ids, name);
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? (schema.exclusiveMinimum ?? -(2 ** 53 - 2)) + 1;
      const max = schema.maximum ?? (schema.exclusiveMaximum ?? 2 ** 53 - 2) - 1;
      const edges = [min, max, 0, 1, 2 ** 31, 2 ** 31 - 1, -(2 ** 31) - 1].filter(
        (n) => n >= min && n <= max,
      );
      const near = fc.integer({ min: Math.max(min, -1000), max: Math.min(max, 1000) });
      const values: fc.Arbitrary<number>[] = [near, fc.constantFrom(...edges)];
      if (type === 'number') values.push(fc.double({ min, max, noNaN: true }));
      return max < Math.max(min, -1000) || min > Math.min(max, 1000)
        ? fc.constantFrom(...edges)
        : fc.oneof(...values);
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      if (schema.prefixItems?.length) {
        return fc.tuple(...schema.prefixItems.map((item) => validOf(doc, item, ids, depth + 1)));
      }
      const minLength = schema.minItems ?? 0;
      // An array's items take its name: allowedOrigins' items are origins.
      const items =
        schema.items && depth < 8 ? validOf(doc, schema.items, ids, depth + 1, name) : fc.string();
      return fc.array(items, {
        minLength,
        maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 3, 3)),
      });
    }
    default: {
      const properties = Object.entries(schema.properties ?? {});
      if (properties.length === 0 || depth >= 8) {
        if (typeof schema.additionalProperties !== 'object') return fc.constant({});
        const keys = schema.propertyNames
          ? validString(resolve(doc, schema.propertyNames) as Schema, ids)
          : ids(undefined);
        return fc.dictionary(keys, validOf(doc, schema.additionalProperties, ids, depth + 1), { maxKeys: 3 });
      }
      const shape = Object.fromEntries(
        properties.map(([key, property]) => [key, validOf(doc, property, ids, depth + 1, key)]),
      );
      const required = (schema.required ?? []).filter((key) => key in shape);
      return fc.record(shape, { requiredKeys: required });
    }
  }
}

function validString(schema: Schema, ids: IdSource, name?: string): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = schema.maxLength ?? 200;
  const named = byName(name) ?? (schema.format === 'email' ? BY_NAME.email : undefined);
  let shaped: fc.Arbitrary<string>;
  if (schema.format === 'uuid') shaped = ids(name);
  else if (named) shaped = named;
  else if (schema.format === 'date') shaped = nearDates.map((d) => d.toISOString().slice(0, 10));
  else if (schema.format === 'date-time') shaped = nearDates.map((d) => d.toISOString());
  else if (schema.pattern) {
    try {
      shaped = fc.stringMatching(new RegExp(schema.pattern));
    } catch {
      shaped = fc.string({ minLength, maxLength: Math.min(maxLength, 40) });
    }
  } else {
    shaped = fc.oneof(
      fc.string({ minLength, maxLength: Math.max(minLength, Math.min(maxLength, 40)), unit: 'grapheme' }),
      fc.string({ minLength: maxLength, maxLength, unit: 'grapheme-ascii' }),
    );
  }
  return shaped.filter((value) => value.length >= minLength && value.length <= maxLength);
}

/** Values for `schema`: mostly valid-looking, sometimes anything at all. */
export function arbitraryOf(doc: OpenApi, raw: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(doc, raw) as Schema;
  const wild = fc.oneof(
    hostileString,
    fc.constantFrom<unknown>(...HOSTILE_NUMBERS),
    anyJson,
    fc.constant(null),
  );
  if (depth > 6) return wild;
  const valid = validArbitrary(doc, schema, depth);
  return fc.oneof({ arbitrary: valid, weight: 5 }, { arbitrary: wild, weight: 1 });
}

function validArbitrary(doc: OpenApi, schema: Schema, depth: number): fc.Arbitrary<unknown> {
  const unions = schema.anyOf ?? schema.oneOf;
  if (unions?.length) return fc.oneof(...unions.map((option) => arbitraryOf(doc, option, depth + 1)));
  if (schema.allOf?.length) return arbitraryOf(doc, schema.allOf[0]!, depth + 1);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum?.length) return fc.oneof(fc.constantFrom(...schema.enum), hostileString);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'string':
      return fc.oneof({ arbitrary: formatted(schema), weight: 3 }, { arbitrary: hostileString, weight: 2 });
    case 'integer':
      return fc.oneof(
        fc.integer({ min: schema.minimum ?? -1000, max: Math.min(schema.maximum ?? 100_000, 2 ** 31) }),
        fc.constantFrom(...HOSTILE_NUMBERS),
      );
    case 'number':
      return fc.oneof(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.constantFrom(...HOSTILE_NUMBERS),
      );
    case 'boolean':
      return fc.oneof(fc.boolean(), fc.constantFrom<unknown>('true', 0, 1));
    case 'null':
      return fc.constant(null);
    case 'array': {
      if (schema.prefixItems?.length) {
        return fc.tuple(...schema.prefixItems.map((item) => arbitraryOf(doc, item, depth + 1)));
      }
      const items = schema.items ? arbitraryOf(doc, schema.items, depth + 1) : anyJson;
      return fc.oneof(
        { arbitrary: fc.array(items, { maxLength: Math.min(schema.maxItems ?? 4, 4) }), weight: 4 },
        { arbitrary: fc.array(items, { minLength: 60, maxLength: 120 }), weight: 1 },
      );
    }
    case 'object':
    default: {
      const properties = Object.entries(schema.properties ?? {});
      const required = new Set(schema.required ?? []);
      if (properties.length === 0) {
        const values =
          typeof schema.additionalProperties === 'object'
            ? arbitraryOf(doc, schema.additionalProperties, depth + 1)
            : anyJson;
        return fc.dictionary(fc.oneof(fc.uuid(), fc.string({ maxLength: 10 }), hostileString), values, {
          maxKeys: 4,
        });
      }
      const shape = Object.fromEntries(
        properties.map(([name, property]) => [name, arbitraryOf(doc, property, depth + 1)]),
      );
      const fields = fc.record(shape, { requiredKeys: [...required].filter((name) => name in shape) });
      // Sometimes a required field missing, an unknown field, a prototype key, or far too deep.
      return fc.oneof(
        { arbitrary: fields, weight: 6 },
        { arbitrary: fc.record(shape, { requiredKeys: [] }), weight: 1 },
        { arbitrary: fields.map((value) => ({ ...value, unexpectedField: 'x' })), weight: 1 },
        {
          arbitrary: fields.map((value) =>
            JSON.parse(
              `{"__proto__": {"polluted": true}, "constructor": {"prototype": {}}, ${JSON.stringify(value).slice(1)}`.replace(
                /, }$/,
                '}',
              ),
            ),
          ),
          weight: 1,
        },
        { arbitrary: deep, weight: 1 },
      );
    }
  }
}
