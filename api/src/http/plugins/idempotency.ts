import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { idempotencyKeyHash, openAnswer, sealAnswer } from '../../adapters/crypto/idempotency-seal.ts';
import { requestHash } from '../../adapters/db/repositories/idempotency.repository.ts';
import { ValidationError } from '../../domain/errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set on a POST that carries an Idempotency-Key and is not answered from storage. */
    idempotency: { scope: string; key: string; keyHash: string; retry: boolean } | null;
  }
  interface FastifyContextConfig {
    /**
     * The handler recognises a repeat of the same key by itself (a booking
     * finds its row by the key's hash), so a retry runs even while the first
     * request may still be in flight, or died after its commit.
     */
    idempotentHandler?: boolean;
  }
}

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/**
 * `Idempotency-Key` on every POST of the scope it is registered in (after
 * authentication: keys belong to a tenant). The first request with a key runs
 * and its answer is stored, sealed under the key; a retry with the same key
 * and body gets the stored answer (`idempotent-replayed: true`), another body
 * 422, and a retry while the first still runs 409 (see
 * adapters/db/repositories/idempotency.repository.ts). Client errors are
 * stored and replayed like successes; failures on our side are forgotten, so
 * a retry runs again. Without the header a POST simply runs.
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
      const keyHash = idempotencyKeyHash(scope, header);
      // The path is part of the request: the same key on /a/1/cancel and /a/2/cancel is two requests.
      const hash = requestHash({ url: request.url, body: request.body });
      const started = await request.scope.idempotency.start(scope, keyHash, hash, app.now(), {
        runWhileInFlight: request.routeOptions.config.idempotentHandler === true,
      });
      if (started.replay) {
        const answer = openAnswer(header, sealContext(request, scope), started.sealed);
        return reply.status(started.status).header('idempotent-replayed', 'true').send(answer);
      }
      request.idempotency = { scope, key: header, keyHash, retry: started.retry };
    });

    app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      if (!request.idempotency || !request.auth) return payload;
      const { scope, key, keyHash } = request.idempotency;
      // The answer stands even if its record cannot be written (the database just went away): an
      // unwritten record stays in flight, and a retry takes it over once stale (the repository's
      // start), so the request is still never run twice at once.
      try {
        if (reply.statusCode >= 500) await request.scope.idempotency.abandon(scope, keyHash);
        else {
          const answer = typeof payload === 'string' ? JSON.parse(payload) : null;
          const sealed = sealAnswer(key, sealContext(request, scope), answer);
          await request.scope.idempotency.finish(scope, keyHash, reply.statusCode, sealed);
        }
      } catch (error) {
        request.log.warn({ err: error }, 'idempotency record not updated; a retry takes it over once stale');
      }
      return payload;
    });
  },
  { name: 'idempotency', dependencies: ['db', 'tenant-auth'], fastify: '5.x' },
);

/** Binds a sealed answer to its tenant and route: it opens nowhere else. */
function sealContext(request: FastifyRequest, scope: string): string {
  return `${request.auth!.tenant.id}\n${scope}`;
}

/** What a booking needs of the request's Idempotency-Key (see use-cases/book-appointment.ts). */
export function bookingIdempotency(request: FastifyRequest): { keyHash: string; retry: boolean } | undefined {
  return request.idempotency
    ? { keyHash: request.idempotency.keyHash, retry: request.idempotency.retry }
    : undefined;
}
