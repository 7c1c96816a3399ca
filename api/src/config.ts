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
    PLATFORM_API_TOKEN: z.string().min(24, 'must be at least 24 characters: it creates tenants').optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
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
    /** How long an unpaid booking of a paid service holds its slot. */
    BOOKING_HOLD_MINUTES: z.coerce.number().int().min(1).max(1440).default(10),
    /** Largest request body accepted, in bytes. */
    BODY_LIMIT_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(64 * 1024),
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
