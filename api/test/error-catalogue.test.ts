import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE, ERROR_CODES } from '../src/domain/error-catalogue.ts';
import { ErrorResponse } from '../src/schemas/common.ts';

/** The `| \`code\` | status | … |` rows of the table under "## Errors" in api/README.md. */
function readmeTable(): Record<string, number> {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const section = readme.split(/^## Errors$/m)[1]?.split(/^## /m)[0];
  if (!section) throw new Error('api/README.md has no "## Errors" section');
  const rows = [...section.matchAll(/^\|\s*`([a-z_]+)`\s*\|\s*(\d{3})\s*\|/gm)];
  const table: Record<string, number> = {};
  for (const [, code, status] of rows) {
    expect(table, `${code} is listed twice`).not.toHaveProperty(code!);
    table[code!] = Number(status);
  }
  return table;
}

const statuses: Record<string, number> = Object.fromEntries(
  Object.entries(ERROR_CATALOGUE).map(([code, entry]) => [code, entry.status]),
);

describe('the error catalogue', () => {
  it('is the table in api/README.md, code for code and status for status', () => {
    expect(readmeTable()).toEqual(statuses);
  });

  it('keeps the codes and statuses clients already rely on', () => {
    // Public API: a code may be added, never renamed, removed or moved to another status.
    const published: Record<string, number> = {
      validation_failed: 400,
      invalid_json: 400,
      invalid_body: 400,
      bad_request: 400,
      invalid_api_key: 401,
      wrong_key_kind: 403,
      origin_not_allowed: 403,
      not_found: 404,
      route_not_found: 404,
      conflict: 409,
      slug_taken: 409,
      slot_unavailable: 409,
      invalid_state: 409,
      idempotency_in_progress: 409,
      payload_too_large: 413,
      unsupported_media_type: 415,
      idempotency_key_reused: 422,
      rate_limited: 429,
      internal_error: 500,
      service_busy: 503,
      database_unavailable: 503,
    };
    expect(statuses).toMatchObject(published);
  });

  it('is the enum of `code` in the error schema (and so in the OpenAPI document)', () => {
    expect(ErrorResponse.shape.error.shape.code.options).toEqual(ERROR_CODES);
    expect(ERROR_CODES.every((code) => /^[a-z]+(_[a-z]+)*$/.test(code))).toBe(true);
  });
});
