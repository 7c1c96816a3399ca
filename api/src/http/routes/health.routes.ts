import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { tenantClientOf } from '../../adapters/db/prisma-client.ts';
import { ErrorResponse } from '../../schemas/common.ts';

const Status = z.object({ status: z.literal('ok') });

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/health', {
    schema: { tags: ['Operations'], summary: 'The process is up', response: { 200: Status } },
    handler: async () => ({ status: 'ok' as const }),
  });

  app.get('/ready', {
    schema: {
      tags: ['Operations'],
      summary: 'The process takes requests: not draining, and the database answers both its logins',
      response: { 200: Status, 503: ErrorResponse },
    },
    handler: async (request, reply) => {
      if (app.lifecycle.draining) {
        return reply.status(503).send({
          error: { code: 'draining', message: 'This process is shutting down: send requests elsewhere.' },
        });
      }
      try {
        // Both logins: the owner's, and mais_tenant's that every tenant scope uses (a wrong
        // TENANT_DATABASE_URL or password shows here, not in the first booking).
        await Promise.all([app.db.$queryRaw`SELECT 1`, tenantClientOf(app.db).$queryRaw`SELECT 1`]);
        return { status: 'ok' as const };
      } catch (error) {
        request.log.warn({ err: error }, 'readiness check failed');
        return reply
          .status(503)
          .send({ error: { code: 'database_unavailable', message: 'The database does not answer.' } });
      }
    },
  });
};
