import { Errors, ServerClient } from 'postmark';
import type { Mailer, OutgoingEmail, SendOutcome } from './mailer.ts';
import { MailRefusedError, MailUncertainError } from './mailer.ts';

/** Seconds a Postmark call may take; the outbox's SENDING lease is longer (deliver-outbox.ts). */
export const POSTMARK_TIMEOUT_SECONDS = 30;

/**
 * The real `postmark` client. POSTMARK_API_BASE points it at another server (the fake in tests):
 * its host and scheme replace api.postmarkapp.com.
 */
export function postmarkClient(token: string, apiBase?: string, timeoutSeconds = POSTMARK_TIMEOUT_SECONDS) {
  if (!apiBase) return new ServerClient(token, { timeout: timeoutSeconds });
  const url = new URL(apiBase);
  return new ServerClient(token, {
    useHttps: url.protocol === 'https:',
    requestHost: url.host,
    timeout: timeoutSeconds,
  });
}

/**
 * Postmark has no idempotency key, so each message carries its outbox id in `Metadata`, and
 * `findSent` asks the outbound-messages search for it (`metadata_outboxId=`) before a message that
 * may have gone out is sent again.
 */
export class PostmarkMailer implements Mailer {
  readonly delivers = true;

  constructor(private readonly client: ServerClient) {}

  async send(email: OutgoingEmail): Promise<SendOutcome> {
    try {
      const answer = await this.client.sendEmail({
        From: email.from,
        To: email.to,
        Subject: email.subject,
        TextBody: email.text,
        HtmlBody: email.html,
        Tag: email.tag,
        MessageStream: 'outbound',
        Metadata: { outboxId: email.outboxId, tenantId: email.tenantId },
        ...(attachmentsOf(email).length > 0 ? { Attachments: attachmentsOf(email) } : {}),
      });
      return { status: 'SENT', providerMessageId: answer.MessageID };
    } catch (error) {
      throw classify(error);
    }
  }

  async findSent(outboxId: string): Promise<string | null> {
    try {
      const found = await this.client.getOutboundMessages({
        count: 1,
        offset: 0,
        metadata_outboxId: outboxId,
      });
      return found.Messages[0]?.MessageID ?? null;
    } catch (error) {
      // Without an answer we cannot tell: the message stays as it is and the next attempt asks again.
      throw classify(error);
    }
  }
}

/** The invitation (.ics) and any other files, as Postmark takes them (base64 content). */
function attachmentsOf(email: OutgoingEmail) {
  const files = email.invitation
    ? [
        {
          Name: email.invitation.method === 'CANCEL' ? 'cancel.ics' : 'invite.ics',
          Content: Buffer.from(email.invitation.ics, 'utf8').toString('base64'),
          ContentType: `text/calendar; charset=utf-8; method=${email.invitation.method}`,
          ContentID: null,
        },
      ]
    : [];
  for (const file of email.attachments ?? []) {
    files.push({
      Name: file.name,
      Content: file.content.toString('base64'),
      ContentType: file.contentType,
      ContentID: null,
    });
  }
  return files;
}

/**
 * Postmark's answers in our terms: 422 (a bad or inactive address, a malformed message) can never
 * succeed; 401 (a wrong token) and 429 left nothing sent but may later; 5xx and network failures
 * leave it unknown whether the message went out.
 */
function classify(error: unknown): Error {
  if (error instanceof Errors.ApiInputError) return new MailRefusedError(error.message, true);
  if (error instanceof Errors.InvalidAPIKeyError || error instanceof Errors.RateLimitExceededError) {
    return new MailRefusedError(error.message, false);
  }
  if (error instanceof Errors.PostmarkError) return new MailUncertainError(error.message);
  return error instanceof Error ? error : new Error(String(error));
}
