import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authenticatedErrors, pageOf } from '../../../schemas/common.ts';
import { AuditLogEntrySchema, AuditLogQuery } from '../../../schemas/audit-log.schemas.ts';

/** The tenant's audit log (owners): who changed what, when, from which key or session. */
export const auditLogRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/audit-log', {
    config: { access: 'owner' },
    schema: {
      tags: ['Audit log'],
      security: [{ secretKey: [] }],
      summary: 'The audit log of admin actions',
      description:
        'Every successful (2xx) state-changing /v1/tenant-admin request of an authenticated caller, newest ' +
        'first: the key or staff account and session, the route and its target, the status, address and time. ' +
        '`actorId` filters by a key or account id.',
      querystring: AuditLogQuery,
      response: { 200: pageOf(AuditLogEntrySchema), ...authenticatedErrors },
    },
    handler: async (request) => request.scope.auditLog.list(request.query),
  });
};
