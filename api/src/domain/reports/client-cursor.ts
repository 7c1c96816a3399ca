import { ValidationError } from '../errors.ts';

/**
 * Where a page of the clients report ends: the last row's sort key, the lower-cased name and the
 * client's email (unique in a tenant's report, so the key is total). Opaque to clients:
 * base64url of the JSON pair.
 */
export interface ClientPosition {
  nameKey: string;
  email: string;
}

export function encodeClientCursor(position: ClientPosition): string {
  return Buffer.from(JSON.stringify([position.nameKey, position.email])).toString('base64url');
}

/** Names and emails are at most a few hundred characters; anything longer was not made here. */
const MAX_PART = 1_000;

/** Throws ValidationError (path "cursor") for anything encodeClientCursor did not make. */
export function decodeClientCursor(cursor: string): ClientPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 2 ||
    !parsed.every(
      (part) => typeof part === 'string' && part.length <= MAX_PART && !part.includes('\u0000'),
    ) ||
    (parsed[1] as string).length === 0
  ) {
    throw new ValidationError('The cursor is not one this API returned.', [
      { path: 'cursor', message: 'is not valid' },
    ]);
  }
  return { nameKey: parsed[0] as string, email: parsed[1] as string };
}
