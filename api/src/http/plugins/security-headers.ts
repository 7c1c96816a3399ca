import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Every answer of this route is `Cache-Control: no-store`: it carries a
     * secret (a manage token, an API key) or private data. Set on a route as
     * `config: { noStore: true }`; the prefixes below get it automatically.
     */
    noStore?: boolean;
  }
}

/**
 * Caching, by what an answer holds:
 * - /v1/tenant-admin: a tenant's private data (clients' names and emails,
 *   keys) and, on key creation, a secret; /v1/platform answers a new tenant's
 *   keys; /v1/public/appointments answers booking details and manage tokens.
 *   All `no-store`: no cache, shared or the browser's, may keep them.
 * - The rest of /v1/public (tenant, catalog, availability): not secret, but
 *   chosen by the `x-tenant-key` header, not the URL, so a shared cache must
 *   not reuse them for another tenant (`private`), and availability changes
 *   with every booking (`no-cache`: revalidate each time; we send no
 *   validators, so that means refetch).
 * - Routes that set their own Cache-Control keep it (/widget.js, /examples,
 *   the /docs assets).
 * Any request carrying a manage token gets `no-store` whatever its route.
 */
const NO_STORE_PREFIXES = ['/v1/tenant-admin', '/v1/platform', '/v1/public/appointments'];
const PRIVATE_PREFIX = '/v1/public/';

/**
 * Headers every answer carries: `X-Content-Type-Options: nosniff` (a browser
 * must never guess a JSON answer or an asset to be HTML or script), and
 * `Cache-Control` as above. /docs adds its CSP in plugins/openapi.ts.
 * Register before the routes: the onRoute hook marks the no-store prefixes.
 */
export const securityHeadersPlugin = fp(
  async (app) => {
    app.addHook('onRoute', (route) => {
      if (NO_STORE_PREFIXES.some((prefix) => route.url === prefix || route.url.startsWith(`${prefix}/`))) {
        route.config = { ...route.config, noStore: true };
      }
    });

    app.addHook('onSend', async (request, reply, payload) => {
      reply.header('x-content-type-options', 'nosniff');
      if (request.routeOptions.config?.noStore || carriesManageToken(request)) {
        reply.header('cache-control', 'no-store');
      } else if (!reply.hasHeader('cache-control') && request.url.startsWith(PRIVATE_PREFIX)) {
        reply.header('cache-control', 'private, no-cache');
      }
      return payload;
    });
  },
  { name: 'security-headers', fastify: '5.x' },
);

/** A manage token in the `x-manage-token` header, `?token=` or a body's `token`. */
function carriesManageToken(request: FastifyRequest): boolean {
  if (request.headers['x-manage-token'] !== undefined) return true;
  return hasToken(request.query) || hasToken(request.body);
}

function hasToken(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'token' in value;
}
