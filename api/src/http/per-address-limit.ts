import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RateLimitedError } from '../domain/errors.ts';
import { MINUTE } from '../domain/time-units.ts';

/** 429 rate_limited saying when to come back, with `Retry-After` (at least 1 s). */
export function rateLimitRefusal(
  reply: FastifyReply,
  ttlInSeconds: number,
  message: string,
): RateLimitedError {
  const seconds = Math.max(1, ttlInSeconds);
  reply.header('retry-after', seconds);
  return new RateLimitedError(`${message} Retry in ${seconds} s.`);
}

/**
 * A limit of `max` requests a minute per client address (IPv6 per /64) for the routes of `app`'s
 * scope that call the returned check; past it the check throws rateLimitRefusal with `message`.
 * Counted in process memory, like the other per-address limits (one process; api/README.md).
 */
export async function perAddressLimit(app: FastifyInstance, max: number, message: string) {
  await app.register(rateLimit, { global: false });
  const counter = app.createRateLimit({
    max,
    timeWindow: MINUTE,
    keyGenerator: (request) => normalizeIP(request.ip),
  });
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const count = await counter(request);
    if (!count.isAllowed && count.isExceeded) throw rateLimitRefusal(reply, count.ttlInSeconds, message);
  };
}
