import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakePostmark, type FakePostmark } from '../../../test/fakes/postmark/index.ts';
import { STAFF_LINK_TOKEN_SLOT } from '../../src/domain/staff/staff-messages.ts';
import { PASSWORD_RESETS_PER_MINUTE } from '../../src/http/routes/auth/password-resets.routes.ts';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { notificationJobs, TEST_ENCRYPTION_KEY } from '../helpers/notification-jobs.ts';
import { admin, buildTestApp, createTestTenant, PLATFORM_TOKEN, type TestApp } from '../helpers/test-app.ts';
import { asSession, createStaff, PASSWORD, signIn } from '../helpers/staff-sessions.ts';

const execFileAsync = promisify(execFile);

let t: TestApp;
let tenant: CreatedTenant;
let now = new Date('2026-12-02T09:00:00Z');
const PUBLIC_URL = 'https://console.example.com';

let postmark: FakePostmark;
let jobs: ReturnType<typeof notificationJobs>;

beforeAll(async () => {
  postmark = await startFakePostmark();
  const env = { PUBLIC_URL, ENCRYPTION_KEY: TEST_ENCRYPTION_KEY };
  t = await buildTestApp(env, { clock: () => now });
  tenant = await createTestTenant(t.db);
  jobs = notificationJobs(
    t.db,
    {
      ...env,
      POSTMARK_SERVER_TOKEN: postmark.token,
      POSTMARK_API_BASE: postmark.url,
      POSTMARK_FROM: 'console@mais.example',
    },
    () => now,
  );
});
afterAll(async () => {
  await t.close();
  await postmark.close();
});

/**
 * The token of the newest `kind` email to `email`, as it arrives: the outbox sweep sends what is
 * queued (the worker's job, run here), putting the sealed token into the link as it leaves.
 */
async function linkToken(email: string, kind: 'staff-invite' | 'password-reset') {
  await jobs.run({ queue: 'notifications.outbox-sweep', data: {}, options: {} });
  const sent = postmark.messages.filter((m) => m.Tag === kind && m.To === email);
  const path = kind === 'staff-invite' ? 'accept' : 'reset';
  const match = new RegExp(`${PUBLIC_URL}/admin/#/${path}/([A-Za-z0-9_-]{43})`).exec(
    sent.at(-1)!.TextBody ?? '',
  );
  return match![1]!;
}

const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, payload });
const attempt = (email: string, password: string) => post('/v1/auth/sessions', { email, password });

async function invite(email: string) {
  const created = await admin(t.app, tenant, {
    method: 'POST',
    url: '/v1/tenant-admin/staff',
    payload: { email, name: 'New', role: 'manager' },
  });
  expect(created.json().status).toBe('invited');
  return linkToken(email, 'staff-invite');
}

describe('invitations', () => {
  it('invite → outbox → accept → sign in; the link works once; only its hash is stored', async () => {
    const email = 'invitee@studio.example';
    const token = await invite(email);
    expect(await t.db.staffToken.count({ where: { tokenHash: { contains: token } } })).toBe(0);
    // The outbox keeps the link's placeholder and the token sealed, never the token itself; the
    // admin route shows the link redacted.
    const stored = await t.db.outboxMessage.findFirstOrThrow({
      where: { recipient: email, kind: 'staff-invite' },
    });
    expect(stored.textBody).toContain(`${PUBLIC_URL}/admin/#/accept/${STAFF_LINK_TOKEN_SLOT}`);
    expect(stored.textBody).not.toContain(token);
    expect(stored.linkTokenSealed).toMatch(/^v1\./);
    expect(stored.linkTokenSealed).not.toContain(token);
    const listed = await admin(t.app, tenant, { method: 'GET', url: '/v1/tenant-admin/outbox' });
    const shown = listed.json().data.find((m: { recipient: string }) => m.recipient === email);
    expect(shown.text).toContain(`${PUBLIC_URL}/admin/#/accept/REDACTED`);
    expect((await attempt(email, PASSWORD)).statusCode).toBe(401);
    expect((await post(`/v1/auth/invitations/${token}/accept`, { password: 'short' })).statusCode).toBe(400);
    const accepted = await post(`/v1/auth/invitations/${token}/accept`, { password: PASSWORD, name: 'Nia' });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().account).toMatchObject({ email, name: 'Nia', role: 'manager' });
    const again = await post(`/v1/auth/invitations/${token}/accept`, { password: 'another password' });
    expect(again.json().error.code).toBe('invalid_token');
    expect((await attempt(email, PASSWORD)).statusCode).toBe(200);
  });

  it('expires after 7 days', async () => {
    const token = await invite('late@studio.example');
    now = new Date(now.getTime() + 7 * 24 * 3600_000 + 1000);
    expect((await post(`/v1/auth/invitations/${token}/accept`, { password: PASSWORD })).statusCode).toBe(404);
  });

  it('of 5 concurrent accepts, one sets the password', async () => {
    for (let round = 0; round < 3; round++) {
      const email = `crowd${round}@studio.example`;
      const token = await invite(email);
      const passwords = [1, 2, 3, 4, 5].map((i) => `password number ${i}`);
      const answers = await Promise.all(
        passwords.map((password) => post(`/v1/auth/invitations/${token}/accept`, { password })),
      );
      const winners = answers.map((a, i) => (a.statusCode === 200 ? passwords[i]! : null)).filter(Boolean);
      expect(winners).toHaveLength(1);
      expect((await attempt(email, winners[0]!)).statusCode).toBe(200);
    }
  });
});

