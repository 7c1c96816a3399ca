import type { FastifyRequest } from 'fastify';
import { hashManageToken } from '../domain/appointments/manage-token.ts';
import { ValidationError } from '../domain/errors.ts';

/**
 * The hash of the manage token a client sent: the `x-manage-token` header
 * first, then a POST body's `token`, then the deprecated `?token=` (kept for
 * links already sent; redacted from logs).
 */
export function manageTokenHash(request: FastifyRequest): string {
  const header = (request.headers as { 'x-manage-token'?: string })['x-manage-token'];
  const body = (request.body as { token?: string } | null | undefined)?.token;
  const query = (request.query as { token?: string } | undefined)?.token;
  const token = header ?? body ?? query;
  if (token === undefined) {
    throw new ValidationError("Send the booking's manage token in the x-manage-token header.", [
      { path: 'x-manage-token', message: 'is required' },
    ]);
  }
  return hashManageToken(token);
}
