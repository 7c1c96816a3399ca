import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactUrl } from '../../src/http/log-redaction.ts';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';

/** Secrets, made distinctive so a stray copy in the log cannot hide. */
const TOKEN_IN_QUERY = 'QUERYSECRET-7f3a9c';
const TOKEN_IN_HEADER = 'HEADERSECRET-41be02';
const COOKIE = 'session=COOKIESECRET-99d1';

let t: TestApp;
let tenant: CreatedTenant;
const lines: string[] = [];

beforeAll(async () => {
  t = await buildTestApp(
    {},
    { logger: { level: 'trace', stream: { write: (line: string) => void lines.push(line) } } },
  );
  tenant = await createTestTenant(t.db);
});
afterAll(() => t.close());

describe('the log', () => {
  it('never holds a token, key or cookie of a request it served', async () => {
    lines.length = 0;
    const id = randomUUID();
    const publicCall = await t.app.inject({
      method: 'GET',
      url: `/v1/public/appointments/${id}?token=${TOKEN_IN_QUERY}&x=1`,
      headers: { 'x-tenant-key': tenant.keys.publishable, 'x-manage-token': TOKEN_IN_HEADER, cookie: COOKIE },
    });
    expect(publicCall.statusCode).toBeGreaterThanOrEqual(400);
    const adminCall = await t.app.inject({
      method: 'GET',
      url: '/v1/tenant-admin/services?api_key=QUERYKEY-5521',
      headers: { authorization: `Bearer ${tenant.keys.secret}`, cookie: COOKIE },
    });
    expect(adminCall.statusCode).toBe(400); // api_key is not a parameter of this route
    await t.app.inject({ method: 'GET', url: `/nowhere?token=${TOKEN_IN_QUERY}` });

    const log = lines.join('');
    expect(log).toContain('incoming request');
    expect(log).toContain(`/v1/public/appointments/${id}?token=[redacted]&x=1`);
    expect(log).toContain('/v1/tenant-admin/services?api_key=[redacted]');
    for (const secret of [
      TOKEN_IN_QUERY,
      TOKEN_IN_HEADER,
      'COOKIESECRET',
      'QUERYKEY-5521',
      tenant.keys.publishable,
      tenant.keys.secret,
    ]) {
      expect(log).not.toContain(secret);
    }
  });

  it('redacts secret headers wherever a log line includes them', () => {
    lines.length = 0;
    const headers = {
      authorization: `Bearer ${tenant.keys.secret}`,
      'x-tenant-key': tenant.keys.publishable,
      'x-manage-token': TOKEN_IN_HEADER,
      cookie: COOKIE,
      'user-agent': 'kept',
    };
    t.app.log.info({ headers }, 'headers alone');
    t.app.log.info({ req: { headers } }, 'a request with its headers');
    const log = lines.join('');
    expect(log).toContain('"user-agent":"kept"');
    expect(log).toContain('"authorization":"[redacted]"');
    for (const secret of [tenant.keys.secret, tenant.keys.publishable, TOKEN_IN_HEADER, 'COOKIESECRET']) {
      expect(log).not.toContain(secret);
    }
  });
});

describe('redactUrl', () => {
  it.each([
    ['/v1/public/tenant', '/v1/public/tenant'],
    ['/a?token=abc', '/a?token=[redacted]'],
    ['/a?limit=5&token=abc&cursor=x', '/a?limit=5&token=[redacted]&cursor=x'],
    ['/a?manageToken=abc', '/a?manageToken=[redacted]'],
    ['/a?%74oken=abc', '/a?%74oken=[redacted]'],
    [
      '/a?apiKey=1&secret=2&password=3&signature=4',
      '/a?apiKey=[redacted]&secret=[redacted]&password=[redacted]&signature=[redacted]',
    ],
    ['/a?token', '/a?token'],
    ['/a?startDate=2027-03-01&timezone=Europe%2FBerlin', '/a?startDate=2027-03-01&timezone=Europe%2FBerlin'],
  ])('%s → %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});
