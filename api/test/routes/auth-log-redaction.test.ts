import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactUrl } from '../../src/http/log-redaction.ts';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';
import { asSession, createStaff, PASSWORD, signIn } from '../helpers/staff-sessions.ts';

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

describe('staff secrets in the log', () => {
  it('redacts link tokens in paths', () => {
    expect(redactUrl('/v1/auth/invitations/abcDEF_-123/accept')).toBe(
      '/v1/auth/invitations/[redacted]/accept',
    );
    expect(redactUrl('/v1/auth/password-resets/abcDEF_-123?x=1')).toBe(
      '/v1/auth/password-resets/[redacted]?x=1',
    );
    expect(redactUrl('/v1/auth/password-resets')).toBe('/v1/auth/password-resets');
  });

  it('never holds a password, session cookie, CSRF token or link token', async () => {
    lines.length = 0;
    const staff = await createStaff(t.app, tenant, { role: 'manager' });
    const session = await signIn(t.app, staff.email);
    await asSession(t.app, session, { method: 'GET', url: '/v1/tenant-admin/services' });
    await asSession(t.app, session, { method: 'DELETE', url: '/v1/auth/sessions/current' });
    const linkToken = 'LINKSECRET_'.padEnd(43, 'x');
    await t.app.inject({
      method: 'POST',
      url: `/v1/auth/invitations/${linkToken}/accept`,
      payload: { password: PASSWORD },
    });
    await t.app.inject({
      method: 'POST',
      url: `/v1/auth/password-resets/${linkToken}`,
      payload: { password: PASSWORD },
    });
    const log = lines.join('\n');
    expect(log).toContain('/v1/auth/invitations/[redacted]/accept');
    for (const secret of [PASSWORD, session.cookie.split('=')[1]!, session.csrf, linkToken]) {
      expect(log).not.toContain(secret);
    }
  });
});
