import { sealContexts } from '../../adapters/crypto/sealed-columns.ts';
import { hasStaffLinkTokenSlot, withStaffLinkToken } from '../../domain/staff/staff-messages.ts';
import { SecretBoxError } from '../../adapters/crypto/secret-box.ts';
import type { OutboxRow } from '../../adapters/db/repositories/outbox.repository.ts';
import type { TenantScope } from '../../adapters/db/tenant-scope.ts';
import { MailRefusedError, type OutgoingEmail, type SendOutcome } from '../../adapters/email/mailer.ts';
import { newManageToken } from '../../domain/appointments/manage-token.ts';
import { hasManageTokenSlot, withManageToken } from '../../domain/notifications/manage-link.ts';
import { crashAfterEmailHandedOverIfAsked } from '../../http/fault-injection.ts';
import { invoiceAttachment } from './invoice-attachment.ts';
import { senderOf, type NotificationServices } from './notification-services.ts';

/**
 * How long an attempt owns a message it is sending (services.sendingLeaseMs, from
 * OUTBOX_SENDING_LEASE_SECONDS, 120 s by default): past the Postmark call's own timeout, so an
 * attempt still waiting for Postmark is never overtaken; then the message counts as abandoned (a
 * crash) and the next attempt asks Postmark whether it went out before sending it again.
 */

/**
 * Sends outbox messages, each at most once (api/README.md, "Notifications: the outbox first, then
 * Postmark"). Per message:
 * 1. claim it (PENDING, or SENDING abandoned past the lease) and mark it SENDING, committed before
 *    anything leaves;
 * 2. if an earlier attempt was SENDING, ask the provider for a message with this outbox id (it may
 *    have left before that attempt died): found, it is SENT and nothing is sent again;
 * 3. a reminder past its window is SKIPPED, never sent late;
 * 4. send, with the outbox id in the message's metadata; then SENT (or SKIPPED without a token).
 *    A refusal that can pass (a wrong token, a rate limit) makes it PENDING again, one that cannot
 *    (a bad address) FAILED; no clear answer (5xx, timeout) leaves it SENDING for step 2.
 * One message's failure does not stop the others; the errors are thrown together at the end, so
 * the job is retried (which sends only what is still PENDING).
 */
export async function deliverOutbox(
  scope: TenantScope,
  services: NotificationServices,
  ids: readonly string[],
): Promise<void> {
  const errors: unknown[] = [];
  let sender: string | null = null;
  for (const id of ids) {
    const now = services.now();
    const claimed = await scope.outbox.claim(id, now, new Date(now.getTime() - services.sendingLeaseMs));
    if (!claimed) continue;
    const { row, previousStatus } = claimed;
    try {
      if (previousStatus === 'SENDING' && row.channel === 'email') {
        const sent = await services.mailer.findSent(row.id);
        if (sent) {
          services.log.info({ outboxId: row.id }, 'found at the provider: sent by an earlier attempt');
          await scope.outbox.markSent(row.id, sent, now);
          continue;
        }
      }
      if (row.sendBy && now.getTime() > row.sendBy.getTime()) {
        await scope.outbox.markSkipped(row.id, 'past its window: a reminder is not sent late');
        continue;
      }
      if (row.channel === 'sms') {
        const sms = { outboxId: row.id, to: row.recipient, text: row.textBody };
        await record(scope, row, await services.sms.send(sms), now);
        continue;
      }
      sender ??= senderOf((await scope.tenant.get()).name, services.fromAddress);
      // A message that will not leave keeps its placeholder: no token is minted for it.
      const email = services.mailer.delivers
        ? await outgoing(scope, services, row, sender)
        : stored(scope, row, sender);
      const outcome = await services.mailer.send(email);
      crashAfterEmailHandedOverIfAsked();
      await record(scope, row, outcome, now);
    } catch (error) {
      await afterFailure(scope, row, error);
      services.log.warn({ err: error, outboxId: row.id, kind: row.kind }, 'message not sent');
      errors.push(error);
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors, `${errors.length} messages were not sent`);
}

async function record(scope: TenantScope, row: OutboxRow, outcome: SendOutcome, now: Date): Promise<void> {
  if (outcome.status === 'SENT') await scope.outbox.markSent(row.id, outcome.providerMessageId, now);
  else await scope.outbox.markSkipped(row.id, outcome.reason);
}

async function afterFailure(scope: TenantScope, row: OutboxRow, error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof MailRefusedError) {
    if (error.permanent) await scope.outbox.markFailed(row.id, message);
    else await scope.outbox.release(row.id, message);
  } else if (error instanceof LinkTokenUnavailableError) {
    await scope.outbox.markFailed(row.id, message);
  } else {
    // Uncertain (a 5xx, a timeout, a crash of ours after handing it over): stays SENDING.
    await scope.outbox.noteUncertain(row.id, message);
  }
}

