import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsync } from 'fastify';
import { RateLimitedError } from '../../../domain/errors.ts';
import { idempotencyPlugin } from '../../plugins/idempotency.ts';
import { appointmentsRoutes } from './appointments.routes.ts';
import { availabilityRoutes } from './availability.routes.ts';
import { catalogRoutes } from './catalog.routes.ts';

export interface PublicRoutesOptions {
  rateLimitPerMinute: number;
}

/**
 * /v1/public: called from tenants' web pages with a publishable key.
 * Hook order matters: CORS first (it answers preflights, which carry no key),
 * then the rate limit, then the key and Origin check.
 */
export const publicRoutes: FastifyPluginAsync<PublicRoutesOptions> = async (app, options) => {
  // Reflect the Origin so a browser can read every answer, refusals included;
  // authenticatePublic refuses origins the tenant has not allowed (403).
  await app.register(cors, {
    origin: true,
    methods: ['GET', 'POST'],
    allowedHeaders: ['content-type', 'x-tenant-key', 'idempotency-key'],
    exposedHeaders: [
      'retry-after',
      'x-request-id',
      'x-ratelimit-limit',
      'x-ratelimit-remaining',
      'x-ratelimit-reset',
    ],
    maxAge: 600,
  });
  await app.register(rateLimit, {
    max: options.rateLimitPerMinute,
    timeWindow: 60_000,
    // Per tenant key: one busy tenant cannot use up another's allowance.
    keyGenerator: (request) => {
      const key = request.headers['x-tenant-key'];
      return typeof key === 'string' && key.length > 0 ? `key:${key}` : `ip:${request.ip}`;
    },
    errorResponseBuilder: (_request, context) =>
      new RateLimitedError(
        `Too many requests: at most ${context.max} per minute. Retry in ${context.after}.`,
      ),
  });
  app.addHook('onRequest', app.authenticatePublic);
  await app.register(idempotencyPlugin);
  await app.register(catalogRoutes);
  await app.register(availabilityRoutes);
  await app.register(appointmentsRoutes);
};
