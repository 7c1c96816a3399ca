import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { findActiveKeyByHash, type AuthenticatedKey } from '../../adapters/db/repositories/api-key-lookup.ts';
import { forTenant, type TenantScope } from '../../adapters/db/tenant-scope.ts';
import { InvalidApiKeyError, OriginNotAllowedError, WrongKeyKindError } from '../../domain/errors.ts';
import { hashApiKey, parseApiKey, type ApiKeyKind } from '../../domain/tenancy/api-key.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated key and its tenant; null outside tenant routes. */
    auth: AuthenticatedKey | null;
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
      request.auth = auth;
      request.scope = forTenant(app.db, auth.tenant.id);
    }

    app.decorate('authenticatePublic', async (request: FastifyRequest) => {
      await authenticate(request, headerValue(request.headers['x-tenant-key']), 'PUBLISHABLE');
      const origin = headerValue(request.headers.origin);
      const allowed = request.auth!.tenant.allowedOrigins;
      if (origin && allowed.length > 0 && !allowed.includes(origin.toLowerCase())) {
        throw new OriginNotAllowedError(
          `Origin ${origin} is not allowed for this tenant. Add it to allowedOrigins in the tenant settings.`,
        );
      }
    });

    app.decorate('authenticateAdmin', async (request: FastifyRequest) => {
      const header = headerValue(request.headers.authorization);
      const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
      if (header && !bearer)
        throw new InvalidApiKeyError('Send the secret key as "Authorization: Bearer sk_…".');
      await authenticate(request, bearer, 'SECRET');
    });
  },
  { name: 'tenant-auth', dependencies: ['db'], fastify: '5.x' },
);

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
