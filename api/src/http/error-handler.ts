import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { DomainError, type ErrorDetail } from '../domain/errors.ts';
import { isExclusionViolation } from '../adapters/db/booking-locks.ts';
import { Prisma } from '../generated/prisma/client.ts';

/**
 * The one place where errors become HTTP. Every error answer has the shape
 * `{ error: { code, message, details? } }`; 5xx answers hide their cause.
 */

export interface ErrorBody {
  error: { code: string; message: string; details?: ErrorDetail[] };
}

const DOMAIN_STATUS: Record<string, number> = {
  validation_failed: 400,
  invalid_api_key: 401,
  wrong_key_kind: 403,
  origin_not_allowed: 403,
  not_found: 404,
  conflict: 409,
  slug_taken: 409,
  rate_limited: 429,
  slot_unavailable: 409,
  invalid_state: 409,
  idempotency_key_reused: 422,
  idempotency_in_progress: 409,
};

/** Fastify's own client errors, by their FST_ code. */
const FASTIFY_CLIENT_ERRORS: Record<string, { status: number; code: string; message?: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported_media_type',
    message: 'Send JSON with "Content-Type: application/json".',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'invalid_body' },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'payload_too_large',
    message: 'The request body is too large.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'invalid_json',
    message: 'The body is empty but Content-Type is application/json.',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'invalid_json',
    message: 'The body is not valid JSON.',
  },
};

/** The status and body the error handler answers for a domain error. */
export function domainErrorResponse(error: DomainError): { status: number; body: ErrorBody } {
  return {
    status: DOMAIN_STATUS[error.code] ?? 400,
    body: errorBody(error.code, error.message, error.details),
  };
}

export function errorBody(code: string, message: string, details?: ErrorDetail[]): ErrorBody {
  return { error: details ? { code, message, details } : { code, message } };
}

export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'request';
    const details = error.validation.flatMap((issue) => detailsOf(issue));
    return reply.status(400).send(errorBody('validation_failed', `Invalid ${where}.`, details));
  }

  if (error instanceof DomainError) {
    const { status, body } = domainErrorResponse(error);
    return reply.status(status).send(body);
  }

  const prismaMapped = mapPrismaError(error);
  if (prismaMapped) {
    if (prismaMapped.status === 503) {
      request.log.warn({ err: error }, 'database busy');
      reply.header('retry-after', '1');
    }
    return reply.status(prismaMapped.status).send(errorBody(prismaMapped.code, prismaMapped.message));
  }

  const known = error.code ? FASTIFY_CLIENT_ERRORS[error.code] : undefined;
  if (known) {
    return reply.status(known.status).send(errorBody(known.code, known.message ?? error.message));
  }

  // Other 4xx raised by Fastify or a plugin for something the client sent.
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500 && !isResponseSerializationError(error)) {
    return reply.status(status).send(errorBody('bad_request', error.message));
  }

  request.log.error({ err: error }, 'unhandled error');
  return reply
    .status(500)
    .send(errorBody('internal_error', 'Something went wrong on our side. Please retry.'));
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

function mapPrismaError(error: unknown): { status: number; code: string; message: string } | undefined {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return undefined;
  if (isExclusionViolation(error)) {
    return {
      status: 409,
      code: 'slot_unavailable',
      message: 'That time was just taken. Please pick another.',
    };
  }
  switch (error.code) {
    case 'P2002':
      return { status: 409, code: 'conflict', message: 'That would duplicate an existing record.' };
    case 'P2025':
      return { status: 404, code: 'not_found', message: 'Not found.' };
    case 'P2028':
      // No connection or transaction slot in time: overload, not a bug. Clients may retry.
      return {
        status: 503,
        code: 'service_busy',
        message: 'We are very busy right now. Please retry in a moment.',
      };
    default:
      return undefined;
  }
}

/** Answers unknown routes in the same shape. */
export function handleNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply
    .status(404)
    .send(errorBody('route_not_found', `No route ${request.method} ${request.url.split('?')[0]}.`));
}
