import Stripe from 'stripe';
import type { Config } from '../../config.ts';

/** Seconds the platform waits for Stripe before a call fails (and is retried by its caller). */
const TIMEOUT_MS = 20_000;

/**
 * The Stripe client of the platform's account, or null without STRIPE_SECRET_KEY (payments at
 * the appointment). STRIPE_API_BASE sends every call to another server (a local fake in tests, a
 * self-hoster's mock). The SDK's own retries stay off: callers retry with the same idempotency
 * key when they choose to, so one place decides how often money calls are repeated.
 */
export function createStripeClient(
  config: Pick<Config, 'STRIPE_SECRET_KEY' | 'STRIPE_API_BASE'>,
  options: { timeoutMs?: number } = {},
): Stripe | null {
  if (!config.STRIPE_SECRET_KEY) return null;
  const base = config.STRIPE_API_BASE ? new URL(config.STRIPE_API_BASE) : null;
  return new Stripe(config.STRIPE_SECRET_KEY, {
    maxNetworkRetries: 0,
    timeout: options.timeoutMs ?? TIMEOUT_MS,
    telemetry: false,
    appInfo: { name: 'MAIS Scheduling' },
    ...(base
      ? {
          host: base.hostname,
          port: Number(base.port) || (base.protocol === 'https:' ? 443 : 80),
          protocol: base.protocol === 'https:' ? 'https' : 'http',
        }
      : {}),
  });
}
