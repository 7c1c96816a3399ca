import type { SecretBox } from '../../adapters/crypto/secret-box.ts';
import { sealContexts } from '../../adapters/crypto/sealed-columns.ts';
import type { TenantScope } from '../../adapters/db/tenant-scope.ts';
import type { StaffMessage } from '../../domain/staff/staff-messages.ts';

/**
 * Queues a staff email in the tenant's outbox, delivered like the booking emails (by the outbox
 * sweep; kept SKIPPED and visible at GET /v1/tenant-admin/outbox when no email provider is set
 * up). The message's link holds a placeholder: its token is a secret, kept sealed beside it and
 * put in as the email leaves, so neither the outbox nor a copy of the database holds a working
 * link. Without ENCRYPTION_KEY nothing can carry the token: the email is queued and fails with
 * that reason (a password given at creation, or a secret key, still works). The dedupe key is
 * the token's hash (a prefix), so each link is queued once.
 */
export async function queueStaffMessage(
  scope: TenantScope,
  message: StaffMessage,
  recipient: string,
  link: { token: string; hash: string },
  box: SecretBox | null,
  now: Date,
): Promise<void> {
  const dedupeKey = `${message.kind}:${link.hash.slice(0, 32)}`;
  await scope.outbox.add(
    [
      {
        appointmentId: null,
        kind: message.kind,
        channel: 'email',
        recipient,
        dedupeKey,
        subject: message.subject,
        textBody: message.textBody,
        htmlBody: null,
        ics: null,
        scheduledFor: now,
        sendBy: null,
        linkTokenSealed: box
          ? box.seal(link.token, sealContexts.staffLinkToken(scope.tenantId, dedupeKey))
          : null,
      },
    ],
    now,
  );
}
