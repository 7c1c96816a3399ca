import type { FastifyRequest } from 'fastify';

/**
 * Secrets never reach the logs. Fastify logs every request's URL, where a
 * manage token travels as `?token=`; keys travel in headers, which the
 * request serializer leaves out, and which are redacted anyway in case a log
 * call passes them (`request.log.info({ headers: request.headers })`).
 */

const CENSOR = '[redacted]';

/** Query parameters whose values are secrets: `token`, `api_key`, `secret`… */
const SECRET_PARAMETER = /token|key|secret|password|signature/i;

const SECRET_HEADERS = ['authorization', 'cookie', 'set-cookie', 'x-tenant-key', 'x-manage-token'];

/** Paths that carry a secret: the token of a staff invitation or password-reset link. */
const SECRET_PATH = /^(\/v1\/auth\/(?:password-resets|invitations))\/[^/?#]+/;

/**
 * `url` with the value of every secret-looking query parameter, and a link token in the path,
 * replaced by `[redacted]`.
 */
export function redactUrl(rawUrl: string): string {
  const url = rawUrl.replace(SECRET_PATH, `$1/${CENSOR}`);
  const start = url.indexOf('?');
  if (start === -1) return url;
  const query = url
    .slice(start + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      if (equals === -1) return pair;
      const name = pair.slice(0, equals);
      return SECRET_PARAMETER.test(decodedName(name)) ? `${name}=${CENSOR}` : pair;
    });
  return `${url.slice(0, start)}?${query.join('&')}`;
}

function decodedName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

/**
 * Fastify's request serializer (method, url, host, address, port) with the URL
 * redacted. Anything else logged as `req` keeps its fields, its `url` redacted
 * (and its headers by the paths below).
 */
function serializeRequest(value: FastifyRequest | Record<string, unknown>) {
  if (!isFastifyRequest(value)) {
    return typeof value?.url === 'string' ? { ...value, url: redactUrl(value.url) } : value;
  }
  return {
    method: value.method,
    url: redactUrl(value.url),
    host: value.host,
    remoteAddress: value.ip,
    remotePort: value.socket?.remotePort,
  };
}

function isFastifyRequest(value: unknown): value is FastifyRequest {
  return typeof value === 'object' && value !== null && 'raw' in value && 'url' in value;
}

/** The logger options buildApp starts from; callers may add a level, a stream… */
export const secretSafeLogging = {
  redact: {
    // Headers objects one or two levels down: { headers }, { req: { headers } }, { res: { headers } }.
    paths: SECRET_HEADERS.flatMap((name) => [`headers["${name}"]`, `*.headers["${name}"]`]),
    censor: CENSOR,
  },
  serializers: { req: serializeRequest },
};
