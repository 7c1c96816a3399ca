import type { PaymentGateway } from './adapters/payments/payment-gateway.ts';
import { createStripeClient } from './adapters/payments/stripe-client.ts';
import { StripeGateway } from './adapters/payments/stripe-gateway.ts';
import type { GoogleCalendarGateway } from './adapters/google/calendar-gateway.ts';
import { createGoogleCalendarGateway } from './adapters/google/google-client.ts';
import { randomUUID } from 'node:crypto';
import compress from '@fastify/compress';
import Fastify, { type FastifyInstance, type FastifyLoggerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from './adapters/db/prisma-client.ts';
import type { Config } from './config.ts';
import {
  handleClientError,
  handleError,
  handleFrameworkError,
  handleNotFound,
} from './http/error-handler.ts';
import { secretSafeLogging } from './http/log-redaction.ts';
import { dbPlugin } from './http/plugins/db.ts';
import { idempotencySweepPlugin } from './http/plugins/idempotency-sweep.ts';
import { openApiPlugin } from './http/plugins/openapi.ts';
import { securityHeadersPlugin } from './http/plugins/security-headers.ts';
import { tenantAuthPlugin } from './http/plugins/tenant-auth.ts';
import { staffSessionPlugin } from './http/plugins/staff-session.ts';
import { authRoutes } from './http/routes/auth/index.ts';
import { calendarFeedRoutes } from './http/routes/calendar-feeds.routes.ts';
import { healthRoutes } from './http/routes/health.routes.ts';
import { googleCallbackRoutes } from './http/routes/oauth/google-callback.routes.ts';
import { quickbooksCallbackRoutes } from './http/routes/oauth/quickbooks-callback.routes.ts';
import { platformTenantsRoutes } from './http/routes/platform/tenants.routes.ts';
import { publicRoutes } from './http/routes/public/index.ts';
import { tenantAdminRoutes } from './http/routes/tenant-admin/index.ts';
import { stripeWebhookRoutes } from './http/routes/webhooks/stripe-webhook.routes.ts';
import { googleCalendarWebhookRoutes } from './http/routes/webhooks/google-calendar-webhook.routes.ts';
import { WIDGET_BUNDLE, widgetScriptRoutes } from './http/routes/widget-script.routes.ts';
import { refuseMalformedQuery } from './http/malformed-query.ts';
import { adminConsoleRoutes } from './http/routes/admin-console.routes.ts';
import { bookingPageRoutes } from './http/routes/booking-page.routes.ts';
import { connectedWithin, createRedisClient, type Redis } from './adapters/redis/redis-client.ts';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    /** The current time. Injected so tests can move it (hold expiry, notice). */
    now: () => Date;
    /** Card payments through Stripe, or null without STRIPE_SECRET_KEY (payment at the appointment). */
    payments: PaymentGateway | null;
    /** Google Calendar (consents, events, channels), or null without GOOGLE_CLIENT_ID or PUBLIC_URL. */
    googleCalendar: GoogleCalendarGateway | null;
    /**
     * Draining: set on SIGTERM (server.ts) so that GET /ready answers 503 while requests are still
     * served, and the load balancer moves traffic away before the process closes.
     */
    lifecycle: { draining: boolean };
    /** Shared rate-limit counters (REDIS_URL), or null: counted in this process's memory. */
    redis: Redis | null;
  }
}

export interface AppDependencies {
  db: Db;
  /** Logger options on top of the defaults (level from config, secrets redacted); false for none. */
  logger?: FastifyLoggerOptions | false;
  clock?: () => Date;
  /** Where GET /widget.js reads the bundle; widget/dist/widget.js by default. */
  widgetBundlePath?: string;
  /** The built console (admin/dist unless given). */
  consoleDistDir?: string;
}

function paymentGateway(config: Config): PaymentGateway | null {
  const stripe = createStripeClient(config);
  return stripe && new StripeGateway(stripe, config.STRIPE_PUBLISHABLE_KEY!);
}

/**
 * Builds the HTTP application without listening. server.ts, start.ts and the
 * tests all call this; each owns the database client it passes in.
 */
