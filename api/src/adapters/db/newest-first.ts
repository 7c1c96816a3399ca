import { pageQuery } from './pagination.ts';

/**
 * pagination.ts's keyset page on (createdAt, id), newest first: the same opaque cursor, decoded
 * and checked by pageQuery (a crafted one answers 400 naming `cursor`), with the comparisons and
 * the order reversed. toPage makes the next cursor as for any list.
 */
export function newestFirstQuery(cursor: string | undefined, limit: number) {
  const { where, take } = pageQuery(cursor, limit);
  // pageQuery's second branch is the position itself: { createdAt: <instant>, id: { gt: <id> } }.
  const after = 'OR' in where ? (where.OR as Array<{ createdAt: Date; id: { gt: string } }>)[1] : undefined;
  return {
    where: after
      ? {
          OR: [
            { createdAt: { lt: after.createdAt } },
            { createdAt: after.createdAt, id: { lt: after.id.gt } },
          ],
        }
      : {},
    orderBy: [{ createdAt: 'desc' as const }, { id: 'desc' as const }],
    take,
  };
}
