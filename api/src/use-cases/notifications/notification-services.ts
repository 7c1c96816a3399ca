import type { SecretBox } from '../../adapters/crypto/secret-box.ts';
import type { Mailer } from '../../adapters/email/mailer.ts';
import type { DocumentRenderer } from '../../adapters/pdf/document-renderer.ts';
import type { SmsSender } from '../../adapters/sms/sms-sender.ts';

interface Log {
  info(data: object, message: string): void;
  warn(data: object, message: string): void;
  error(data: object, message: string): void;
}

/** What the notification use-cases work with besides the tenant's scope (jobs/notifications.feature.ts builds it). */
export interface NotificationServices {
  mailer: Mailer;
  sms: SmsSender;
  /** Seals the email tokens (ENCRYPTION_KEY); null without a key: links then carry no token. */
  box: SecretBox | null;
  /** PUBLIC_URL: the host in .ics UIDs. */
  publicUrl: string | undefined;
  /** The sender's address (POSTMARK_FROM's); the tenant's name is its display name. */
  fromAddress: string;
  now(): Date;
  log: Log;
  /** How long an attempt owns a message it is sending (OUTBOX_SENDING_LEASE_SECONDS): see deliver-outbox.ts. */
  sendingLeaseMs: number;
  /** Draws the invoice attached to the email after a payment (invoice-attachment.ts). */
  documents: DocumentRenderer;
}

/** "MAIS <bookings@mais.example>" or "bookings@mais.example" → the address; a placeholder without one. */
export function senderAddress(postmarkFrom: string | undefined, publicUrl: string | undefined): string {
  const from = postmarkFrom?.trim();
  if (from) return /<([^>]+)>/.exec(from)?.[1]?.trim() ?? from;
  return `no-reply@${publicUrl ? new URL(publicUrl).hostname : 'mais-scheduling.invalid'}`;
}

/** `"Studio Ana" <bookings@mais.example>`: the tenant's name, quoted, on the platform's address. */
export function senderOf(tenantName: string, address: string): string {
  const name = tenantName.replace(/[\r\n]+/g, ' ').replace(/["\\]/g, '\\$&');
  return `"${name}" <${address}>`;
}
