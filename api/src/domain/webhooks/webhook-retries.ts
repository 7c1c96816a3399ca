/**
 * How long a delivery is retried: pg-boss retries a failed attempt after
 * `delay × 2^n × (1 + random)` seconds (n = retries so far), each wait at most a day. With 60 s and
 * 12 retries the 13 attempts spread over 2.4 to 3.8 days (about 3), Stripe's span. Tests shorten
 * the delay with WEBHOOK_RETRY_DELAY_SECONDS and the count with WEBHOOK_ATTEMPTS.
 */
export const DEFAULT_WEBHOOK_ATTEMPTS = 13;
export const DEFAULT_WEBHOOK_RETRY_DELAY_SECONDS = 60;
export const WEBHOOK_RETRY_DELAY_MAX_SECONDS = 86_400;

/** The span of the retries in seconds, shortest and longest (pg-boss's jitter), for the README. */
export function retrySpanSeconds(attempts: number, delaySeconds: number): { min: number; max: number } {
  let min = 0;
  let max = 0;
  for (let retry = 0; retry < attempts - 1; retry += 1) {
    min += Math.min(WEBHOOK_RETRY_DELAY_MAX_SECONDS, delaySeconds * 2 ** retry);
    max += Math.min(WEBHOOK_RETRY_DELAY_MAX_SECONDS, delaySeconds * 2 ** retry * 2);
  }
  return { min, max };
}

/**
 * An endpoint is turned off when a delivery has spent its last attempt and nothing reached the
 * endpoint since that delivery was queued: it has failed for the whole retry span (days), not
 * once. One success resets it (lastSuccessAt).
 */
export function shouldDisableEndpoint(input: {
  deliveryCreatedAt: Date;
  lastSuccessAt: Date | null;
}): boolean {
  return input.lastSuccessAt === null || input.lastSuccessAt < input.deliveryCreatedAt;
}