describe('the first owner', () => {
  it('POST /v1/platform/tenants with `owner` invites them; they accept and sign in as owner', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/platform/tenants',
      headers: { authorization: `Bearer ${PLATFORM_TOKEN}` },
      payload: {
        name: 'Fresh Studio',
        timezone: 'Europe/Berlin',
        owner: { email: 'Founder@Fresh.example', name: 'Fia' },
      },
    });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body.owner).toMatchObject({ email: 'founder@fresh.example', role: 'owner', status: 'invited' });
    const token = await linkToken('founder@fresh.example', 'staff-invite');
    expect((await post(`/v1/auth/invitations/${token}/accept`, { password: PASSWORD })).statusCode).toBe(200);
    const session = await signIn(t.app, 'founder@fresh.example');
    const staff = await asSession(t.app, session, { method: 'GET', url: '/v1/tenant-admin/staff' });
    expect(staff.statusCode).toBe(200);
  });

  it('npm run tenant:create --owner-email invites the owner through the outbox', async () => {
    const { stdout } = await execFileAsync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/create-tenant.ts',
        '--name',
        'Cli Studio',
        '--timezone',
        'Europe/Berlin',
        '--owner-email',
        'Cli@Owner.example',
      ],
      {
        cwd: new URL('../..', import.meta.url),
        env: {
          ...process.env,
          DATABASE_URL: t.database.url,
          PUBLIC_URL,
          ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
        },
      },
    );
    const printed = JSON.parse(stdout);
    expect(printed.owner).toMatchObject({ email: 'cli@owner.example', role: 'owner', status: 'invited' });
    const message = await t.db.outboxMessage.findFirstOrThrow({
      where: { tenantId: printed.tenant.id, kind: 'staff-invite', recipient: 'cli@owner.example' },
    });
    expect(message.textBody).toContain(`${PUBLIC_URL}/admin/#/accept/${STAFF_LINK_TOKEN_SLOT}`);
    expect(message.linkTokenSealed).toMatch(/^v1\./);
    const token = await linkToken('cli@owner.example', 'staff-invite');
    expect((await post(`/v1/auth/invitations/${token}/accept`, { password: PASSWORD })).statusCode).toBe(200);
  });

  it('without `owner` answers owner: null', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/platform/tenants',
      headers: { authorization: `Bearer ${PLATFORM_TOKEN}` },
      payload: { name: 'Ownerless Studio', timezone: 'Europe/Berlin' },
    });
    expect(created.json().owner).toBeNull();
  });
});

describe('password resets', () => {
  it('answers 202 alike for known and unknown emails; the link sets a password once and signs out elsewhere', async () => {
    const staff = await createStaff(t.app, tenant, { role: 'manager' });
    const session = await signIn(t.app, staff.email);
    const unknown = await post('/v1/auth/password-resets', { email: 'nobody@studio.example' });
    const known = await post('/v1/auth/password-resets', { email: staff.email });
    expect([unknown.statusCode, known.statusCode]).toEqual([202, 202]);
    expect(unknown.json()).toEqual(known.json());
    const token = await linkToken(staff.email, 'password-reset');
    const reset = await post(`/v1/auth/password-resets/${token}`, { password: 'a brand new password' });
    expect(reset.statusCode).toBe(200);
    expect(
      (await post(`/v1/auth/password-resets/${token}`, { password: 'yet another password' })).statusCode,
    ).toBe(404);
    expect(
      (await asSession(t.app, session, { method: 'GET', url: '/v1/tenant-admin/services' })).statusCode,
    ).toBe(401);
    expect((await attempt(staff.email, PASSWORD)).statusCode).toBe(401);
    expect((await attempt(staff.email, 'a brand new password')).statusCode).toBe(200);
  });

  it('expires after an hour, and an invite token is no reset token', async () => {
    const staff = await createStaff(t.app, tenant, { role: 'manager' });
    await post('/v1/auth/password-resets', { email: staff.email });
    const token = await linkToken(staff.email, 'password-reset');
    expect((await post(`/v1/auth/invitations/${token}/accept`, { password: PASSWORD })).statusCode).toBe(404);
    now = new Date(now.getTime() + 3600_000 + 1000);
    expect(
      (await post(`/v1/auth/password-resets/${token}`, { password: 'a brand new password' })).statusCode,
    ).toBe(404);
    expect((await attempt(staff.email, PASSWORD)).statusCode).toBe(200);
  });
});

describe('reset requests from one address', () => {
  it(`are refused past ${PASSWORD_RESETS_PER_MINUTE} a minute with 429 and Retry-After; nothing more is queued`, async () => {
    const from = { remoteAddress: '203.0.113.77' };
    const ask = () =>
      t.app.inject({
        method: 'POST',
        url: '/v1/auth/password-resets',
        payload: { email: 'flood@studio.example' },
        ...from,
      });
    const answers = [];
    for (let i = 0; i <= PASSWORD_RESETS_PER_MINUTE; i++) answers.push(await ask());
    expect(answers.slice(0, -1).map((a) => a.statusCode)).toEqual(
      Array(PASSWORD_RESETS_PER_MINUTE).fill(202),
    );
    const refused = answers.at(-1)!;
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('rate_limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not held back by this one.
    const other = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/password-resets',
      payload: { email: 'flood@studio.example' },
      remoteAddress: '203.0.113.78',
    });
    expect(other.statusCode).toBe(202);
  });
});
