import { z } from 'zod';

/**
 * Text a client may send that PostgreSQL can store. JSON can carry two things
 * PostgreSQL refuses: NUL ("\u0000": 22021 in text columns, 22P05 in jsonb) and
 * unpaired UTF-16 surrogates ("\ud800" is valid JSON but no Unicode character).
 * Refusing them here answers 400 `validation_failed` instead of a 500.
 */

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const UNSTORABLE_TEXT_MESSAGE = 'must not contain NUL characters or unpaired surrogates';

export function isStorableText(value: string): boolean {
  return !value.includes('\u0000') && !LONE_SURROGATE.test(value);
}

/**
 * The check as a refinement for other string schemas (z.email(), z.url()).
 * It aborts, so a value with NUL gets this one message rather than every
 * length and format message after it.
 */
export const storable = [isStorableText, { message: UNSTORABLE_TEXT_MESSAGE, abort: true }] as const;

/** Any string PostgreSQL can store; chain .trim(), .min(), .max(), .regex() as with z.string(). */
export const SafeText = z.string().refine(...storable);

/** Free text such as a name or a note: storable, at most `max` characters (after trimming, if `trim`). */
export function text(options: { max: number; min?: number; trim?: boolean }) {
  let schema = options.trim ? SafeText.trim() : SafeText;
  if (options.min !== undefined) schema = schema.min(options.min);
  return schema.max(options.max);
}
