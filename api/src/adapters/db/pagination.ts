import { ValidationError } from '../../domain/errors.ts';

/**
 * Keyset pagination over (<instant column>, id): createdAt for most lists,
 * startTimeUtc for appointments, occurredAt for the ledger. The cursor is
 * opaque to clients: base64url of "<ISO instant>|<uuid>".
 */

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export type SortField = 'createdAt' | 'startTimeUtc' | 'occurredAt' | 'issuedAt';

interface Position {
  instant: Date;
  id: string;
}

function encodeCursor(position: Position): string {
  return Buffer.from(`${position.instant.toISOString()}|${position.id}`).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function decodeCursor(cursor: string): Position {
  const [text, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const instant = new Date(text ?? '');
  const year = instant.getUTCFullYear();
  // Any instant this API stores lies in 1970–9999; anything else was not made here (and would
  // reach PostgreSQL as a date it refuses).
  if (!id || !UUID.test(id) || Number.isNaN(year) || year < 1970 || year > 9999) {
    throw new ValidationError('The cursor is not one this API returned.', [
      { path: 'cursor', message: 'is not valid' },
    ]);
  }
  return { instant, id };
}

/**
 * Prisma arguments for one page: rows after the cursor, one extra to learn whether more follow.
 * `order: 'desc'` walks newest first (the cursor then names the last, oldest row shown).
 */
export function pageQuery(
  cursor: string | undefined,
  limit: number,
  field: SortField = 'createdAt',
  order: 'asc' | 'desc' = 'asc',
) {
  const after = cursor === undefined ? undefined : decodeCursor(cursor);
  const beyond = order === 'asc' ? 'gt' : 'lt';
  return {
    where: after
      ? {
          OR: [
            { [field]: { [beyond]: after.instant } },
            { [field]: after.instant, id: { [beyond]: after.id } },
          ],
        }
      : {},
    orderBy: [{ [field]: order }, { id: order }],
    take: limit + 1,
  };
}

export function toPage<Row extends { id: string } & Partial<Record<SortField, Date>>, T>(
  rows: Row[],
  limit: number,
  map: (row: Row) => T,
  field: SortField = 'createdAt',
): Page<T> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const last = kept.at(-1);
  return {
    data: kept.map(map),
    nextCursor: more && last ? encodeCursor({ instant: last[field]!, id: last.id }) : null,
  };
}
