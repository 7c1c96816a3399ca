import { timingSafeEqual } from 'node:crypto';
import cookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hashSecretToken } from '../../adapters/crypto/staff-tokens.ts';
import { StaffAuthRepository } from '../../adapters/db/repositories/staff-auth.repository.ts';
import { forTenant } from '../../adapters/db/tenant-scope.ts';
import { CsrfFailedError, ForbiddenError, InvalidApiKeyError, NotFoundError } from '../../domain/errors.ts';
import { mayCall, type Access, type Ownership } from '../../domain/staff/roles.ts';
import {
  cookieSecure,
  SESSION_ABSOLUTE_MS,
  SESSION_COOKIE,
  SESSION_IDLE_MS,
  sessionLive,
} from '../../domain/staff/session-policy.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The least staff role that may call this admin route; undefined: manager. Secret keys are owners. */
    access?: Access;
    /** For `access: 'provider'`: what to check so a provider session touches only its own. */
    owns?: Ownership;
  }
  interface FastifyInstance {
    staffAuth: StaffAuthRepository;
    /** A session cookie: sets request.auth (with `staff`) and request.scope; CSRF on state changes. */
    authenticateSession: (request: FastifyRequest) => Promise<void>;
    setSessionCookie: (reply: FastifyReply, token: string) => void;
    clearSessionCookie: (reply: FastifyReply) => void;
  }
}

export const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Staff sessions: the cookie, its lookup and the CSRF check (api/README.md, "Staff accounts and sessions"). */
export const staffSessionPlugin = fp(
  async (app) => {
    await app.register(cookie);
    app.decorate('staffAuth', new StaffAuthRepository(app.db));
    const secure = cookieSecure(app.config.NODE_ENV, app.config.PUBLIC_URL);

    app.decorate('setSessionCookie', (reply: FastifyReply, token: string) => {
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure,
        path: '/',
        maxAge: SESSION_ABSOLUTE_MS / 1000,
      });
    });
    app.decorate('clearSessionCookie', (reply: FastifyReply) => {
      reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
    });

    app.decorate('authenticateSession', async (request: FastifyRequest) => {
      const token = request.cookies[SESSION_COOKIE];
      if (!token)
        throw new InvalidApiKeyError('Sign in first, or send a secret key as Authorization: Bearer.');
      const now = app.now();
      const session = await app.staffAuth.findSession(hashSecretToken(token), now, SESSION_IDLE_MS);
      if (!session || !sessionLive(session, now))
        throw new InvalidApiKeyError('The session has ended: sign in again.');
      if (
        STATE_CHANGING.has(request.method) &&
        !csrfMatches(request.headers['x-csrf-token'], session.csrfTokenHash)
      ) {
        throw new CsrfFailedError();
      }
      request.auth = {
        apiKeyId: null,
        kind: null,
        mode: null,
        sessionId: session.sessionId,
        staff: session.staff,
        tenant: session.tenant,
      };
      request.scope = forTenant(app.db, session.tenant.id);
    });
  },
  { name: 'staff-session', dependencies: ['db'], fastify: '5.x' },
);

function csrfMatches(given: string | string[] | undefined, expectedHash: string): boolean {
  if (typeof given !== 'string' || given.length === 0 || given.length > 200) return false;
  return timingSafeEqual(Buffer.from(hashSecretToken(given), 'hex'), Buffer.from(expectedHash, 'hex'));
}

/**
 * onRequest of /v1/tenant-admin, after authentication: the route's declared role. Runs before
 * validation, so a refused caller learns nothing about the body it sent.
 */
export async function enforceStaffRole(request: FastifyRequest): Promise<void> {
  const staff = request.auth?.staff;
  if (!staff) return;
  const { access } = request.routeOptions.config;
  if (!mayCall(staff.role, access)) {
    throw new ForbiddenError(`A ${staff.role} account may not do this; it needs ${access ?? 'manager'}.`);
  }
}

/**
 * preHandler of /v1/tenant-admin (after validation, so params are parsed): a provider session
 * may touch only its own provider's data. A provider route that declares no ownership check is
 * refused: forgetting one fails closed.
 */
export async function enforceProviderOwnership(request: FastifyRequest): Promise<void> {
  const staff = request.auth?.staff;
  if (staff?.role !== 'provider') return;
  const providerId = staff.providerId!;
  const params = request.params as { id?: string };
  switch (request.routeOptions.config.owns) {
    case 'providerParam':
      if (params.id !== providerId) throw new NotFoundError('Provider', params.id);
      return;
    case 'appointmentParam':
      if ((await request.scope.staffAccess.appointmentProviderId(params.id!)) !== providerId) {
        throw new NotFoundError('Appointment', params.id);
      }
      return;
    case 'overrideParam':
      if ((await request.scope.staffAccess.overrideProviderId(params.id!)) !== providerId) {
        throw new NotFoundError('Availability override', params.id);
      }
      return;
    case 'overrideBody': {
      const body = request.body as { providerId?: string };
      if (body.providerId === undefined) {
        throw new ForbiddenError(
          'A provider account may only set overrides for its own provider: send providerId.',
        );
      }
      if (body.providerId !== providerId) throw new NotFoundError('Provider', body.providerId);
      return;
    }
    case 'appointmentList':
    case 'overrideList':
    case 'busyBlockList':
      (request.query as { providerId?: string }).providerId = providerId;
      return;
    default:
      throw new ForbiddenError('A provider account may not do this.');
  }
}
