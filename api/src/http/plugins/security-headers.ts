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
 * Headers every answer carries, whoever wrote it (a route, the error handler, the not-found
 * handler; `handleClientError` writes the same to the socket for requests that are not HTTP):
 * - `X-Content-Type-Options: nosniff`: a browser must never guess a JSON answer or an asset to be
 *   HTML or script.
 * - `Referrer-Policy: strict-origin-when-cross-origin`, unless the route chose a stricter one (the
 *   hosted booking page and the console say `no-referrer`).
 * - `Cross-Origin-Resource-Policy`: `cross-origin` for what other sites load (the widget's script
 *   and files, /v1/public, which the widget calls from the tenant's pages), `same-origin` for the
 *   rest (admin, platform, auth, exports, pages).
 */
export const BASELINE_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'cross-origin-resource-policy': 'same-origin',
} as const;

/** Paths used from other origins: the widget's script (/widget.js, /widget.<hash>.js), its files, /v1/public. */
const CROSS_ORIGIN_PREFIXES = ['/widget.', '/locales/', '/chunks/', '/v1/public/'];

/**
 * HTML answers may not be framed by anyone (the widget renders into the tenant's page through
 * Shadow DOM, never a frame; the hosted booking page is a page of its own): `X-Frame-Options: DENY`,
 * and `frame-ancestors 'none'` as the CSP when the route set none (/docs, the console, the booking
 * and OAuth pages set a full CSP with it).
 */
const NO_FRAMING_CSP = "frame-ancestors 'none'";

/** One year; no includeSubDomains or preload: the API's host decides nothing for its neighbours. */
export const HSTS = 'max-age=31536000';

/**
 * The headers above, `Cache-Control` as above, and `Strict-Transport-Security` when the request
 * came over https (`request.protocol`, which honours X-Forwarded-Proto from TRUST_PROXY's proxies)
 * or NODE_ENV is production (browsers ignore it over plain http). Fastify sends no `X-Powered-By`
 * or `Server`; any a route might set is removed. /docs adds its CSP in plugins/openapi.ts.
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
      const chosen = reply.getHeader('referrer-policy');
      reply.headers(baselineHeadersFor(request));
      if (chosen !== undefined) reply.header('referrer-policy', chosen);
      if (String(reply.getHeader('content-type') ?? '').startsWith('text/html')) {
        reply.header('x-frame-options', 'DENY');
        if (!reply.hasHeader('content-security-policy'))
          reply.header('content-security-policy', NO_FRAMING_CSP);
      }
      reply.removeHeader('x-powered-by');
      reply.removeHeader('server');
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

/**
 * The headers every answer to `request` carries. Also sent by the router's error handler
 * (`handleFrameworkError`: a malformed or too long path), which answers without the hooks.
 */
export function baselineHeadersFor(request: FastifyRequest): Record<string, string> {
  const headers: Record<string, string> = {
    ...BASELINE_HEADERS,
    'cross-origin-resource-policy': CROSS_ORIGIN_PREFIXES.some((prefix) => request.url.startsWith(prefix))
      ? 'cross-origin'
      : BASELINE_HEADERS['cross-origin-resource-policy'],
  };
  if (request.server.config.NODE_ENV === 'production' || request.protocol === 'https') {
    headers['strict-transport-security'] = HSTS;
  }
  return headers;
}

/** A manage token in the `x-manage-token` header, `?token=` or a body's `token`. */
function carriesManageToken(request: FastifyRequest): boolean {
  if (request.headers['x-manage-token'] !== undefined) return true;
  return hasToken(request.query) || hasToken(request.body);
}

function hasToken(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'token' in value;
}
