/** How the database refused a statement, by SQLSTATE, for the errors callers handle. */

/**
 * The SQLSTATE behind a Prisma error raised by the database, if any: wrapped in a Prisma error
 * (meta.driverAdapterError), or the driver adapter's own error, which reaches us unwrapped when a
 * transaction's BEGIN, COMMIT or ROLLBACK fails.
 */
export function sqlState(error: unknown): string | undefined {
  const known = error as {
    meta?: { driverAdapterError?: { cause?: { originalCode?: string } } };
    cause?: { originalCode?: unknown };
  };
  const wrapped = known?.meta?.driverAdapterError?.cause?.originalCode;
  if (wrapped) return wrapped;
  return typeof known?.cause?.originalCode === 'string' ? known.cause.originalCode : undefined;
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

/** A row refers to one that is gone (23503): deleted by a request that committed first. */
export function isForeignKeyViolation(error: unknown): boolean {
  return sqlState(error) === '23503' || (error as { code?: string })?.code === 'P2003';
}

/** Prisma's codes for a server it cannot reach, a connection that timed out, or one closed under it. */
const UNREACHABLE_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017']);
/** The driver adapter's kinds for the same. */
const UNREACHABLE_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
]);
/** Node's and pg's words for a connection that could not be made or was cut. */
const CONNECTION_FAILURE =
  /ECONNREFUSED|ECONNRESET|EPIPE|Connection terminated|connection ended|Client has encountered a connection error|terminating connection due to administrator command|the database system is (shutting down|starting up|in recovery mode)/i;

/**
 * The database was not there for this statement: unreachable, restarting (SQLSTATE 57P01–57P03:
 * shut down by an administrator or a crash, or not accepting connections yet), or the connection
 * was cut (class 08). Nothing the client sent caused it, and a retry may well succeed.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const state = sqlState(error);
  if (state && (state.startsWith('08') || /^57P0[123]$/.test(state))) return true;
  const known = error as {
    code?: unknown;
    message?: unknown;
    meta?: { driverAdapterError?: { cause?: { kind?: string } } };
  };
  if (typeof known?.code === 'string' && UNREACHABLE_PRISMA_CODES.has(known.code)) return true;
  const kind = known?.meta?.driverAdapterError?.cause?.kind;
  if (kind && UNREACHABLE_KINDS.has(kind)) return true;
  return typeof known?.message === 'string' && CONNECTION_FAILURE.test(known.message);
}
