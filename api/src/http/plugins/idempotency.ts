import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { IdempotencyRepository, requestHash } from '../../adapters/db/repositories/idempotency.repository.ts';
import { ValidationError } from '../../domain/errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set on a POST that carries an Idempotency-Key and is being processed for the first time. */
    idempotency: { scope: string; key: string } | null;
  }
}

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/**
 * `Idempotency-Key` on every POST of the scope it is registered in (after
 * authentication: keys belong to a tenant). The first request with a key runs
 * and its answer is stored; a retry with the same key and body gets the stored
 * answer (`idempotent-replayed: true`), another body 422, and a retry while the
 * first still runs 409 (see adapters/db/repositories/idempotency.repository.ts).
 * Client errors are stored and replayed like successes; failures on our side
 * are forgotten, so a retry runs again. Without the header a POST simply runs.
 */
export const idempotencyPlugin = fp(
  async (app: FastifyInstance) => {
    app.decorateRequest('idempotency', null);

    app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
      const header = request.headers['idempotency-key'];
      if (request.method !== 'POST' || header === undefined || !request.auth) return;
      if (typeof header !== 'string' || !KEY_PATTERN.test(header)) {
        throw new ValidationError('Invalid Idempotency-Key header.', [
          { path: 'Idempotency-Key', message: 'must be 1 to 255 printable ASCII characters' },
        ]);
      }
      const scope = `${request.method} ${request.routeOptions.url}`;
      const store = new IdempotencyRepository(app.db, request.auth.tenant.id);
      // The path is part of the request: the same key on /a/1/cancel and /a/2/cancel is two requests.
      const hash = requestHash({ url: request.url, body: request.body });
      const started = await store.start(scope, header, hash, app.now());
      if (started.replay) {
        return reply.status(started.status).header('idempotent-replayed', 'true').send(started.body);
      }
      request.idempotency = { scope, key: header };
    });

    app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      if (!request.idempotency || !request.auth) return payload;
      const { scope, key } = request.idempotency;
      const store = new IdempotencyRepository(app.db, request.auth.tenant.id);
      if (reply.statusCode >= 500) await store.abandon(scope, key);
      else
        await store.finish(
          scope,
          key,
          reply.statusCode,
          typeof payload === 'string' ? JSON.parse(payload) : null,
        );
      return payload;
    });
  },
  { name: 'idempotency', dependencies: ['db', 'tenant-auth'], fastify: '5.x' },
);

/**
 * The key stored on the appointment row itself (unique per tenant), so that
 * even a crash between the booking's commit and storing its answer cannot let
 * a retry book twice.
 */
export function bookingIdempotencyKey(request: FastifyRequest): string | undefined {
  return request.idempotency ? `${request.idempotency.scope}:${request.idempotency.key}` : undefined;
}
