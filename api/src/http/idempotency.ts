import type { FastifyReply, FastifyRequest } from 'fastify';
import { IdempotencyRepository, requestHash } from '../adapters/db/repositories/idempotency.repository.ts';
import { DomainError, ValidationError } from '../domain/errors.ts';
import { domainErrorResponse } from './error-handler.ts';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/**
 * Runs `handle` at most once per `Idempotency-Key` header (see
 * adapters/db/repositories/idempotency.repository.ts). Without the header the
 * request simply runs. Client errors are stored and replayed like successes;
 * failures on our side are forgotten, so a retry runs again.
 */
export async function idempotently(
  request: FastifyRequest,
  reply: FastifyReply,
  scope: string,
  handle: (key: string | undefined) => Promise<{ status: number; body: unknown }>,
): Promise<FastifyReply> {
  const header = request.headers['idempotency-key'];
  if (header === undefined) {
    const result = await handle(undefined);
    return reply.status(result.status).send(result.body);
  }
  if (typeof header !== 'string' || !KEY_PATTERN.test(header)) {
    throw new ValidationError('Invalid Idempotency-Key header.', [
      { path: 'Idempotency-Key', message: 'must be 1 to 255 printable ASCII characters' },
    ]);
  }
  const store = new IdempotencyRepository(request.server.db, request.auth!.tenant.id);
  const started = await store.start(scope, header, requestHash(request.body), request.server.now());
  if (started.replay) {
    return reply.status(started.status).header('idempotent-replayed', 'true').send(started.body);
  }
  try {
    const result = await handle(`${scope}:${header}`);
    await store.finish(scope, header, result.status, result.body);
    return reply.status(result.status).send(result.body);
  } catch (error) {
    if (error instanceof DomainError) {
      const { status, body } = domainErrorResponse(error);
      await store.finish(scope, header, status, body);
    } else {
      await store.abandon(scope, header);
    }
    throw error;
  }
}
