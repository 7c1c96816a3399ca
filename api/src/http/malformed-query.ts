import type { FastifyRequest } from 'fastify';
import { ValidationError } from '../domain/errors.ts';

/**
 * The query parser leaves a %-escape that is not UTF-8 (a lone surrogate's "%ED%A0%80") as the
 * literal text, which would pass as a search for "%ED%A0%80". Refused instead, as the router
 * refuses such a path: 400 naming the parameter. A preValidation hook of every route (app.ts), so
 * it runs after authentication and before the route's own checks.
 */
export async function refuseMalformedQuery(request: FastifyRequest): Promise<void> {
  const search = request.raw.url?.split('?')[1];
  if (!search) return;
  for (const pair of search.split('&')) {
    const [name = '', value = ''] = pair.split('=');
    try {
      decodeURIComponent(value.replace(/\+/g, ' '));
    } catch {
      throw new ValidationError('The query is not valid UTF-8.', [
        { path: safeName(name), message: 'is not valid UTF-8 once decoded' },
      ]);
    }
  }
}

function safeName(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return 'query';
  }
}
