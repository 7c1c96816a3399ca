import { randomUUID } from 'node:crypto';

/**
 * Finds every string a client can send in an OpenAPI 3.1 document: request
 * bodies, query and path parameters, through $refs, unions, nested objects,
 * arrays, tuples and records. Used by routes/hostile-input.test.ts to send
 * hostile values to each field, so a field added to a schema is probed
 * without touching the test.
 */

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  pattern?: string;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};
type Parameter = { in: string; name: string; schema?: JsonSchema };
export type Operation = {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};
export type OpenApi = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

export type Segment = string | number;
export type Where = 'body' | 'query' | 'path';
export interface StringField {
  where: Where;
  path: Segment[];
  schema: JsonSchema;
}
export type DateKind = 'date' | 'date-time' | 'month';
/** A request: path parameters, query and JSON body. */
export interface Base {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
}

export interface Route {
  key: string;
  operation: Operation;
}

export function routesOf(doc: OpenApi): Route[] {
  return Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, operation]) => ({ key: `${method.toUpperCase()} ${path}`, operation })),
  );
}

export function stringFieldsOf(doc: OpenApi, operation: Operation): StringField[] {
  const fields: StringField[] = [];
  for (const parameter of operation.parameters ?? []) {
    if (parameter.in !== 'query' && parameter.in !== 'path') continue;
    for (const found of walk(doc, parameter.schema ?? {}, [parameter.name], new Set())) {
      fields.push({ where: parameter.in, ...found });
    }
  }
  const body = operation.requestBody?.content?.['application/json']?.schema;
  if (body) for (const found of walk(doc, body, [], new Set())) fields.push({ where: 'body', ...found });
  // A field reachable through several union members is probed once.
  const seen = new Set<string>();
  return fields.filter((field) => {
    const key = `${field.where}:${field.path.join('.')}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/** The string-valued leaves under `schema`; a leaf without a type may be a string too. */
export function walk(
  doc: OpenApi,
  schema: JsonSchema,
  path: Segment[],
  refs: Set<string>,
): Array<{ path: Segment[]; schema: JsonSchema }> {
  if (schema.$ref) {
    if (refs.has(schema.$ref)) return [];
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = doc.components?.schemas?.[name];
    if (!target) throw new Error(`Unresolved $ref ${schema.$ref}`);
    return walk(doc, { ...schema, $ref: undefined, ...target }, path, new Set([...refs, schema.$ref]));
  }
  const found: Array<{ path: Segment[]; schema: JsonSchema }> = [];
  const variants = [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])];
  for (const variant of variants) found.push(...walk(doc, variant, path, refs));
  const types = schema.type === undefined ? [] : [schema.type].flat();

  if (types.includes('object') || schema.properties || typeof schema.additionalProperties === 'object') {
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      found.push(...walk(doc, property, [...path, name], refs));
    }
    if (typeof schema.additionalProperties === 'object') {
      found.push(...walk(doc, schema.additionalProperties, [...path, keyFor(schema.propertyNames)], refs));
    }
  }
  if (types.includes('array') || schema.items || schema.prefixItems) {
    const items = schema.prefixItems ?? (schema.items ? [schema.items] : []);
    items.forEach((item, index) => found.push(...walk(doc, item, [...path, index], refs)));
  }
  const untyped = types.length === 0 && variants.length === 0 && !schema.properties && !schema.items;
  if (types.includes('string') || untyped) found.push({ path, schema });
  return found;
}

/** A key a record accepts: records here are keyed by ids. */
function keyFor(names: JsonSchema | undefined): string {
  return names?.format === 'uuid' ? randomUUID() : 'key';
}

/** By format, else by what the pattern accepts, else by the field's name. */
export function dateKindOf(field: StringField): DateKind | undefined {
  const { format, pattern } = field.schema;
  if (format === 'date' || format === 'date-time') return format;
  if (pattern) {
    // A date pattern takes a real date and refuses an impossible one; a phone pattern takes both.
    const accepts = (sample: string) => new RegExp(pattern).test(sample);
    if (accepts('2030-01-07T09:00:00Z') && !accepts('2030-01-07T25:00:00Z')) return 'date-time';
    if (accepts('2030-01-07') && !accepts('2030-01-32')) return 'date';
    if (accepts('2030-01') && !accepts('2030-13')) return 'month';
  }
  const name = String(field.path.at(-1));
  if (/month/i.test(name)) return 'month';
  if (/TimeUtc$|At$/.test(name)) return 'date-time';
  if (/date$|^(from|to)$|^effective/i.test(name)) return 'date';
  return undefined;
}

export function withValue(base: Base, field: StringField, value: string): Base {
  const request: Base = structuredClone(base);
  if (field.where === 'query') request.query = { ...request.query, [String(field.path[0])]: value };
  else if (field.where === 'path') request.params = { ...request.params, [String(field.path[0])]: value };
  else request.body = setAt(request.body, field.path, value);
  return request;
}

/** `target` with `value` at `path`, creating the objects and arrays on the way. */
function setAt(target: unknown, path: Segment[], value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  const container: Record<string | number, unknown> =
    target !== null && typeof target === 'object'
      ? (target as Record<string, unknown>)
      : typeof head === 'number'
        ? ([] as unknown as Record<number, unknown>)
        : {};
  container[head] = setAt(container[head], rest, value);
  return container;
}

/** encodeURIComponent, except that a lone surrogate becomes its three bytes (%ED%A0%80) instead of throwing. */
export function percentEncode(value: string): string {
  let encoded = '';
  for (const char of value) {
    const code = char.charCodeAt(0);
    if (char.length === 1 && code >= 0xd800 && code <= 0xdfff) {
      encoded += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((byte) => `%${byte.toString(16).toUpperCase()}`)
        .join('');
    } else {
      encoded += encodeURIComponent(char);
    }
  }
  return encoded;
}
