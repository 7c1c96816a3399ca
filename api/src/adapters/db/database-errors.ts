/** How the database refused a statement, by SQLSTATE, for the errors callers handle. */

/** The SQLSTATE behind a Prisma error raised by the database, if any. */
export function sqlState(error: unknown): string | undefined {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } })?.meta;
  return meta?.driverAdapterError?.cause?.originalCode;
}

/** An insert or move refused by an exclusion constraint (23P01) or a serialization failure (40001). */
export function isExclusionViolation(error: unknown): boolean {
  const code = sqlState(error);
  return code === '23P01' || code === '40001';
}

/** A unique index refused the row (23505): for bookings, another request with the same Idempotency-Key won. */
export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === '23505' || (error as { code?: string })?.code === 'P2002';
}
