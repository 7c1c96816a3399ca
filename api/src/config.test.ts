import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('applies defaults', () => {
    expect(loadConfig({})).toEqual({
      PORT: 3000,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      PUBLIC_RATE_LIMIT_PER_MINUTE: 100,
      PUBLIC_TENANT_RATE_LIMIT_PER_MINUTE: 3000,
      PUBLIC_AUTH_FAILURES_PER_MINUTE: 30,
      DRAIN_SECONDS: 5,
      REDIS_COMMAND_TIMEOUT_MS: 250,
      BOOKING_HOLD_MINUTES: 10,
      BODY_LIMIT_BYTES: 65536,
      PLATFORM_FEE_PERCENT: 0,
      WORKER: 'on',
      JOB_EXPIRE_SECONDS: 300,
      WEBHOOK_ATTEMPTS: 13,
      WEBHOOK_RETRY_DELAY_SECONDS: 60,
      OUTBOX_SENDING_LEASE_SECONDS: 120,
    });
  });

  describe('jobs, email, Google Calendar and sealed secrets', () => {
    const key = Buffer.alloc(32, 7).toString('base64');

    it('takes a public URL without its trailing slash, and WORKER=off', () => {
      expect(loadConfig({ PUBLIC_URL: 'https://book.example.com/', WORKER: 'off' })).toMatchObject({
        PUBLIC_URL: 'https://book.example.com',
        WORKER: 'off',
      });
    });

    it.each([
      [{ ENCRYPTION_KEY: 'c2hvcnQ=' }, 'ENCRYPTION_KEY'],
      [{ GOOGLE_CLIENT_ID: 'id' }, 'GOOGLE_CLIENT_SECRET'],
      [{ GOOGLE_CLIENT_ID: 'id', GOOGLE_CLIENT_SECRET: 'secret' }, 'ENCRYPTION_KEY'],
      [{ POSTMARK_SERVER_TOKEN: 'token' }, 'POSTMARK_FROM'],
      [{ WORKER: 'maybe' }, 'WORKER'],
    ])('refuses %o, naming %s', (env, name) => {
      expect(() => loadConfig(env)).toThrow(name);
    });

    it('takes Google with a 32-byte key, and Postmark with a sender', () => {
      const config = loadConfig({
        GOOGLE_CLIENT_ID: 'id',
        GOOGLE_CLIENT_SECRET: 'secret',
        ENCRYPTION_KEY: key,
        POSTMARK_SERVER_TOKEN: 'token',
        POSTMARK_FROM: 'Bookings <bookings@example.com>',
      });
      expect(config).toMatchObject({ ENCRYPTION_KEY: key, POSTMARK_FROM: 'Bookings <bookings@example.com>' });
    });
  });

  describe('Stripe', () => {
    const stripe = {
      STRIPE_SECRET_KEY: 'sk_test_abc123',
      STRIPE_PUBLISHABLE_KEY: 'pk_test_def456',
      STRIPE_WEBHOOK_SECRET: 'whsec_ghi789',
    };

    it('takes the keys, the webhook secret, an API base and a platform fee', () => {
      const config = loadConfig({
        ...stripe,
        STRIPE_API_BASE: 'http://127.0.0.1:12111',
        PLATFORM_FEE_PERCENT: '2.5',
      });
      expect(config).toMatchObject({
        ...stripe,
        STRIPE_API_BASE: 'http://127.0.0.1:12111',
        PLATFORM_FEE_PERCENT: 2.5,
      });
    });

    it.each([
      [
        { STRIPE_SECRET_KEY: 'sk_test_abc123', STRIPE_WEBHOOK_SECRET: 'whsec_x' },
        'STRIPE_PUBLISHABLE_KEY: is required',
      ],
      [
        { STRIPE_SECRET_KEY: 'sk_test_abc123', STRIPE_PUBLISHABLE_KEY: 'pk_test_x' },
        'STRIPE_WEBHOOK_SECRET: is required',
      ],
      [{ ...stripe, STRIPE_PUBLISHABLE_KEY: 'pk_live_def456' }, 'must be of the same mode'],
      [{ ...stripe, STRIPE_SECRET_KEY: 'pk_test_abc123' }, 'STRIPE_SECRET_KEY: must be a Stripe secret key'],
      [{ ...stripe, STRIPE_API_BASE: 'ftp://127.0.0.1' }, 'STRIPE_API_BASE: must be an http(s) URL'],
      [{ PLATFORM_FEE_PERCENT: '101' }, 'PLATFORM_FEE_PERCENT'],
    ])('refuses %o', (env, message) => {
      expect(() => loadConfig(env)).toThrow(message);
    });

    it('never repeats a secret in its error message', () => {
      const secret = 'sk_live_THISISASECRET';
      expect(() => loadConfig({ ...stripe, STRIPE_SECRET_KEY: secret })).toThrow(/STRIPE_PUBLISHABLE_KEY/);
      try {
        loadConfig({ ...stripe, STRIPE_SECRET_KEY: secret });
      } catch (error) {
        expect(String(error)).not.toContain('THISISASECRET');
      }
    });
  });

  it('raises the default tenant ceiling to the per-visitor limit, never a set one', () => {
    expect(loadConfig({ PUBLIC_RATE_LIMIT_PER_MINUTE: '5000' }).PUBLIC_TENANT_RATE_LIMIT_PER_MINUTE).toBe(
      5000,
    );
    expect(
      loadConfig({ PUBLIC_RATE_LIMIT_PER_MINUTE: '50', PUBLIC_TENANT_RATE_LIMIT_PER_MINUTE: '200' })
        .PUBLIC_TENANT_RATE_LIMIT_PER_MINUTE,
    ).toBe(200);
  });

  it('reads TRUST_PROXY as a list of addresses', () => {
    expect(loadConfig({}).TRUST_PROXY).toBeUndefined();
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, ::1,loopback' }).TRUST_PROXY).toEqual([
      '10.0.0.0/8',
      '::1',
      'loopback',
    ]);
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).PORT).toBe(3000);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ TENANT_DATABASE_URL: 'mysql://x' }, 'TENANT_DATABASE_URL'],
    [{ REDIS_COMMAND_TIMEOUT_MS: '0' }, 'REDIS_COMMAND_TIMEOUT_MS'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ PLATFORM_API_TOKEN: 'short' }, 'PLATFORM_API_TOKEN'],
    [{ PUBLIC_RATE_LIMIT_PER_MINUTE: '0' }, 'PUBLIC_RATE_LIMIT_PER_MINUTE'],
    [{ PUBLIC_TENANT_RATE_LIMIT_PER_MINUTE: 'many' }, 'PUBLIC_TENANT_RATE_LIMIT_PER_MINUTE'],
    [{ PUBLIC_AUTH_FAILURES_PER_MINUTE: '-1' }, 'PUBLIC_AUTH_FAILURES_PER_MINUTE'],
    [{ TRUST_PROXY: 'true' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '1' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '10.0.0.0/33' }, 'TRUST_PROXY'],
  ])('names the bad variable in %j', (env, name) => {
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration:\\n  ${name}: `));
  });
});
