import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { findActiveKeyByHash, type AuthenticatedKey } from '../../adapters/db/repositories/api-key-lookup.ts';
import { forTenant, type TenantScope } from '../../adapters/db/tenant-scope.ts';
import { InvalidApiKeyError, OriginNotAllowedError, WrongKeyKindError } from '../../domain/errors.ts';
import { hashApiKey, parseApiKey, type ApiKeyKind } from '../../domain/tenancy/api-key.ts';
import type { StaffIdentity } from '../../adapters/db/repositories/staff-auth.repository.ts';
import { SESSION_COOKIE } from '../../domain/staff/session-policy.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated key or staff session and its tenant; null outside tenant routes. */
    auth: RequestAuth | null;
    /** Repositories bound to the request's tenant. Only set on tenant routes. */
    scope: TenantScope;
  }
  interface FastifyInstance {
    /**
     * For /v1/public: a publishable key in `x-tenant-key`, and an allowed Origin.
     * Called by the public-rate-limit plugin's onRequest hook, which counts its
     * failures per address and refuses an address over budget before this
     * (and its key lookup) runs.
     */
    authenticatePublic: (request: FastifyRequest) => Promise<void>;
    /** onRequest hook for /v1/tenant-admin: `Authorization: Bearer sk_…`. */
    authenticateAdmin: (request: FastifyRequest) => Promise<void>;
  }
}

/**
 * Who is calling: a key (apiKeyId set, staff null: a secret key acts as an owner) or a staff
 * session (staff set, no key).
 */
export type RequestAuth = Omit<AuthenticatedKey, 'apiKeyId' | 'kind' | 'mode'> & {
  apiKeyId: string | null;
  kind: ApiKeyKind | null;
  mode: AuthenticatedKey['mode'] | null;
  sessionId?: string;
  staff: StaffIdentity | null;
};

export const tenantAuthPlugin = fp(
  async (app) => {
    app.decorateRequest('auth', null);
    app.decorateRequest('scope', null as unknown as TenantScope);

    async function authenticate(request: FastifyRequest, raw: string | undefined, expected: ApiKeyKind) {
      const where = expected === 'PUBLISHABLE' ? 'the x-tenant-key header' : 'Authorization: Bearer';
      if (!raw) throw new InvalidApiKeyError(`Missing API key: send it in ${where}.`);
      const parsed = parseApiKey(raw);
      if (!parsed) throw new InvalidApiKeyError('The API key is malformed.');
      if (parsed.kind !== expected) {
        throw new WrongKeyKindError(
          expected === 'PUBLISHABLE'
            ? 'Public routes take a publishable key (pk_…) in x-tenant-key. Never put a secret key in a browser.'
            : 'Admin routes take a secret key (sk_…) as Authorization: Bearer.',
        );
      }
      const auth = await findActiveKeyByHash(app.db, hashApiKey(raw), new Date());
      if (!auth) throw new InvalidApiKeyError('The API key is unknown or has been revoked.');
      request.auth = { ...auth, staff: null };
      request.scope = forTenant(app.db, auth.tenant.id);
    }

    const apiOrigin = app.config.PUBLIC_URL ? new URL(app.config.PUBLIC_URL).origin.toLowerCase() : null;

    app.decorate('authenticatePublic', async (request: FastifyRequest) => {
      await authenticate(request, headerValue(request.headers['x-tenant-key']), 'PUBLISHABLE');
      const origin = headerValue(request.headers.origin);
      const allowed = request.auth!.tenant.allowedOrigins;
      // The hosted booking page (/book/…) is on the API's own origin; only its key is let through from there.
      const fromBookingPage = request.auth!.bookingPage && origin?.toLowerCase() === apiOrigin;
      if (origin && allowed.length > 0 && !allowed.includes(origin.toLowerCase()) && !fromBookingPage) {
        throw new OriginNotAllowedError(
          `Origin ${origin} is not allowed for this tenant. Add it to allowedOrigins in the tenant settings.`,
        );
      }
    });

    app.decorate('authenticateAdmin', async (request: FastifyRequest) => {
      const header = headerValue(request.headers.authorization);
      // No key but a session cookie: the console (http/plugins/staff-session.ts).
      if (!header && request.cookies?.[SESSION_COOKIE]) return app.authenticateSession(request);
      const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
      if (header && !bearer)
        throw new InvalidApiKeyError('Send the secret key as "Authorization: Bearer sk_…".');
      await authenticate(request, bearer, 'SECRET');
    });
  },
  { name: 'tenant-auth', dependencies: ['db', 'staff-session'], fastify: '5.x' },
);

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
