import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from './adapters/db/prisma-client.ts';
import type { Config } from './config.ts';
import { handleError, handleNotFound } from './http/error-handler.ts';
import { dbPlugin } from './http/plugins/db.ts';
import { openApiPlugin } from './http/plugins/openapi.ts';
import { tenantAuthPlugin } from './http/plugins/tenant-auth.ts';
import { healthRoutes } from './http/routes/health.routes.ts';
import { platformTenantsRoutes } from './http/routes/platform/tenants.routes.ts';
import { publicRoutes } from './http/routes/public/index.ts';
import { tenantAdminRoutes } from './http/routes/tenant-admin/index.ts';
import { WIDGET_BUNDLE, widgetScriptRoutes } from './http/routes/widget-script.routes.ts';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    /** The current time. Injected so tests can move it (hold expiry, notice). */
    now: () => Date;
  }
}

export interface AppDependencies {
  db: Db;
  logger?: FastifyServerOptions['logger'];
  clock?: () => Date;
  /** Where GET /widget.js reads the bundle; widget/dist/widget.js by default. */
  widgetBundlePath?: string;
}

/**
 * Builds the HTTP application without listening. server.ts, start.ts and the
 * tests all call this; each owns the database client it passes in.
 */
export async function buildApp(config: Config, deps: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? { level: config.LOG_LEVEL },
    bodyLimit: config.BODY_LIMIT_BYTES,
    // Honour a caller's request id (for tracing across services) if it is sane.
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(handleNotFound);
  // The API speaks JSON only; anything else answers 415 instead of reaching validation as a string.
  app.removeContentTypeParser('text/plain');
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  app.decorate('config', config);
  app.decorate('now', deps.clock ?? (() => new Date()));
  await app.register(dbPlugin, { db: deps.db });
  await app.register(tenantAuthPlugin);
  await app.register(openApiPlugin);

  await app.register(healthRoutes);
  await app.register(widgetScriptRoutes, { bundlePath: deps.widgetBundlePath ?? WIDGET_BUNDLE });
  await app.register(publicRoutes, {
    prefix: '/v1/public',
    rateLimitPerMinute: config.PUBLIC_RATE_LIMIT_PER_MINUTE,
  });
  await app.register(tenantAdminRoutes, { prefix: '/v1/tenant-admin' });
  if (config.PLATFORM_API_TOKEN) {
    await app.register(platformTenantsRoutes, {
      prefix: '/v1/platform',
      platformToken: config.PLATFORM_API_TOKEN,
    });
  }
  return app;
}
