/**
 * Sign-in lockout with backoff, per address (whether or not an account has it). The 5th failure
 * in a row locks the address for 1 minute; each failure after a lock ends doubles it (2, 4, 8…
 * minutes), capped at an hour. A success resets the count. Attempts during a lock are refused
 * without checking the password and without counting.
 */

export const FAILURES_BEFORE_LOCK = 5;
const FIRST_LOCK_SECONDS = 60;
const MAX_LOCK_SECONDS = 3600;

/** How long the address is locked after its `failures`-th failure in a row (0: not locked). */
export function lockSeconds(failures: number): number {
  if (failures < FAILURES_BEFORE_LOCK) return 0;
  const doublings = Math.min(failures - FAILURES_BEFORE_LOCK, 10);
  return Math.min(FIRST_LOCK_SECONDS * 2 ** doublings, MAX_LOCK_SECONDS);
}

/** The count and lock after one more failure. */
export function afterFailure(failures: number, now: Date): { failures: number; lockedUntil: Date | null } {
  const next = failures + 1;
  const seconds = lockSeconds(next);
  return { failures: next, lockedUntil: seconds > 0 ? new Date(now.getTime() + seconds * 1000) : null };
}

/** Seconds left on a lock, rounded up (the Retry-After value); 0 when not locked. */
export function retryAfterSeconds(lockedUntil: Date | null, now: Date): number {
  if (!lockedUntil) return 0;
  return Math.max(0, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));
}
