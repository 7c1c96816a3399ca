import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * Configuration, read from the environment once at start-up. A bad value stops
 * the process with a message naming the variable (see `loadConfig`).
 */
export const ConfigSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// connection string')
      .optional(),
    /**
     * Where the tenant scopes log in, as the role mais_tenant (row-level security: api/README.md).
     * Unset: DATABASE_URL with the user replaced by mais_tenant and the same password, which
     * `npm run migrate` gives the role the first time.
     */
    TENANT_DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// connection string')
      .optional(),
    PLATFORM_API_TOKEN: z.string().min(24, 'must be at least 24 characters: it creates tenants').optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** development or test: the session cookie is sent without Secure (plain http on localhost). */
    NODE_ENV: z.string().max(50).optional(),
    /** Requests per minute on /v1/public per visitor: one client address with one key. */
    PUBLIC_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(100),
    /**
     * Requests per minute on /v1/public per tenant, all its visitors together.
     * Default 3000, or the per-visitor limit when that is higher.
     */
    PUBLIC_TENANT_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().optional(),
    /**
     * Requests per minute from one client address on /v1/public that fail
     * authentication (no key, a malformed, unknown or revoked one, a refused
     * Origin). Past it the address gets 429 before any key lookup.
     */
    PUBLIC_AUTH_FAILURES_PER_MINUTE: z.coerce.number().int().positive().default(30),
    /**
     * Which proxies' X-Forwarded-For to believe, so that rate limits see the
     * visitor's address and not the load balancer's: the proxies' addresses
     * and CIDR ranges ("10.0.0.0/8, 127.0.0.1"; also "loopback", "linklocal",
     * "uniquelocal"). Unset: none, the socket's peer is the client. Not "true"
     * (clients could then pick their own address) and not a hop count
     * (Fastify 5 ignores those: it cannot check the nearest peer).
     */
    TRUST_PROXY: z
      .string()
      .refine(isTrustProxy, 'must be a comma-separated list of addresses or CIDR ranges')
      .transform((value) => value.split(',').map((part) => part.trim()))
      .optional(),
    /**
     * Redis, for rate-limit counters shared by every API process (redis://host:port, rediss:// for
     * TLS). Unset: counters live in each process's memory, right for one process only.
     */
    REDIS_URL: z
      .url({
        protocol: /^rediss?$/,
        message: 'must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379',
      })
      .optional(),
    /**
     * How long a rate-limit count may wait for Redis before the request goes through uncounted
     * (with a warning): a slow Redis costs a request at most this, never hangs it.
     */
    REDIS_COMMAND_TIMEOUT_MS: z.coerce.number().int().min(10).max(10_000).default(250),
    /**
     * On SIGTERM, how long /ready answers 503 `draining` while requests are still served, so a load
     * balancer stops sending new ones before the process closes: longer than its health-check interval.
     */
    DRAIN_SECONDS: z.coerce.number().int().min(0).max(300).default(5),
    /** How long an unpaid booking of a paid service holds its slot. */
    BOOKING_HOLD_MINUTES: z.coerce.number().int().min(1).max(1440).default(10),
    /**
     * Stripe, for card payments (the platform's account; each tenant connects its own).
     * Without a secret key, paid services are booked as "pay at the appointment".
     */
    STRIPE_SECRET_KEY: z
      .string()
      .regex(/^(sk|rk)_(test|live)_[A-Za-z0-9]+$/, 'must be a Stripe secret key (sk_test_… or sk_live_…)')
      .optional(),
    STRIPE_PUBLISHABLE_KEY: z
      .string()
      .regex(/^pk_(test|live)_[A-Za-z0-9]+$/, 'must be a Stripe publishable key (pk_test_… or pk_live_…)')
      .optional(),
    /** The signing secret of the webhook endpoint (POST /v1/webhooks/stripe). */
    STRIPE_WEBHOOK_SECRET: z
      .string()
      .regex(/^whsec_[A-Za-z0-9]+$/, 'must be a Stripe webhook signing secret (whsec_…)')
      .optional(),
    /** Where Stripe calls go: Stripe's own API by default; a local server for tests and mocks. */
    STRIPE_API_BASE: z
      .url({ protocol: /^https?$/, message: 'must be an http(s) URL such as http://127.0.0.1:12111' })
      .optional(),
    /** The platform's share of each charge, in percent (0 to 100, decimals allowed). */
    PLATFORM_FEE_PERCENT: z.coerce.number().min(0).max(100).default(0),
    /** Where links in emails and calendar feeds point: the API's public base URL (no trailing slash). */
    PUBLIC_URL: z
      .url({ protocol: /^https?$/, message: 'must be an http(s) URL such as https://book.example.com' })
      .transform((url) => url.replace(/\/+$/, ''))
      .optional(),
    /** Background jobs (reminders, emails, calendar sync) in this process: on, or off for API-only processes. */
    WORKER: z.enum(['on', 'off']).default('on'),
    /** How long a job may run before pg-boss counts its worker lost and runs it again. */
    JOB_EXPIRE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
    /** Attempts per outgoing webhook delivery and the first retry's wait (doubling; api/README.md). */
    WEBHOOK_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(13),
    WEBHOOK_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    /**
     * How long an attempt owns an email it is sending before another may check with Postmark
     * whether it went out and send it if not: longer than a Postmark call can take.
     */
    OUTBOX_SENDING_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
    /** Google Calendar sync: the platform's OAuth client. Without it, providers cannot connect a calendar. */
    GOOGLE_CLIENT_ID: z.string().min(1).optional(),
    GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
    /** The Calendar API's root and the OAuth token endpoint's base: Google's own by default; local servers in tests. */
    GOOGLE_API_BASE: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional(),
    GOOGLE_OAUTH_BASE: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional(),
    /** QuickBooks Online sync: the platform's Intuit app. Without it, tenants cannot connect QuickBooks. */
    QUICKBOOKS_CLIENT_ID: z.string().min(1).optional(),
    QUICKBOOKS_CLIENT_SECRET: z.string().min(1).optional(),
    /** The accounting API's base: production by default; https://sandbox-quickbooks.api.intuit.com for sandbox companies. */
    QUICKBOOKS_API_BASE: z
      .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
      .transform((url) => url.replace(/\/+$/, ''))
      .optional(),
    /** One base for Intuit's authorize, token and revoke endpoints (a local server in tests); Intuit's own when unset. */
    QUICKBOOKS_OAUTH_BASE: z
      .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
      .transform((url) => url.replace(/\/+$/, ''))
      .optional(),
    /** Postmark, for email. Without a token, messages are built and kept in the outbox as SKIPPED. */
    POSTMARK_SERVER_TOKEN: z.string().min(1).optional(),
    POSTMARK_API_BASE: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional(),
    POSTMARK_FROM: z.string().min(3).optional(),
    /**
     * 32 bytes, base64: seals secrets kept in the database (OAuth refresh tokens, feed tokens) with
     * AES-256-GCM. ENCRYPTION_KEY_PREVIOUS still opens what the key before it sealed (rotation).
     */
    ENCRYPTION_KEY: z
      .string()
      .refine(isKey32, 'must be 32 bytes in base64 (openssl rand -base64 32)')
      .optional(),
    ENCRYPTION_KEY_PREVIOUS: z
      .string()
      .refine(isKey32, 'must be 32 bytes in base64 (openssl rand -base64 32)')
      .optional(),
    /** Largest request body accepted, in bytes. */
    BODY_LIMIT_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(64 * 1024),
  })
  .refine((config) => !config.STRIPE_SECRET_KEY || config.STRIPE_PUBLISHABLE_KEY, {
    path: ['STRIPE_PUBLISHABLE_KEY'],
    message: 'is required with STRIPE_SECRET_KEY (the widget needs it to show the card form)',
  })
  .refine((config) => !config.STRIPE_SECRET_KEY || config.STRIPE_WEBHOOK_SECRET, {
    path: ['STRIPE_WEBHOOK_SECRET'],
    message: 'is required with STRIPE_SECRET_KEY (payment events are verified with it)',
  })
  .refine(
    (config) =>
      !config.STRIPE_SECRET_KEY ||
      !config.STRIPE_PUBLISHABLE_KEY ||
      config.STRIPE_SECRET_KEY.split('_')[1] === config.STRIPE_PUBLISHABLE_KEY.split('_')[1],
    {
      path: ['STRIPE_PUBLISHABLE_KEY'],
      message: 'must be of the same mode (test or live) as STRIPE_SECRET_KEY',
    },
  )
  .refine((config) => !config.GOOGLE_CLIENT_ID === !config.GOOGLE_CLIENT_SECRET, {
    path: ['GOOGLE_CLIENT_SECRET'],
    message: 'GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET go together',
  })
  .refine((config) => !config.GOOGLE_CLIENT_ID || config.ENCRYPTION_KEY, {
    path: ['ENCRYPTION_KEY'],
    message: 'is required with GOOGLE_CLIENT_ID (refresh tokens are stored sealed with it)',
  })
  .refine((config) => !config.QUICKBOOKS_CLIENT_ID === !config.QUICKBOOKS_CLIENT_SECRET, {
    path: ['QUICKBOOKS_CLIENT_SECRET'],
    message: 'QUICKBOOKS_CLIENT_ID and QUICKBOOKS_CLIENT_SECRET go together',
  })
  .refine((config) => !config.QUICKBOOKS_CLIENT_ID || config.ENCRYPTION_KEY, {
    path: ['ENCRYPTION_KEY'],
    message: 'is required with QUICKBOOKS_CLIENT_ID (QuickBooks tokens are stored sealed with it)',
  })
  .refine((config) => !config.POSTMARK_SERVER_TOKEN || config.POSTMARK_FROM, {
    path: ['POSTMARK_FROM'],
    message: 'is required with POSTMARK_SERVER_TOKEN (the sender of every email)',
  })
  .transform((config) => ({
    ...config,
    PUBLIC_TENANT_RATE_LIMIT_PER_MINUTE:
      config.PUBLIC_TENANT_RATE_LIMIT_PER_MINUTE ?? Math.max(3000, config.PUBLIC_RATE_LIMIT_PER_MINUTE),
  }));

export type Config = Readonly<z.infer<typeof ConfigSchema>>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses `env` (process.env by default); empty strings count as unset. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = ConfigSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return Object.freeze(parsed.data);
}

function isKey32(value: string): boolean {
  return /^[A-Za-z0-9+/]+={0,2}$/.test(value) && Buffer.from(value, 'base64').length === 32;
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isTrustProxy(value: string): boolean {
  return value.split(',').every((part) => {
    const [address = '', prefix, ...rest] = part.trim().split('/');
    if (PROXY_NAMES.has(address)) return prefix === undefined;
    const version = isIP(address);
    if (version === 0 || rest.length > 0) return false;
    return prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128));
  });
}
