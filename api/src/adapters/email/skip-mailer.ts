import type { Mailer, OutgoingEmail, SendOutcome } from './mailer.ts';

/**
 * Without POSTMARK_SERVER_TOKEN (the embedded default) nothing leaves: every message is built and
 * stored as usual and marked SKIPPED, so the outbox route shows what would have been sent.
 */
export class SkipMailer implements Mailer {
  readonly delivers = false;

  async send(_email: OutgoingEmail): Promise<SendOutcome> {
    return { status: 'SKIPPED', reason: 'POSTMARK_SERVER_TOKEN is not set: not sent' };
  }

  async findSent(_outboxId: string): Promise<string | null> {
    return null;
  }
}
