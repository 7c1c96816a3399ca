import { ValidationError } from '../../domain/errors.ts';

/**
 * Keyset pagination over (createdAt, id), the order every admin list uses.
 * The cursor is opaque to clients: base64url of "<ISO instant>|<uuid>".
 */

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

interface Position {
  createdAt: Date;
  id: string;
}

export function encodeCursor(row: Position): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString('base64url');
}

export function decodeCursor(cursor: string): Position {
  const [instant, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(instant ?? '');
  if (!id || !/^[0-9a-f-]{36}$/.test(id) || Number.isNaN(createdAt.getTime())) {
    throw new ValidationError('The cursor is not one this API returned.', [
      { path: 'cursor', message: 'is not valid' },
    ]);
  }
  return { createdAt, id };
}

/** Prisma arguments for one page: rows after the cursor, one extra to learn whether more follow. */
export function pageQuery(cursor: string | undefined, limit: number) {
  const after = cursor === undefined ? undefined : decodeCursor(cursor);
  return {
    where: after
      ? {
          OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }],
        }
      : {},
    orderBy: [{ createdAt: 'asc' as const }, { id: 'asc' as const }],
    take: limit + 1,
  };
}

export function toPage<Row extends Position, T>(rows: Row[], limit: number, map: (row: Row) => T): Page<T> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const last = kept.at(-1);
  return { data: kept.map(map), nextCursor: more && last ? encodeCursor(last) : null };
}
