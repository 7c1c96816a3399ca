import { createHash } from 'node:crypto';

/**
 * A weak ETag of a generated answer's text. Weak because @fastify/compress may send the same
 * answer br- or gzip-encoded, and a strong ETag would then promise identical bytes (RFC 9110 §8.8.1).
 */
export function weakEtagOf(body: string): string {
  return `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/**
 * If-None-Match against our ETag, by the weak comparison RFC 9110 §13.1.2 prescribes for GET:
 * a list of tags, each W/-prefixed or not, or "*".
 */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => opaque(tag) === opaque(etag));
}
