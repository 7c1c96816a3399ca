import { MaisError } from './core/errors.ts';
import type { WebhookEventType } from './types.ts';

/** A webhook request's JSON body. */
export interface WebhookEvent {
  /** evt_…: the same for every delivery of one event; drop repeats by it. */
  id: string;
  type: WebhookEventType;
  /** When the change happened (ISO 8601, UTC). */
  created: string;
  /** The tenant's id. */
  tenant: string;
  /** `appointment`: the booking as the event's change left it; `change`: what the event recorded. */
  data: { appointment: Record<string, unknown> | null; change: Record<string, unknown> };
}

/** The request does not carry a valid MAIS-Signature for the secret: answer 400 and drop it. */
export class WebhookSignatureError extends MaisError {
  override readonly name: string = 'WebhookSignatureError';
}

export interface VerifyWebhookOptions {
  /** The raw request body, exactly as received (not parsed and serialized again). */
  payload: string | Uint8Array;
  /** The MAIS-Signature header. */
  header: string | null | undefined;
  /** The endpoint's whsec_ secret; during a rotation, both the new and the old one. */
  secret: string | readonly string[];
  /** How old a signature may be (default 300 s): older ones may be replays. */
  toleranceSeconds?: number;
  now?: Date;
}

const encoder = new TextEncoder();

/**
 * Checks a webhook request and answers its event. MAIS-Signature is `t=<unix seconds>,v1=<hex>`
 * (and a second v1 while a rotated-out secret is honoured), the v1 an HMAC-SHA256 of `<t>.<body>`
 * under the endpoint's secret, as Stripe's. Throws WebhookSignatureError when no v1 matches any
 * given secret or the timestamp is outside the tolerance. Uses Web Crypto: Node 20+ and browsers.
 */
export async function verifyWebhookSignature(options: VerifyWebhookOptions): Promise<WebhookEvent> {
  const { timestamp, signatures } = parseHeader(options.header);
  const now = (options.now ?? new Date()).getTime() / 1000;
  const tolerance = options.toleranceSeconds ?? 300;
  if (Math.abs(now - timestamp) > tolerance) {
    throw new WebhookSignatureError(`The signature's timestamp is more than ${tolerance} s away from now.`);
  }
  const body =
    typeof options.payload === 'string' ? options.payload : new TextDecoder().decode(options.payload);
  const secrets = typeof options.secret === 'string' ? [options.secret] : options.secret;
  for (const secret of secrets) {
    const expected = await hmacHex(secret, `${timestamp}.${body}`);
    if (signatures.some((signature) => equalInConstantTime(signature, expected))) {
      return JSON.parse(body) as WebhookEvent;
    }
  }
  throw new WebhookSignatureError('No signature matches the secret: wrong secret, or the body was changed.');
}

function parseHeader(header: string | null | undefined): { timestamp: number; signatures: string[] } {
  if (!header) throw new WebhookSignatureError('The request has no MAIS-Signature header.');
  let timestamp = Number.NaN;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.trim().split('=', 2);
    if (key === 't' && value && /^\d+$/.test(value)) timestamp = Number(value);
    if (key === 'v1' && value) signatures.push(value);
  }
  if (!Number.isFinite(timestamp) || signatures.length === 0) {
    throw new WebhookSignatureError('MAIS-Signature must hold t=<seconds> and at least one v1=<signature>.');
  }
  return { timestamp, signatures };
}

async function hmacHex(secret: string, message: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(message)));
  return Array.from(signature, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Compares without stopping at the first difference, so timing does not reveal the signature. */
function equalInConstantTime(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i += 1) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}
