/**
 * A crash on purpose, for the test that kills the server between a booking's
 * commit and its answer (api/test/crash/booking-crash.test.ts). Off unless
 * the process is started with MAIS_FAULT_INJECTION=crash-after-booking-commit;
 * read once at start, so no request can turn it on.
 */
const CRASH_AFTER_BOOKING_COMMIT = process.env.MAIS_FAULT_INJECTION === 'crash-after-booking-commit';

export function crashAfterBookingCommitIfAsked(): void {
  if (CRASH_AFTER_BOOKING_COMMIT) process.kill(process.pid, 'SIGKILL');
}

/**
 * For api/test/crash/email-crash.test.ts: the worker dies right after Postmark accepted an email
 * and before the outbox records it (MAIS_FAULT_INJECTION=crash-after-email-sent).
 */
const CRASH_AFTER_EMAIL_SENT = process.env.MAIS_FAULT_INJECTION === 'crash-after-email-sent';

export function crashAfterEmailHandedOverIfAsked(): void {
  if (CRASH_AFTER_EMAIL_SENT) process.kill(process.pid, 'SIGKILL');
}

/**
 * For api/test/crash/refund-crash.test.ts: the API dies right after Stripe made a refund and before
 * it is recorded (MAIS_FAULT_INJECTION=crash-after-refund-sent).
 */
const CRASH_AFTER_REFUND_SENT = process.env.MAIS_FAULT_INJECTION === 'crash-after-refund-sent';

export function crashAfterRefundSentIfAsked(): void {
  if (CRASH_AFTER_REFUND_SENT) process.kill(process.pid, 'SIGKILL');
}
