import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MINUTE } from '../domain/time-units.ts';

/** Where a key stands in its minute: how many are left and when the window ends. */
export interface Count {
  max: number;
  remaining: number;
  ttlInSeconds: number;
  isExceeded: boolean;
}

/** Counts (or with `increment: false` only reads) one request against a limit. */
export type Counter = (request: FastifyRequest, options?: { increment?: boolean }) => Promise<Count>;

/**
 * The one way the API counts requests for its limits (/v1/public, per-address limits, calendar
 * feeds): per-minute counters from @fastify/rate-limit, in Redis when REDIS_URL is set (shared by
 * every API process) and in this process's memory otherwise (an LRU of 5000 keys per counter:
 * right for one process only). Call once per plugin scope; `counter` then makes named counters,
 * whose name prefixes every key so that two counters never share one in Redis.
 *
 * When Redis does not answer (down, or slower than 250 ms) the request is let through and a
 * warning logged: the limits protect capacity, and refusing every visitor because the counter is
 * away would be the outage they exist to prevent (api/README.md, "Decisions").
 */
export async function perMinuteCounters(app: FastifyInstance) {
  await app.register(rateLimit, {
    global: false,
    ...(app.redis ? { redis: app.redis, nameSpace: 'mais:rate:' } : {}),
  });
  return function counter(name: string, max: number, key: (request: FastifyRequest) => string): Counter {
    const limiter = app.createRateLimit({
      max,
      timeWindow: MINUTE,
      keyGenerator: (request) => `${name}:${key(request)}`,
    });
    return async (request, options) => {
      let result: Awaited<ReturnType<typeof limiter>>;
      try {
        result = await limiter(request, options);
      } catch (error) {
        request.log.warn(
          { err: error, counter: name },
          'rate-limit counter unavailable: request let through',
        );
        return { max, remaining: max, ttlInSeconds: 60, isExceeded: false };
      }
      // These counters have no allow list, so every answer is a count.
      if (result.isAllowed) throw new Error('a rate-limit counter without an allow list answered isAllowed');
      return result;
    };
  };
}