/** The email as it leaves: the manage link's token put in (never stored in the outbox). */
async function outgoing(
  scope: TenantScope,
  services: NotificationServices,
  row: OutboxRow,
  from: string,
): Promise<OutgoingEmail> {
  const invoice = await invoiceAttachment(scope, services.documents, row);
  const email = { ...stored(scope, row, from), ...(invoice ? { attachments: [invoice] } : {}) };
  if (hasStaffLinkTokenSlot(email.text)) {
    const token = staffLinkToken(scope, services, row);
    return {
      ...email,
      text: withStaffLinkToken(email.text, token),
      html: withStaffLinkToken(email.html, token),
    };
  }
  if (!hasManageTokenSlot(email.text) && !hasManageTokenSlot(email.html)) return email;
  const token = await emailToken(scope, services, row.appointmentId);
  return { ...email, text: withManageToken(email.text, token), html: withManageToken(email.html, token) };
}

/** A staff email's link token (invitation, password reset), kept sealed beside it (staff-outbox.ts). */
function staffLinkToken(scope: TenantScope, services: NotificationServices, row: OutboxRow): string {
  if (!services.box || !row.linkTokenSealed) {
    throw new LinkTokenUnavailableError(
      'The message carries a link token, but ENCRYPTION_KEY was not set when it was made.',
    );
  }
  try {
    return services.box.open(row.linkTokenSealed, sealContexts.staffLinkToken(scope.tenantId, row.dedupeKey));
  } catch (error) {
    if (error instanceof SecretBoxError) {
      throw new LinkTokenUnavailableError(`The link token does not open (${error.message}).`);
    }
    throw error;
  }
}

/** The email as the outbox keeps it. */
function stored(scope: TenantScope, row: OutboxRow, from: string): OutgoingEmail {
  return {
    outboxId: row.id,
    tenantId: scope.tenantId,
    from,
    to: row.recipient,
    subject: row.subject,
    text: row.textBody,
    html: row.htmlBody ?? '',
    tag: row.kind,
    invitation: row.ics
      ? { method: row.ics.includes('METHOD:CANCEL') ? 'CANCEL' : 'REQUEST', ics: row.ics }
      : null,
  };
}

class LinkTokenUnavailableError extends Error {
  override name = 'LinkTokenUnavailableError';
}

/**
 * The booking's email token: the one kept (sealed) for it, or a new one kept now. Every email
 * about the booking carries the same token, and it survives a retried booking replacing the token
 * the booking answered with.
 */
async function emailToken(
  scope: TenantScope,
  services: NotificationServices,
  appointmentId: string | null,
): Promise<string> {
  const { box } = services;
  if (!box || !appointmentId) {
    throw new LinkTokenUnavailableError('The message links a manage token, but ENCRYPTION_KEY is not set.');
  }
  const context = sealContexts.appointmentEmailToken(scope.tenantId, appointmentId);
  let sealed = await scope.notificationData.emailTokenSealed(appointmentId);
  if (!sealed) {
    const fresh = newManageToken();
    sealed = await scope.appointmentWrites.keepEmailToken(appointmentId, {
      hash: fresh.hash,
      sealed: box.seal(fresh.token, context),
    });
  }
  if (!sealed) throw new LinkTokenUnavailableError(`Appointment ${appointmentId} is gone.`);
  try {
    return box.open(sealed, context);
  } catch (error) {
    if (error instanceof SecretBoxError) {
      throw new LinkTokenUnavailableError(`The email token does not open (${error.message}).`);
    }
    throw error;
  }
}
