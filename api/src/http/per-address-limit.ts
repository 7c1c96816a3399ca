import { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RateLimitedError } from '../domain/errors.ts';
import { perMinuteCounters } from './rate-limit-counters.ts';

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
 * `name` keeps its counts apart from other limits' (shared across processes with REDIS_URL).
 */
export async function perAddressLimit(app: FastifyInstance, name: string, max: number, message: string) {
  const counter = (await perMinuteCounters(app))(name, max, (request) => normalizeIP(request.ip));
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const count = await counter(request);
    if (count.isExceeded) throw rateLimitRefusal(reply, count.ttlInSeconds, message);
  };
}
