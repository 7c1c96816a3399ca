import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { csrfTokenFor } from '../../../adapters/crypto/staff-tokens.ts';
import { SESSION_COOKIE } from '../../../domain/staff/session-policy.ts';
import { OriginNotAllowedError, RateLimitedError } from '../../../domain/errors.ts';
import { SessionSchema, SignInBodySchema } from '../../../schemas/auth.schemas.ts';
import { authenticatedErrors, ErrorResponse } from '../../../schemas/common.ts';
import { signIn } from '../../../use-cases/staff/sign-in.ts';

const tags = ['Staff sign-in'];
const security = [{ session: [] }];

export const sessionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/sessions', {
    config: { noStore: true },
    schema: {
      tags,
      summary: 'Sign in',
      description:
        'Sets the httpOnly `mais_session` cookie and answers the account and the CSRF token to send as ' +
        '`x-csrf-token` on state-changing requests. 401 for a wrong email or password; after 5 failures ' +
        'for an address, 429 with Retry-After (1 min, doubling up to 1 h), the same for unknown emails. ' +
        '`tenantSlug` is needed only when the email has accounts with several businesses (400 naming them, ' +
        'once the password is right).',
      body: SignInBodySchema,
      response: {
        200: SessionSchema,
        400: ErrorResponse,
        401: ErrorResponse,
        403: ErrorResponse,
        429: ErrorResponse,
      },
    },
    handler: async (request, reply) => {
      checkOrigin(request.headers.origin, app.config.PUBLIC_URL, `${request.protocol}://${request.host}`);
      const result = await signIn(app.staffAuth, request.body, app.now());
      if (result.kind === 'locked') {
        reply.header('retry-after', String(result.retryAfterSeconds));
        throw new RateLimitedError('Too many failed sign-ins for this email: wait for Retry-After seconds.');
      }
      app.setSessionCookie(reply, result.sessionToken);
      return { account: result.account, csrfToken: result.csrfToken };
    },
  });

  app.get('/sessions/current', {
    onRequest: app.authenticateSession,
    config: { noStore: true },
    schema: {
      tags,
      security,
      summary: 'The signed-in account',
      description:
        "The session's account and its CSRF token again, for a console page that was reloaded (the " +
        'token is the one sign-in answered). 401 when the session has ended.',
      response: { 200: SessionSchema, ...authenticatedErrors },
    },
    handler: async (request) => {
      const { staff, tenant } = request.auth!;
      return {
        account: {
          ...staff!,
          tenant: {
            id: tenant.id,
            slug: tenant.slug,
            name: tenant.name,
            timezone: tenant.timezone,
            currency: tenant.currency,
          },
        },
        csrfToken: csrfTokenFor(request.cookies[SESSION_COOKIE]!),
      };
    },
  });

  app.delete('/sessions/current', {
    onRequest: app.authenticateSession,
    schema: {
      tags,
      security,
      summary: 'Sign out',
      description: 'Ends this session and clears the cookie. Needs x-csrf-token.',
      response: { 204: z.null(), ...authenticatedErrors },
    },
    handler: async (request, reply) => {
      await app.staffAuth.revokeSession(request.auth!.sessionId!, app.now());
      app.clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  });

  app.delete('/sessions', {
    onRequest: app.authenticateSession,
    schema: {
      tags,
      security,
      summary: 'Sign out everywhere',
      description: 'Ends every session of the signed-in account, this one included. Needs x-csrf-token.',
      response: { 200: z.object({ revoked: z.number().int() }), ...authenticatedErrors },
    },
    handler: async (request, reply) => {
      const auth = request.auth!;
      const revoked = await app.staffAuth.revokeAllSessions(auth.tenant.id, auth.staff!.id, app.now());
      app.clearSessionCookie(reply);
      return { revoked };
    },
  });
};

/**
 * Sign-in has no session (so no CSRF token) yet: a browser's Origin, when sent, must be the
 * console's own (PUBLIC_URL's origin, or the request's own host without PUBLIC_URL).
 */
function checkOrigin(origin: string | undefined, publicUrl: string | undefined, own: string): void {
  if (!origin) return;
  const expected = publicUrl ? new URL(publicUrl).origin : own;
  if (origin.toLowerCase() !== expected.toLowerCase()) {
    throw new OriginNotAllowedError(`Sign in from ${expected}, not ${origin}.`);
  }
}
