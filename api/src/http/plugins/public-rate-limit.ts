import { normalizeIP } from '@fastify/rate-limit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { RateLimitedError } from '../../domain/errors.ts';
import { perMinuteCounters, type Count } from '../rate-limit-counters.ts';

export interface PublicRateLimitOptions {
  /** Per visitor: one client address with one key. */
  perVisitorPerMinute: number;
  /** Per tenant, all its visitors and keys together. */
  perTenantPerMinute: number;
  /** Requests per client address that fail authentication. */
  authFailuresPerMinute: number;
}

/**
 * Authentication and rate limits for /v1/public, in one onRequest hook so
 * their order is explicit (register it after CORS, which answers preflights):
 *
 * 1. An address that has failed authentication `authFailuresPerMinute` times
 *    this minute gets 429 at once: no key lookup, no database work. Keyless
 *    floods and guessed keys stop here.
 * 2. The key is checked (authenticatePublic: one lookup); a failure counts
 *    towards that address's budget.
 * 3. Per visitor (address + key): every visitor of a tenant gets the whole
 *    allowance, so one busy visitor cannot use up another's.
 * 4. Per tenant: a ceiling over all its visitors, so one tenant's traffic
 *    cannot crowd out the others'.
 *
 * Counters live in Redis when REDIS_URL is set (shared by every API process),
 * else in this process's memory (rate-limit-counters.ts). The address is `request.ip`: behind a proxy set TRUST_PROXY, or every
 * visitor is the proxy. IPv6 addresses count per /64, as @fastify/rate-limit
 * does by default (one host usually holds the whole /64).
 */
export const publicRateLimitPlugin = fp<PublicRateLimitOptions>(
  async (app, options) => {
    const counter = await perMinuteCounters(app);
    const address = (request: FastifyRequest) => normalizeIP(request.ip);
    const authFailures = counter('public-auth-failures', options.authFailuresPerMinute, address);
    const visitors = counter(
      'public-visitor',
      options.perVisitorPerMinute,
      (request) => `${address(request)} ${request.auth!.apiKeyId}`,
    );
    const tenants = counter(
      'public-tenant',
      options.perTenantPerMinute,
      (request) => request.auth!.tenant.id,
    );

    app.addHook('onRequest', async (request, reply) => {
      const failures = await authFailures(request, { increment: false });
      if (failures.remaining === 0) {
        throw refusal(
          reply,
          failures,
          `Too many requests without a valid API key from this address: at most ${failures.max} per minute.`,
        );
      }
      try {
        await app.authenticatePublic(request);
      } catch (error) {
        await authFailures(request);
        throw error;
      }

      const visitor = await visitors(request);
      setLimitHeaders(reply, visitor);
      if (visitor.isExceeded) {
        throw refusal(reply, visitor, `Too many requests: at most ${visitor.max} per minute.`);
      }
      const tenant = await tenants(request);
      if (tenant.isExceeded) {
        throw refusal(
          reply,
          tenant,
          `Too many requests for this business right now: at most ${tenant.max} per minute from all visitors.`,
        );
      }
    });
  },
  { name: 'public-rate-limit', dependencies: ['tenant-auth'], fastify: '5.x' },
);

function setLimitHeaders(reply: FastifyReply, count: Count): void {
  reply
    .header('x-ratelimit-limit', count.max)
    .header('x-ratelimit-remaining', count.remaining)
    .header('x-ratelimit-reset', count.ttlInSeconds);
}

/** 429 rate_limited with the refusing limit's headers and `Retry-After`. */
function refusal(reply: FastifyReply, count: Count, message: string): RateLimitedError {
  const seconds = Math.max(1, count.ttlInSeconds);
  setLimitHeaders(reply, { ...count, remaining: 0 });
  reply.header('retry-after', seconds);
  return new RateLimitedError(`${message} Retry in ${seconds} s.`);
}
