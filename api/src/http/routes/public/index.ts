import cors from '@fastify/cors';
import type { FastifyPluginAsync } from 'fastify';
import { idempotencyPlugin } from '../../plugins/idempotency.ts';
import { publicRateLimitPlugin, type PublicRateLimitOptions } from '../../plugins/public-rate-limit.ts';
import { appointmentsRoutes } from './appointments.routes.ts';
import { availabilityRoutes } from './availability.routes.ts';
import { catalogRoutes } from './catalog.routes.ts';

export interface PublicRoutesOptions {
  rateLimits: PublicRateLimitOptions;
}

/**
 * /v1/public: called from tenants' web pages with a publishable key.
 * Hook order matters: CORS first (it answers preflights, which carry no key),
 * then one hook for the limits and the key and Origin check
 * (plugins/public-rate-limit.ts: failed-authentication budget per address,
 * key check, per visitor, per tenant).
 */
export const publicRoutes: FastifyPluginAsync<PublicRoutesOptions> = async (app, options) => {
  // Reflect the Origin so a browser can read every answer, refusals included;
  // authenticatePublic refuses origins the tenant has not allowed (403).
  await app.register(cors, {
    origin: true,
    methods: ['GET', 'POST'],
    allowedHeaders: ['content-type', 'x-tenant-key', 'idempotency-key', 'x-manage-token'],
    exposedHeaders: [
      'retry-after',
      'x-request-id',
      'x-ratelimit-limit',
      'x-ratelimit-remaining',
      'x-ratelimit-reset',
    ],
    maxAge: 600,
  });
  await app.register(publicRateLimitPlugin, options.rateLimits);
  await app.register(idempotencyPlugin);
  await app.register(catalogRoutes);
  await app.register(availabilityRoutes);
  await app.register(appointmentsRoutes);
};
