import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { STATE_CHANGING } from './staff-session.ts';

/**
 * The audit log of /v1/tenant-admin (api/README.md, "Audit log"): every state-changing request that
 * succeeded (2xx) is recorded with who made it (the key, or the staff account and session), the
 * route, its target, the status, the address and the time. Refused requests change nothing, the
 * audit log included (they are in the request log). Written in onSend, before the answer leaves: a
 * client that saw a 2xx can find the entry. Bodies are never recorded (they carry passwords, card
 * data, clients' details): the route and the target id say what was done. A failed write is logged
 * and the answer still sent: the action itself is already committed.
 */
export const auditLogPlugin = fp(
  async (app) => {
    app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload) => {
      const auth = request.auth;
      if (!auth || !STATE_CHANGING.has(request.method) || reply.statusCode >= 300) return payload;
      try {
        await request.scope.auditLog.record({
          actor: auth.staff
            ? { staffAccountId: auth.staff.id, sessionId: auth.sessionId ?? null, email: auth.staff.email }
            : { apiKeyId: auth.apiKeyId! },
          method: request.method,
          route: request.routeOptions.url ?? request.url.split('?')[0]!,
          targetId: targetOf(request, reply, payload),
          statusCode: reply.statusCode,
          ip: request.ip,
          userAgent: request.headers['user-agent']?.slice(0, 300) ?? null,
          requestId: request.id,
          occurredAt: app.now(),
        });
      } catch (err) {
        request.log.error({ err }, 'audit log: the entry could not be written');
      }
      return payload;
    });
  },
  { name: 'audit-log', fastify: '5.x' },
);

/** The path's :id, else the id of what a 2xx JSON answer made (a new service, a new booking). */
function targetOf(request: FastifyRequest, reply: FastifyReply, payload: unknown): string | null {
  const params = request.params as { id?: unknown } | undefined;
  if (typeof params?.id === 'string') return params.id.slice(0, 100);
  if (typeof payload !== 'string' || payload.length > 100_000) return null;
  try {
    const body = JSON.parse(payload) as { id?: unknown; appointment?: { id?: unknown } } | null;
    const id = body?.id ?? body?.appointment?.id;
    return typeof id === 'string' ? id.slice(0, 100) : null;
  } catch {
    return null;
  }
}
