import { createHmac, randomBytes } from 'node:crypto';

/**
 * Stripe's signing scheme, so receivers can reuse what they know: `MAIS-Signature: t=<unix
 * seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" under the endpoint's secret>`. While a rotated-out
 * secret is still honoured, a second v1 signs with it, and a receiver holding either secret
 * verifies (sdk/src/webhooks.ts, verifyWebhookSignature). The timestamp is signed, so a captured
 * request cannot be replayed once it is older than the receiver's tolerance.
 */
export const SIGNATURE_HEADER = 'mais-signature';

export function signatureHeader(secrets: readonly string[], timestampSeconds: number, body: string): string {
  const signatures = secrets.map(
    (secret) => `v1=${createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex')}`,
  );
  return [`t=${timestampSeconds}`, ...signatures].join(',');
}

/** A new signing secret: `whsec_` and 32 random bytes, base64url. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}
