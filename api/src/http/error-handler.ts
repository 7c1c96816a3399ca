import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable, isExclusionViolation } from '../adapters/db/database-errors.ts';
import { statusOf, type ErrorCode } from '../domain/error-catalogue.ts';
import { DomainError, ServiceBusyError, type ErrorDetail } from '../domain/errors.ts';
import { BASELINE_HEADERS, baselineHeadersFor } from './plugins/security-headers.ts';
import { Prisma } from '../generated/prisma/client.ts';

/**
 * The one place where errors become HTTP. Every error answer has the shape
 * `{ error: { code, message, details? } }` with a code from the catalogue
 * (domain/error-catalogue.ts), which also gives its status; 5xx answers hide
 * their cause. Besides the error handler proper this covers what Fastify
 * answers outside it: unknown routes, bad URLs (`frameworkErrors`) and
 * requests Node cannot parse (`clientErrorHandler`).
 */

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: ErrorDetail[] };
}

/** Fastify's own client errors, by their FST_ code. */
const FASTIFY_CLIENT_ERRORS: Record<string, { code: ErrorCode; message?: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'unsupported_media_type',
    message: 'Send JSON with "Content-Type: application/json".',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'invalid_body' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload_too_large', message: 'The request body is too large.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'invalid_json',
    message: 'The body is empty but Content-Type is application/json.',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'invalid_json', message: 'The body is not valid JSON.' },
};

/** The status and body the error handler answers for a domain error. */
export function domainErrorResponse(error: DomainError): { status: number; body: ErrorBody } {
  return { status: statusOf(error.code), body: errorBody(error.code, error.message, error.details) };
}

export function errorBody(code: ErrorCode, message: string, details?: ErrorDetail[]): ErrorBody {
  return { error: details ? { code, message, details } : { code, message } };
}

/** Answers `code` with its catalogue status. */
export function sendError(
  reply: FastifyReply,
  code: ErrorCode,
  message: string,
  details?: ErrorDetail[],
): FastifyReply {
  return reply.status(statusOf(code)).send(errorBody(code, message, details));
}

export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'request';
    const details = error.validation.flatMap((issue) => detailsOf(issue));
    return sendError(reply, 'validation_failed', `Invalid ${where}.`, details);
  }

  if (error instanceof ServiceBusyError) {
    request.log.warn({ err: error }, 'outside service unavailable');
    reply.header('retry-after', String(error.retryAfterSeconds));
  }
  if (error instanceof DomainError) {
    return sendError(reply, error.code, error.message, error.details);
  }

  const prismaMapped = mapPrismaError(error);
  if (prismaMapped) {
    if (prismaMapped.code === 'service_busy') {
      request.log.warn({ err: error }, 'database busy');
      reply.header('retry-after', '1');
    }
    return sendError(reply, prismaMapped.code, prismaMapped.message);
  }

  if (isDatabaseUnavailable(error)) {
    // A restart or failover: nothing the client sent. What did not commit can be sent again.
    request.log.warn({ err: error }, 'database unavailable');
    reply.header('retry-after', '1');
    return sendError(
      reply,
      'database_unavailable',
      'The database is not reachable right now. Please retry in a moment.',
    );
  }

  const known = error.code ? FASTIFY_CLIENT_ERRORS[error.code] : undefined;
  if (known) return sendError(reply, known.code, known.message ?? error.message);

  // Other 4xx raised by Fastify or a plugin for something the client sent
  // (an aborted body, a bad Range on a /docs asset): 400, like every client
  // error without a code of its own.
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500 && !isResponseSerializationError(error)) {
    return sendError(reply, 'bad_request', error.message);
  }

  request.log.error({ err: error }, 'unhandled error');
  return sendError(reply, 'internal_error', 'Something went wrong on our side. Please retry.');
}

function detailsOf(issue: {
  instancePath: string;
  message?: string | undefined;
  keyword: string;
  params: Record<string, unknown>;
}): ErrorDetail[] {
  const base = issue.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
  if (issue.keyword === 'unrecognized_keys' && Array.isArray(issue.params.keys)) {
    return issue.params.keys.map((key) => ({
      path: base ? `${base}.${String(key)}` : String(key),
      message: 'is not a known field',
    }));
  }
  return [{ path: base, message: issue.message ?? 'is invalid' }];
}

function mapPrismaError(error: unknown): { code: ErrorCode; message: string } | undefined {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return undefined;
  if (isExclusionViolation(error)) {
    return { code: 'slot_unavailable', message: 'That time was just taken. Please pick another.' };
  }
  switch (error.code) {
    case 'P2002':
      return { code: 'conflict', message: 'That would duplicate an existing record.' };
    case 'P2025':
      return { code: 'not_found', message: 'Not found.' };
    case 'P2028':
      // No connection or transaction slot in time: overload, not a bug. Clients may retry.
      return { code: 'service_busy', message: 'We are very busy right now. Please retry in a moment.' };
    default:
      return undefined;
  }
}

/** Answers unknown routes in the same shape. */
export function handleNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendError(reply, 'route_not_found', `No route ${request.method} ${request.url.split('?')[0]}.`);
}

/**
 * Fastify's `frameworkErrors`: URLs the router refuses before any route or
 * hook runs (a path segment over `maxParamLength`, a broken %-escape). No hook
 * runs for these answers, so the headers every answer carries are set here.
 */
export function handleFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  // Router errors skip the hooks: the security headers are set here.
  reply.header('x-request-id', request.id).headers(baselineHeadersFor(request));
  switch (error.code) {
    case 'FST_ERR_MAX_PARAM_LENGTH':
      sendError(reply, 'uri_too_long', 'A path segment is too long (at most 100 characters).');
      return;
    case 'FST_ERR_BAD_URL':
      sendError(reply, 'invalid_url', 'The path is not a valid URL.');
      return;
    default:
      request.log.error({ err: error }, 'router error');
      sendError(reply, 'internal_error', 'Something went wrong on our side. Please retry.');
  }
}

/**
 * Fastify's `clientErrorHandler`: requests Node's HTTP parser rejects (headers
 * too large, a timeout, garbage) never become a request, so the answer is
 * written to the socket by hand, as Fastify's default handler does
 * (fastify.js `defaultClientErrorHandler`), in our shape.
 */
export function handleClientError(this: FastifyInstance, error: NodeJS.ErrnoException, socket: Socket): void {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [code, message]: [ErrorCode, string] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? ['headers_too_large', 'The request headers are too large.']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? ['request_timeout', 'The request did not arrive in time.']
        : ['bad_request', 'The request is not valid HTTP.'];
  this.log.trace({ err: error }, 'client error');
  if (socket.writable) {
    const status = statusOf(code);
    const body = JSON.stringify(errorBody(code, message));
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        Object.entries(BASELINE_HEADERS)
          .map(([name, value]) => `${name}: ${value}\r\n`)
          .join('') +
        'Connection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy(error);
}