export async function buildApp(config: Config, deps: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger === false ? false : { ...secretSafeLogging, level: config.LOG_LEVEL, ...deps.logger },
    bodyLimit: config.BODY_LIMIT_BYTES,
    // Behind a proxy, request.ip (and so the rate limits) must be the visitor's address.
    trustProxy: config.TRUST_PROXY ?? false,
    // Honour a caller's request id (for tracing across services) if it is sane.
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    },
    // Path segments longer than this answer 414 uri_too_long (ids are UUIDs, 36 characters).
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 100 },
    // What Fastify answers outside the error handler, in our error shape too.
    frameworkErrors: handleFrameworkError,
    clientErrorHandler: handleClientError,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(handleNotFound);
  app.addHook('preValidation', refuseMalformedQuery);
  // The API speaks JSON only; anything else answers 415 instead of reaching validation as a string.
  app.removeContentTypeParser('text/plain');
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // OPTIONS is served only as a CORS preflight (by /v1/public's CORS plugin,
    // which would answer anything else with a plain-text 400). Any other
    // OPTIONS gets what every method the API does not serve on a path gets:
    // 404 route_not_found. Not 405: that must list the path's methods in
    // `Allow` (RFC 9110 §15.5.6), and no other method answers 405 here.
    const { origin } = request.headers;
    if (request.method === 'OPTIONS' && !(origin && request.headers['access-control-request-method'])) {
      return handleNotFound(request, reply);
    }
  });

  app.decorate('config', config);
  app.decorate('now', deps.clock ?? (() => new Date()));
  app.decorate('payments', paymentGateway(config));
  app.decorate('googleCalendar', createGoogleCalendarGateway(config));
  const redis = config.REDIS_URL
    ? createRedisClient(config.REDIS_URL, config.REDIS_COMMAND_TIMEOUT_MS)
    : null;
  app.decorate('redis', redis);
  app.decorate('lifecycle', { draining: false });
  if (redis) {
    redis.on('error', (err: Error) => app.log.warn({ err }, 'redis connection error'));
    app.addHook('onClose', async () => {
      await redis.quit().catch(() => redis.disconnect());
    });
    // Start counting in Redis from the first request; if it is away, start anyway (counters let
    // requests through until it answers: rate-limit-counters.ts).
    if (!(await connectedWithin(redis, 1_000))) app.log.warn('redis not reachable at start-up');
  }
  await app.register(securityHeadersPlugin);
  // Answers of 1 KB or more in br or gzip when the client accepts it (JSON, /widget.js, the docs).
  // Registered before any route. Request bodies are not decompressed: the API takes plain JSON.
  await app.register(compress, { encodings: ['br', 'gzip'], globalDecompression: false });
  await app.register(dbPlugin, { db: deps.db });
  await app.register(idempotencySweepPlugin);
  await app.register(staffSessionPlugin);
  await app.register(tenantAuthPlugin);
  await app.register(openApiPlugin);

  await app.register(healthRoutes);
  await app.register(widgetScriptRoutes, { bundlePath: deps.widgetBundlePath ?? WIDGET_BUNDLE });
  await app.register(bookingPageRoutes, { bundlePath: deps.widgetBundlePath ?? WIDGET_BUNDLE });
  await app.register(adminConsoleRoutes, { distDir: deps.consoleDistDir });
  await app.register(publicRoutes, {
    prefix: '/v1/public',
    rateLimits: {
      perVisitorPerMinute: config.PUBLIC_RATE_LIMIT_PER_MINUTE,
      perTenantPerMinute: config.PUBLIC_TENANT_RATE_LIMIT_PER_MINUTE,
      authFailuresPerMinute: config.PUBLIC_AUTH_FAILURES_PER_MINUTE,
    },
  });
  await app.register(tenantAdminRoutes, { prefix: '/v1/tenant-admin' });
  await app.register(authRoutes, { prefix: '/v1/auth' });
  await app.register(stripeWebhookRoutes, { prefix: '/v1/webhooks' });
  await app.register(googleCalendarWebhookRoutes);
  await app.register(googleCallbackRoutes);
  await app.register(quickbooksCallbackRoutes);
  await app.register(calendarFeedRoutes);
  if (config.PLATFORM_API_TOKEN) {
    await app.register(platformTenantsRoutes, {
      prefix: '/v1/platform',
      platformToken: config.PLATFORM_API_TOKEN,
    });
  }
  return app;
}
