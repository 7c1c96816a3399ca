/**
 * Email, in our terms. The use-cases hand over one message of the outbox at a time and learn
 * whether it left; the Postmark implementation (postmark-mailer.ts) and the one used without a
 * token (skip-mailer.ts) sit behind this port.
 */

export interface OutgoingEmail {
  /** The outbox row's id: sent with the message (Postmark metadata) so a retry can find it there. */
  outboxId: string;
  tenantId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** What it is ("confirmation", "reminder"…), for the provider's reports. */
  tag: string;
  invitation: { method: 'REQUEST' | 'CANCEL'; ics: string } | null;
  /** Files besides the invitation (the invoice PDF after a payment). */
  attachments?: EmailAttachment[];
}

export interface EmailAttachment {
  name: string;
  contentType: string;
  content: Buffer;
}

export type SendOutcome =
  | { status: 'SENT'; providerMessageId: string }
  /** Nothing was sent, by design (no Postmark token): the outbox keeps it as SKIPPED. */
  | { status: 'SKIPPED'; reason: string };

export interface Mailer {
  /**
   * false: nothing leaves, send() only answers SKIPPED; callers then skip what only a delivered
   * message needs (minting its manage token).
   */
  readonly delivers: boolean;
  send(email: OutgoingEmail): Promise<SendOutcome>;
  /**
   * The provider's id of a message already sent for this outbox row, or null: asked before sending
   * again a message whose last attempt may have gone out (it crashed or timed out after handing it
   * over).
   */
  findSent(outboxId: string): Promise<string | null>;
}

/** The provider said no: the message did not leave. `permanent`: sending it again cannot help. */
export class MailRefusedError extends Error {
  override name = 'MailRefusedError';

  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

/** No clear answer (a 5xx, a timeout, a dropped connection): the message may or may not have left. */
export class MailUncertainError extends Error {
  override name = 'MailUncertainError';
}
